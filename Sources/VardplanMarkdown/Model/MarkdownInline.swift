import VardplanDiagnostics

/// An inline element of a paragraph, heading, table cell or callout title, as a value:
/// what a `MarkdownInlines` run gives one by one (for tests, dumps and rewrites) and
/// is built from in code. The parser and the writer work on the run itself.
///
/// Adjacent text is merged into one `.text`. Links, images and raw HTML carry their
/// file-absolute `SourceLocation` (the `[`, `![` or `<` that opens them).
public enum MarkdownInline: Sendable, Hashable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case link(destination: String, title: String, children: [MarkdownInline], location: SourceLocation)
    case image(source: String, title: String, children: [MarkdownInline], location: SourceLocation)
    /// Raw HTML is kept so that `check` can point at it; it is never rendered.
    case rawHTML(String, location: SourceLocation)

    /// The text a reader sees, without markup: breaks become spaces, raw HTML disappears
    /// (the same flattening cmark uses for an image's `alt`).
    public var plainText: String {
        var result = ""
        MarkdownInline.appendPlainText(of: [self], to: &result)
        return result
    }

    /// Appends the plain text of `inlines` to `result`.
    public static func appendPlainText(of inlines: [MarkdownInline], to result: inout String) {
        var bytes: [UInt8] = []
        appendPlainText(of: inlines, to: &bytes)
        result += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the plain text of `inlines` to `result` as UTF-8 (for a reader of bytes,
    /// such as the LIX walk: no `String` is made).
    public static func appendPlainText(of inlines: [MarkdownInline], to result: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): result.append(contentsOf: text.utf8)
            case .softBreak, .lineBreak: result.append(0x20)
            case .emphasis(let children), .strong(let children): appendPlainText(of: children, to: &result)
            case .link(_, _, let children, _), .image(_, _, let children, _): appendPlainText(of: children, to: &result)
            case .rawHTML: break
            }
        }
    }

    /// The plain text of a sequence of inlines.
    public static func plainText(of inlines: [MarkdownInline]) -> String {
        var result = ""
        appendPlainText(of: inlines, to: &result)
        return result
    }
}
