import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics

@Suite("Form conventions")
struct FormBlockTests {
    @Test("fenced blocks that are forms", arguments: [
        ("skrivrader 6", "", MarkdownFormBlock.writingLines(count: 6)),
        ("skrivrader", "", MarkdownFormBlock.writingLines(count: 4)),
        ("skala 0-10", "0: Ingen oro\n10: Extrem oro\n", MarkdownFormBlock.scale(from: 0, to: 10, labels: [(0, "Ingen oro"), (10, "Extrem oro")])),
    ])
    func recognized(info: String, literal: String, expected: MarkdownFormBlock) {
        #expect(MarkdownFormBlock.recognize(info: info, literal: literal) == expected)
    }

    @Test("fenced blocks that stay code", arguments: ["skrivrader 0", "skrivrader 99", "skrivrader många", "skala 10-0", "skala 0-100", "swift", ""])
    func notForms(info: String) {
        #expect(MarkdownFormBlock.recognize(info: info, literal: "") == nil)
    }

    @Test("checklists render as boxes to tick; a list with one plain item stays a list")
    func checklists() {
        func html(_ markdown: String) -> String {
            var diagnostics = Diagnostics()
            let file = SourceFile(path: "steg.md", text: markdown)
            let document = MarkdownParser.parse(file, bodyRange: 0..<file.bytes.count, bodyFirstLine: 1,
                                                options: .init(), diagnostics: &diagnostics)
            return MarkdownHTMLRenderer(configuration: .init(headingBase: 1)).render(document).rawValue
        }
        #expect(html("- [ ] Smärta\n- [x] Trötthet\n") == """
            <ul class="checklist">
            <li><span class="checkbox" aria-hidden="true"></span>Smärta</li>
            <li><span class="checkbox checked" aria-hidden="true">✓</span>Trötthet</li>
            </ul>

            """)
        #expect(html("- [ ] Smärta\n- Trötthet\n").hasPrefix("<ul>\n<li>[ ] Smärta</li>"))
        #expect(html("```skrivrader 2\n```\n") == """
            <div class="form-lines" aria-hidden="true">
            <div class="form-line"></div>
            <div class="form-line"></div>
            </div>

            """)
    }
}

@Suite("Form blocks in the tree")
struct FormBlockTreeTests {
    @Test("the parser makes checklists and form blocks, so renderers only render them")
    func parsed() {
        let body = "- [ ] Smärta\n- [x] Trötthet\n\n```skala 0-10\n0: Ingen oro\n10: Extrem oro\n```\n\n```skrivrader 2\n```\n"
        #expect(MarkdownTestSupport.parse(body).document.debugDescription == """
            Document @1:1
            ├─ Checklist tight: true @1:1
            │  ├─ Box checked: false @1:1
            │  │  └─ Paragraph @1:3
            │  │     └─ Text "Smärta"
            │  └─ Box checked: true @2:1
            │     └─ Paragraph @2:3
            │        └─ Text "Trötthet"
            ├─ Scale from: 0 to: 10 @4:1
            │  ├─ Label value: 0 "Ingen oro"
            │  └─ Label value: 10 "Extrem oro"
            └─ WritingLines count: 2 @9:1
            """)
    }

    @Test("cmark-compatible parsing keeps them a list and code blocks")
    func plain() {
        let body = "- [ ] Smärta\n\n```skrivrader 2\n```\n"
        let dump = MarkdownTestSupport.parse(body, options: .cmarkCompatible).document.debugDescription
        #expect(dump.contains("UnorderedList tight: true @1:1"))
        #expect(dump.contains("CodeBlock info: \"skrivrader 2\""))
        #expect(!dump.contains("Checklist") && !dump.contains("WritingLines"))
    }

    @Test("a checklist inside a callout and a numbered list of boxes")
    func nested() {
        let dump = MarkdownTestSupport.parse("> [!TIPS]\n> - [ ] a\n\n1. [ ] b\n").document.debugDescription
        #expect(dump.contains("├─ Callout kind: tips @1:1\n│  └─ Checklist tight: true @2:3"))
        #expect(dump.contains("OrderedList start: 1"))
    }
}
