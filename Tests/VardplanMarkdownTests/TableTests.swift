import Testing
@testable import VardplanMarkdown

/// Pipe tables on top of cmark's paragraphs: where they start and end, captions, the
/// broken-table warning, containers.
@Suite("Pipe tables")
struct TableTests {
    static func table(_ head: [String], _ rows: [[String]] = [], caption: String? = nil, label: String = "Tabell") -> String {
        var html = "<div class=\"table-scroll\" role=\"region\" aria-label=\"\(caption ?? label)\" tabindex=\"0\">\n<table>\n"
        if let caption { html += "<caption>\(caption)</caption>\n" }
        html += "<thead>\n<tr>\n" + head.map { "<th scope=\"col\">\($0)</th>\n" }.joined() + "</tr>\n</thead>\n"
        if !rows.isEmpty {
            html += "<tbody>\n" + rows.map { "<tr>\n" + $0.map { "<td>\($0)</td>\n" }.joined() + "</tr>\n" }.joined() + "</tbody>\n"
        }
        return html + "</table>\n</div>\n"
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        var html: String
    }

    static let cases: [Case] = [
        Case(testDescription: "paragraph lines directly above the table stay a paragraph",
             markdown: "Så här:\n| a | b |\n|---|---|\n| 1 | 2 |",
             html: "<p>Så här:</p>\n" + table(["a", "b"], [["1", "2"]])),
        Case(testDescription: "caption: an emphasised line directly above",
             markdown: "Text före.\n*Behandlingsschema*\n| Dag | Dos |\n|---|---|\n| 1 | 2 |",
             html: "<p>Text före.</p>\n" + table(["Dag", "Dos"], [["1", "2"]], caption: "Behandlingsschema")),
        Case(testDescription: "caption: a one-line strong paragraph before",
             markdown: "**Vem ringer jag?**\n\n| Vem | Nummer |\n|---|---|\n| Akut | 112 |",
             html: table(["Vem", "Nummer"], [["Akut", "112"]], caption: "Vem ringer jag?")),
        Case(testDescription: "not a caption: emphasis is only part of the line",
             markdown: "*Schema* för dag 1\n\n| a |\n|---|",
             html: "<p><em>Schema</em> för dag 1</p>\n" + table(["a"])),
        Case(testDescription: "not a caption: a two-line paragraph before",
             markdown: "*Schema\nför dag 1*\n\n| a |\n|---|",
             html: "<p><em>Schema\nför dag 1</em></p>\n" + table(["a"])),
        Case(testDescription: "an ordered list starting at 2 ends the table (cmark-gfm)",
             markdown: "| a |\n|---|\n| 1 |\n2. två",
             html: table(["a"], [["1"]]) + "<ol start=\"2\">\n<li>två</li>\n</ol>\n"),
        Case(testDescription: "an indented line after the table is code (cmark-gfm)",
             markdown: "| a |\n|---|\n| 1 |\n    kod",
             html: table(["a"], [["1"]]) + "<pre><code>kod\n</code></pre>\n"),
        Case(testDescription: "a setext underline after a table is a thematic break",
             markdown: "| a |\n|---|\n| 1 |\n---",
             html: table(["a"], [["1"]]) + "<hr />\n"),
        Case(testDescription: "in a block quote; a lazy line ends the table",
             markdown: "> | a | b |\n> |---|---|\n> | 1 | 2 |\nlat rad",
             html: "<blockquote>\n" + table(["a", "b"], [["1", "2"]]) + "<p>lat rad</p>\n</blockquote>\n"),
        Case(testDescription: "in a tight list item, after the item's text",
             markdown: "- Schema:\n  | a |\n  |---|\n  | 1 |\n- nästa",
             html: "<ul>\n<li>Schema:\n" + table(["a"], [["1"]]) + "</li>\n<li>nästa</li>\n</ul>\n"),
        Case(testDescription: "a lazy line cannot be a delimiter row",
             markdown: "> | a |\n|---|",
             html: "<blockquote>\n<p>| a |\n|---|</p>\n</blockquote>\n"),
        Case(testDescription: "four spaces of indentation cannot be a delimiter row",
             markdown: "| a |\n    |---|",
             html: "<p>| a |\n|---|</p>\n"),
        Case(testDescription: "a setext heading is not a table (cmark reports its end a line late)",
             markdown: "Foo\n---\nbar",
             html: "<h1>Foo</h1>\n<p>bar</p>\n"),
        Case(testDescription: "a table inside a setext heading's text: the underline row stays a row",
             markdown: "| a |\n|---|\n| 1 |\n===",
             html: table(["a"], [["1"], ["==="]])),
        Case(testDescription: "a table after link reference definitions in the same paragraph",
             markdown: "[v]: https://1177.se\n| a |\n|---|\n| [x][v] |",
             html: table(["a"], [["<a href=\"https://1177.se\">x</a>"]])),
        Case(testDescription: "reference links resolve in cells",
             markdown: "| a |\n|---|\n| [1177][v] |\n\n[v]: https://1177.se",
             html: table(["a"], [["<a href=\"https://1177.se\">1177</a>"]])),
        Case(testDescription: "inline markup in cells; cell text is never a block",
             markdown: "| a | b |\n|---|---|\n| 1. *x* | # y |",
             html: table(["a", "b"], [["1. <em>x</em>", "# y"]])),
    ]

    @Test("structure", arguments: cases)
    func structure(_ testCase: Case) {
        #expect(MarkdownTestSupport.html(testCase.markdown, options: MarkdownParser.Options(smartPunctuation: false))
            == testCase.html)
    }

    @Test("alignment classes and th scope")
    func alignment() {
        let html = MarkdownTestSupport.html("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |")
        #expect(html == """
        <div class="table-scroll" role="region" aria-label="Tabell" tabindex="0">
        <table>
        <thead>
        <tr>
        <th scope="col" class="align-left">a</th>
        <th scope="col" class="align-center">b</th>
        <th scope="col" class="align-right">c</th>
        <th scope="col">d</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td class="align-left">1</td>
        <td class="align-center">2</td>
        <td class="align-right">3</td>
        <td>4</td>
        </tr>
        </tbody>
        </table>
        </div>

        """)
    }

    struct WarningCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        var warnings: [String]
    }

    static let warningCases: [WarningCase] = [
        WarningCase(testDescription: "delimiter row with fewer cells", markdown: "Inledning.\n\n| a | b | c |\n| --- | --- |\n| 1 | 2 | 3 |",
                    warnings: ["10:1: warning: this looks like a table, but the header has 3 cells and the delimiter row 2; give both rows the same number of cells"]),
        WarningCase(testDescription: "delimiter row with more cells, in a list item", markdown: "- | a |\n  |---|---|",
                    warnings: ["8:3: warning: this looks like a table, but the header has 1 cell and the delimiter row 2; give both rows the same number of cells"]),
        WarningCase(testDescription: "only the first delimiter-like line counts", markdown: "| a | b |\n|---|\n| x | y |\n|---|---|",
                    warnings: ["8:1: warning: this looks like a table, but the header has 2 cells and the delimiter row 1; give both rows the same number of cells"]),
        WarningCase(testDescription: "a well-formed table is quiet", markdown: "| a |\n|---|", warnings: []),
        WarningCase(testDescription: "a delimiter-like line alone is quiet", markdown: "| --- | --- |", warnings: []),
    ]

    @Test("broken tables are reported at the delimiter row", arguments: warningCases)
    func brokenTable(_ testCase: WarningCase) {
        let (document, diagnostics) = MarkdownTestSupport.parse(testCase.markdown, frontMatter: MarkdownTestSupport.frontMatter)
        #expect(MarkdownTestSupport.describe(diagnostics) == testCase.warnings)
        if !testCase.warnings.isEmpty {
            #expect(!document.debugDescription.contains("Table"), "the paragraph stays a paragraph")
        }
    }

    @Test("cmark-compatible mode has no tables")
    func plainMode() {
        let (document, diagnostics) = MarkdownTestSupport.parse("| a |\n|---|\n| 1 |", options: .cmarkCompatible)
        #expect(diagnostics.isEmpty)
        #expect(document.debugDescription == """
        Document @1:1
        └─ Paragraph @1:1
           ├─ Text "| a |"
           ├─ SoftBreak
           ├─ Text "|---|"
           ├─ SoftBreak
           └─ Text "| 1 |"
        """)
    }
}
