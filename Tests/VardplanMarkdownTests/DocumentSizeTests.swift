import Testing
@testable import VardplanMarkdown

/// A parsed body knows its source's size, so that the renderer sizes its buffer once;
/// the size is not part of what makes two documents the same.
@Suite("Document source size")
struct DocumentSizeTests {
    @Test("a body's size is its bytes after the front matter")
    func bodySize() {
        let body = "# Rubrik\n\nEn mening med å, ä och ö.\n"
        let document = MarkdownTestSupport.parse(body, frontMatter: "titel: Steg\n").document
        #expect(document.sourceByteCount == body.utf8.count)
    }

    @Test("documents with the same blocks are equal whatever size they were given")
    func sizeIsNotIdentity() {
        let parsed = MarkdownTestSupport.parse("Text med en [länk](a.md).\n").document
        var resized = parsed
        resized.sourceByteCount = 0
        #expect(parsed == resized)
        #expect(parsed.hashValue == resized.hashValue)
        var changed = parsed
        changed.sourcePath = "annan.md"
        #expect(parsed != changed)
    }

    @Test("the render does not depend on the size (a buffer too small grows; a larger one writes the same bytes)")
    func renderIgnoresSize() {
        let parsed = MarkdownTestSupport.parse("## A\n\nText *med* [länk](https://example.org).\n\n- ett\n- två\n").document
        let renderer = MarkdownHTMLRenderer(configuration: MarkdownHTMLRenderer.Configuration(headingBase: 1))
        let expected = renderer.renderUTF8(parsed)
        for size in [0, 1, 10_000_000] {
            var document = parsed
            document.sourceByteCount = size
            #expect(renderer.renderUTF8(document) == expected)
        }
    }
}
