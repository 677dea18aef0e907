import Testing
@testable import VardplanMarkdown

/// Raw HTML is never published; `check` warns where it is (HTML comments are quiet notes).
@Suite("Raw HTML")
struct RawHTMLTests {
    @Test("block and inline HTML are warned about at their positions and not rendered")
    func warningsAndOutput() {
        let body = """
        <div class="x">
        text
        </div>

        Text med <b>fetstil</b> och
        ny rad <br> här.

        > citat med <span>å</span>

        <!-- en anteckning till andra skribenter -->
        Text <!-- inline kommentar --> slut.
        """
        let (document, diagnostics) = MarkdownTestSupport.parse(body, frontMatter: MarkdownTestSupport.frontMatter)
        let message = "raw HTML is not published; write it in Markdown instead"
        #expect(MarkdownTestSupport.describe(diagnostics) == [
            "7:1: warning: \(message)",
            "11:10: warning: \(message)",
            "11:20: warning: \(message)",
            "12:8: warning: \(message)",
            "14:13: warning: \(message)",
            "14:20: warning: \(message)",
        ])
        #expect(MarkdownHTMLRenderer().render(document).rawValue == """
        <p>Text med fetstil och
        ny rad  här.</p>
        <blockquote>
        <p>citat med å</p>
        </blockquote>
        <p>Text  slut.</p>

        """)
    }

    @Test("raw HTML stays in the tree")
    func tree() {
        let (document, _) = MarkdownTestSupport.parse("a <i>b</i>")
        #expect(document.debugDescription == """
        Document @1:1
        └─ Paragraph @1:1
           ├─ Text "a "
           ├─ InlineHTML "<i>" @1:3
           ├─ Text "b"
           └─ InlineHTML "</i>" @1:7
        """)
    }

    @Test("raw HTML in a table cell is reported at its place in the row")
    func inTableCell() {
        let (document, diagnostics) = MarkdownTestSupport.parse("| a | b |\n|---|---|\n| x \\| y<br> | rad<br>två |",
                                                               frontMatter: MarkdownTestSupport.frontMatter)
        #expect(MarkdownTestSupport.describe(diagnostics) == [
            "9:9: warning: raw HTML is not published; write it in Markdown instead",
            "9:19: warning: raw HTML is not published; write it in Markdown instead",
        ])
        #expect(MarkdownHTMLRenderer().render(document).rawValue.contains("<td>radtvå</td>"))
    }
}
