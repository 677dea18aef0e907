/// Renders a document parsed with `MarkdownParser.Options.cmarkCompatible` as libcmark's
/// `cmark_render_html` does with default options, byte for byte (for plain CommonMark
/// without raw HTML): no heading shift, links as written, no link addresses. Used by the
/// differential tests against libcmark; pages use `MarkdownHTMLRenderer`.
struct CmarkCompatibleHTMLRenderer: Sendable {

    /// The document's HTML.
    func render(_ document: MarkdownDocument) -> String {
        var writer = MarkdownHTMLWriter(configuration: MarkdownHTMLRenderer.Configuration(), levelShift: 0, capacity: 256)
        writer.blocks(document.blocks, tight: false)
        return writer.output
    }
}
