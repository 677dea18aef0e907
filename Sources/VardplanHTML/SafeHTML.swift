/// HTML that is already safe to put in a page: produced by our renderers or by
/// escaping text. Plain `String`s are text and must go through `HTMLEscaper`.
///
/// Markup made as UTF-8 bytes (a Markdown body, a page's content) stays bytes: a page
/// rendered into bytes copies them as they are, with no `String` made and validated
/// in between; `rawValue` makes the text only when asked.
public struct SafeHTML: Hashable, Sendable, CustomStringConvertible {
    private enum Storage: Sendable {
        case text(String)
        case utf8([UInt8])
    }

    private let storage: Storage

    /// The markup as text.
    public var rawValue: String {
        switch storage {
        case .text(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Wraps markup that the caller vouches for (a renderer's own output).
    public init(trusted markup: String) {
        self.storage = .text(markup)
    }

    /// Wraps markup, as UTF-8 bytes, that the caller vouches for (a renderer's own output).
    public init(trustedUTF8 bytes: [UInt8]) {
        self.storage = .utf8(bytes)
    }

    /// Escapes text so it shows as written.
    public init(escaping text: String) {
        self.storage = .text(HTMLEscaper.escape(text))
    }

    public static let empty = SafeHTML(trusted: "")

    /// Whether there is no markup at all.
    public var isEmpty: Bool {
        switch storage {
        case .text(let text): text.isEmpty
        case .utf8(let bytes): bytes.isEmpty
        }
    }

    /// How many UTF-8 bytes the markup has.
    public var utf8Count: Int {
        switch storage {
        case .text(let text): text.utf8.count
        case .utf8(let bytes): bytes.count
        }
    }

    /// Appends the markup's UTF-8 bytes to `bytes`.
    public func appendUTF8(to bytes: inout [UInt8]) {
        switch storage {
        case .text(let text): bytes.append(contentsOf: text.utf8)
        case .utf8(let own): bytes.append(contentsOf: own)
        }
    }

    public var description: String { rawValue }

    public static func == (lhs: SafeHTML, rhs: SafeHTML) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public static func + (lhs: SafeHTML, rhs: SafeHTML) -> SafeHTML {
        SafeHTML(trusted: lhs.rawValue + rhs.rawValue)
    }
}
