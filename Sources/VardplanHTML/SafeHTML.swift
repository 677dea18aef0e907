/// HTML that is already safe to put in a page: produced by our renderers or by
/// escaping text. Plain `String`s are text and must go through `HTMLEscaper`.
public struct SafeHTML: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Wraps markup that the caller vouches for (a renderer's own output).
    public init(trusted markup: String) {
        self.rawValue = markup
    }

    /// Escapes text so it shows as written.
    public init(escaping text: String) {
        self.rawValue = HTMLEscaper.escape(text)
    }

    public static let empty = SafeHTML(trusted: "")

    public var description: String { rawValue }

    public static func + (lhs: SafeHTML, rhs: SafeHTML) -> SafeHTML {
        SafeHTML(trusted: lhs.rawValue + rhs.rawValue)
    }
}
