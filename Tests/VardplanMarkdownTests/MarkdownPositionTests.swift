import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics

/// Every block, link, image and raw HTML carries its file-absolute position: lines count
/// from the top of the file (front matter included), columns count characters.
@Suite("Markdown tree and positions")
struct MarkdownPositionTests {
    @Test("a body after six lines of front matter: every node at its place in the file")
    func treeDumpAfterFrontMatter() {
        let body = """
        ## Illamående efter behandling

        Många får ont i magen. Läs [mer om illamående](steg:illamaende-mer) och
        ät små måltider, se [råd](kost.md "Kostråd").

        > [!AKUT] Ring 112
        > Om du kräks blod, ring [112](tel:112).

        - Ät **små** portioner
        - Drick *ofta*: ![glas](bilder/glas.png)
        - Tredje punkten fortsätter
          på nästa rad med [länk](steg:x) här.

        > Citat som fortsätter
        lat rad med [x](y) och <https://1177.se>.

        *Behandlingsschema*
        | Dag | Läkemedel |
        |:----|:---------:|
        | 1   | [Ondansetron](steg:ond) \\| tablett |
        | 2 |
        """
        let (document, diagnostics) = MarkdownTestSupport.parse(body, frontMatter: MarkdownTestSupport.frontMatter)
        #expect(diagnostics.isEmpty)
        #expect(document.debugDescription == """
        Document @7:1
        ├─ Heading level: 2 @7:1
        │  └─ Text "Illamående efter behandling"
        ├─ Paragraph @9:1
        │  ├─ Text "Många får ont i magen. Läs "
        │  ├─ Link destination: "steg:illamaende-mer" @9:28
        │  │  └─ Text "mer om illamående"
        │  ├─ Text " och"
        │  ├─ SoftBreak
        │  ├─ Text "ät små måltider, se "
        │  ├─ Link destination: "kost.md" title: "Kostråd" @10:21
        │  │  └─ Text "råd"
        │  └─ Text "."
        ├─ Callout kind: akut @12:1
        │  ├─ Title
        │  │  └─ Text "Ring 112"
        │  └─ Paragraph @12:3
        │     ├─ Text "Om du kräks blod, ring "
        │     ├─ Link destination: "tel:112" @13:26
        │     │  └─ Text "112"
        │     └─ Text "."
        ├─ UnorderedList tight: true @15:1
        │  ├─ ListItem @15:1
        │  │  └─ Paragraph @15:3
        │  │     ├─ Text "Ät "
        │  │     ├─ Strong
        │  │     │  └─ Text "små"
        │  │     └─ Text " portioner"
        │  ├─ ListItem @16:1
        │  │  └─ Paragraph @16:3
        │  │     ├─ Text "Drick "
        │  │     ├─ Emphasis
        │  │     │  └─ Text "ofta"
        │  │     ├─ Text ": "
        │  │     └─ Image source: "bilder/glas.png" @16:17
        │  │        └─ Text "glas"
        │  └─ ListItem @17:1
        │     └─ Paragraph @17:3
        │        ├─ Text "Tredje punkten fortsätter"
        │        ├─ SoftBreak
        │        ├─ Text "på nästa rad med "
        │        ├─ Link destination: "steg:x" @18:20
        │        │  └─ Text "länk"
        │        └─ Text " här."
        ├─ BlockQuote @20:1
        │  └─ Paragraph @20:3
        │     ├─ Text "Citat som fortsätter"
        │     ├─ SoftBreak
        │     ├─ Text "lat rad med "
        │     ├─ Link destination: "y" @21:13
        │     │  └─ Text "x"
        │     ├─ Text " och "
        │     ├─ Link destination: "https://1177.se" @21:24
        │     │  └─ Text "https://1177.se"
        │     └─ Text "."
        └─ Table alignments: [left, center] @24:1
           ├─ Caption
           │  └─ Text "Behandlingsschema"
           ├─ Head
           │  ├─ Cell @24:3
           │  │  └─ Text "Dag"
           │  └─ Cell @24:9
           │     └─ Text "Läkemedel"
           ├─ Row
           │  ├─ Cell @26:3
           │  │  └─ Text "1"
           │  └─ Cell @26:9
           │     ├─ Link destination: "steg:ond" @26:9
           │     │  └─ Text "Ondansetron"
           │     └─ Text " | tablett"
           └─ Row
              ├─ Cell @27:3
              │  └─ Text "2"
              └─ Cell @27:6
        """)
    }

    struct PositionCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var body: String
        /// `line:column` of the first link, image or raw HTML (body starts on line 7).
        var expected: String
    }

    static let positionCases: [PositionCase] = [
        PositionCase(testDescription: "after å, ä, ö on the first line", body: "Åäö åäö [x](y)", expected: "7:9"),
        PositionCase(testDescription: "continuation line with other indentation than the first",
                     body: "  text\n   mer [x](y)", expected: "8:8"),
        PositionCase(testDescription: "lazy continuation line of a block quote", body: "> citat\nlat [x](y)", expected: "8:5"),
        PositionCase(testDescription: "list item continuation inside a block quote",
                     body: "> - punkt\n>   fortsätter [x](y)", expected: "8:16"),
        PositionCase(testDescription: "autolink on a continuation line (cmark's own column is off)",
                     body: "text\n  och <https://1177.se>", expected: "8:7"),
        PositionCase(testDescription: "e-mail autolink inside a block quote",
                     body: "> skriv till <info@exempel.se>", expected: "7:14"),
        PositionCase(testDescription: "image in an ATX heading", body: "## Rubrik ![bild](b.png)", expected: "7:11"),
        PositionCase(testDescription: "second line of a setext heading", body: "Rubrik\nmed [x](y)\n===", expected: "8:5"),
        PositionCase(testDescription: "table cell after an escaped pipe",
                     body: "| a |\n|---|\n| x \\| y [l](m) |", expected: "9:10"),
        PositionCase(testDescription: "table cell in a list item",
                     body: "- Schema:\n\n  | a | b |\n  |---|---|\n  | 1 | ö [l](m) |", expected: "11:11"),
        PositionCase(testDescription: "list item indented with a tab", body: "-\tpunkt [x](y)", expected: "7:9"),
        PositionCase(testDescription: "CRLF line endings", body: "rad ett\r\nrad två [x](y)", expected: "8:9"),
        PositionCase(testDescription: "inline raw HTML on a continuation line", body: "text\n  mer <span>", expected: "8:7"),
        PositionCase(testDescription: "after link reference definitions in the same paragraph",
                     body: "[a]: /x\n[b]: /y\n  \"titel\"\nText [c](d)", expected: "10:6"),
        PositionCase(testDescription: "after a backslash hard line break (cmark loses count)",
                     body: "ett\\\n  två [x](y)", expected: "8:7"),
        PositionCase(testDescription: "after two backslash breaks and a soft break, in a quote",
                     body: "> a\\\r\n> b\\\n> c\n> d [x](y)", expected: "10:5"),
        PositionCase(testDescription: "after a two-space hard line break", body: "ett  \ntvå [x](y)", expected: "8:5"),
        PositionCase(testDescription: "after a code span across lines", body: "a `x\ny` [l](m)", expected: "8:4"),
        PositionCase(testDescription: "a link whose text spans two lines (cmark reports the second)",
                     body: "> ab ![c\n> d](x)", expected: "7:6"),
        PositionCase(testDescription: "after a backslash break and a code span across lines",
                     body: "a\\\nb `x\ny` <i>", expected: "9:4"),
        PositionCase(testDescription: "an image whose text is its source", body: "å![x](x)", expected: "7:2"),
        PositionCase(testDescription: "paragraph after a table, re-parsed on its own",
                     body: "| a |\n|---|\n| 1 |\n> citat [x](y)", expected: "10:9"),
    ]

    @Test("link, image and raw HTML positions", arguments: positionCases)
    func firstInlinePosition(_ testCase: PositionCase) throws {
        let (document, _) = MarkdownTestSupport.parse(testCase.body, frontMatter: MarkdownTestSupport.frontMatter)
        let location = try #require(Self.firstInlineLocation(document.blocks))
        #expect(location.path == "steg/illamaende.md")
        #expect("\(location.position)" == testCase.expected)
    }

    @Test("after a link whose destination or title continues on the next line (cmark loses count)")
    func multiLineLinkTail() {
        let (document, _) = MarkdownTestSupport.parse("[a](\n  b) <http://x>\n> [c](d \"t\n> u\") ![e](f)",
                                                      frontMatter: MarkdownTestSupport.frontMatter)
        #expect(document.debugDescription == """
        Document @7:1
        ├─ Paragraph @7:1
        │  ├─ Link destination: "b" @7:1
        │  │  └─ Text "a"
        │  ├─ Text " "
        │  └─ Link destination: "http://x" @8:6
        │     └─ Text "http://x"
        └─ BlockQuote @9:1
           └─ Paragraph @9:3
              ├─ Link destination: "d" title: "t\\nu" @9:3
              │  └─ Text "c"
              ├─ Text " "
              └─ Image source: "f" @10:7
                 └─ Text "e"
        """)
    }

    @Test("a byte order mark is not a column")
    func byteOrderMark() throws {
        let file = SourceFile(path: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("Åsa [x](y)\n\n> ö <b>".utf8))
        var diagnostics = Diagnostics()
        let document = MarkdownParser.parse(file, diagnostics: &diagnostics)
        #expect(document.debugDescription == """
        Document @1:1
        ├─ Paragraph @1:1
        │  ├─ Text "Åsa "
        │  └─ Link destination: "y" @1:5
        │     └─ Text "x"
        └─ BlockQuote @3:1
           └─ Paragraph @3:3
              ├─ Text "ö "
              └─ InlineHTML "<b>" @3:5
        """)
    }

    static func firstInlineLocation(_ blocks: [MarkdownBlock]) -> VardplanDiagnostics.SourceLocation? {
        for block in blocks {
            switch block {
            case .paragraph(let inlines, _), .heading(_, let inlines, _):
                if let found = firstInlineLocation(inlines.elements) { return found }
            case .table(let table):
                for cell in table.header + table.rows.flatMap({ $0 }) {
                    if let found = firstInlineLocation(cell.inlines.elements) { return found }
                }
            case .callout(_, let title, let children, _):
                if let found = firstInlineLocation(title?.elements ?? []) ?? firstInlineLocation(children) { return found }
            default:
                if let found = firstInlineLocation(block.children) { return found }
            }
        }
        return nil
    }

    static func firstInlineLocation(_ inlines: [MarkdownInline]) -> VardplanDiagnostics.SourceLocation? {
        for inline in inlines {
            switch inline {
            case .link(_, _, _, let location), .image(_, _, _, let location), .rawHTML(_, let location):
                return location
            case .emphasis(let children), .strong(let children):
                if let found = firstInlineLocation(children) { return found }
            default:
                continue
            }
        }
        return nil
    }
}
