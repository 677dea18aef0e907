import Testing
@testable import VardplanMarkdown

/// Reference links in table cells resolve with the body's definitions wherever cmark
/// finds them (cells are parsed on their own, with only the lines of the body that may
/// define references appended, gathered once per body).
@Suite("Reference links in table cells")
struct TableReferenceLinkTests {
    static let plain = MarkdownParser.Options(smartPunctuation: false)

    static func cellLink(_ body: String) -> String {
        TableTests.table(["a"], [[body]])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        var html: String
    }

    static let cases: [Case] = [
        Case(testDescription: "definition at the end, after many tables",
             markdown: String(repeating: "| a |\n|---|\n| [x][] |\n\n", count: 3) + "[x]: /steg/",
             html: String(repeating: cellLink("<a href=\"/steg/\">x</a>"), count: 3)),
        Case(testDescription: "definition inside a block quote",
             markdown: "| a |\n|---|\n| [x][] |\n\n> [x]: /q",
             html: cellLink("<a href=\"/q\">x</a>") + "<blockquote>\n</blockquote>\n"),
        Case(testDescription: "definition in a nested list item, indented four columns or more",
             markdown: "| a |\n|---|\n| [x][] |\n\n- a\n  - b\n\n    [x]: /l \"T\"",
             html: cellLink("<a href=\"/l\" title=\"T\">x</a>")
                + "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"),
        Case(testDescription: "definition with its title on the next line, before paragraph text",
             markdown: "[x]: /t\n  \"Titel\"\nText [x].\n\n| a |\n|---|\n| [x][] |",
             html: "<p>Text <a href=\"/t\" title=\"Titel\">x</a>.</p>\n" + cellLink("<a href=\"/t\" title=\"Titel\">x</a>")),
        Case(testDescription: "the first of two definitions wins",
             markdown: "| a |\n|---|\n| [x][] |\n\n[x]: /first\n\n[x]: /second",
             html: cellLink("<a href=\"/first\">x</a>")),
        Case(testDescription: "a definition-like line in a code block defines nothing",
             markdown: "| a |\n|---|\n| [x][] |\n\n```\n[x]: /code\n```",
             html: cellLink("[x][]") + "<pre><code>[x]: /code\n</code></pre>\n"),
        Case(testDescription: "a definition-like line after paragraph text defines nothing",
             markdown: "| a |\n|---|\n| [x][] |\n\nText\n[x]: /no",
             html: cellLink("[x][]") + "<p>Text\n[x]: /no</p>\n"),
        Case(testDescription: "a link in a paragraph starting with a bracket is not a definition",
             markdown: "[x][] står först.\n\n| a |\n|---|\n| [x][] |",
             html: "<p>[x][] står först.</p>\n" + cellLink("[x][]")),
        Case(testDescription: "a label differing in case and inner spacing resolves",
             markdown: "| a |\n|---|\n| [Foo \t  BAR][] |\n\n[other]: /o\n[foo bar]: /fb\n[more]: /m",
             html: cellLink("<a href=\"/fb\">Foo \t  BAR</a>")),
        Case(testDescription: "a label matching only through case folding (ß, ﬁ) resolves",
             markdown: "| a |\n|---|\n| [Straße][] [ﬁx][] |\n\n[strasse]: /s\n[fix]: /f",
             html: cellLink("<a href=\"/s\">Straße</a> <a href=\"/f\">ﬁx</a>")),
        Case(testDescription: "the first of two definitions in one run wins",
             markdown: "| a |\n|---|\n| [x][] |\n\n[y]: /y\n[x]: /first\n[x]: /second",
             html: cellLink("<a href=\"/first\">x</a>")),
        Case(testDescription: "a title on the line after an unreferenced definition stays with it",
             markdown: "| a |\n|---|\n| [a][] |\n\n[a]: /a\n[b]: /b\n  \"T\"",
             html: cellLink("<a href=\"/a\">a</a>")),
        Case(testDescription: "after a line that is no definition, nothing is left out",
             markdown: "| a |\n|---|\n| [b][] |\n\n[a]: /a (\n[b]: /b",
             html: cellLink("[b][]") + "<p>[a]: /a (\n[b]: /b</p>\n"),
    ]

    @Test("a definition no table can reference is not appended to its cells")
    func unreferencedDefinitionLeftOut() {
        let definitions = MarkdownReferenceDefinitions(Array("[used]: /u\n[Unused]: /n\n[USED]: /second\n\n> [q]: /q\n".utf8))
        let appended = Array("| [Used][] |".utf8).withUnsafeBufferPointer { definitions.lines(referencedFrom: $0) }
        #expect(String(decoding: appended, as: UTF8.self) == "[used]: /u\n[USED]: /second\n\n> [q]: /q\n")
        let none = Array("| nothing |".utf8).withUnsafeBufferPointer { definitions.lines(referencedFrom: $0) }
        #expect(String(decoding: none, as: UTF8.self) == "\n> [q]: /q\n")
    }

    @Test("output", arguments: cases)
    func output(_ testCase: Case) {
        #expect(MarkdownTestSupport.html(testCase.markdown, options: Self.plain) == testCase.html)
    }

    @Test("a cell's reference link points at the cell in the file")
    func position() {
        let body = "| Rubrik [x][] |\n| --- |\n| cell [x][] |\n\n> [x]: /steg/\n"
        let (document, diagnostics) = MarkdownTestSupport.parse(body, frontMatter: MarkdownTestSupport.frontMatter)
        #expect(diagnostics.isEmpty)
        #expect(document.debugDescription == """
        Document @7:1
        ├─ Table alignments: [-] @7:1
        │  ├─ Head
        │  │  └─ Cell @7:3
        │  │     ├─ Text "Rubrik "
        │  │     └─ Link destination: "/steg/" @7:10
        │  │        └─ Text "x"
        │  └─ Row
        │     └─ Cell @9:3
        │        ├─ Text "cell "
        │        └─ Link destination: "/steg/" @9:8
        │           └─ Text "x"
        └─ BlockQuote @11:1
        """)
    }
}
