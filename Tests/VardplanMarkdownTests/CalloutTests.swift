import Testing
@testable import VardplanMarkdown

/// Callouts are plain CommonMark block quotes whose first line is a marker, so any
/// Markdown tool still shows them as quotes.
@Suite("Callouts")
struct CalloutTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        var html: String
    }

    static let cases: [Case] = [
        Case(testDescription: "akut with a title on the marker line",
             markdown: "> [!AKUT] Ring 112\n> Om du har svårt att andas.",
             html: """
             <div class="callout callout-akut" role="note" aria-label="Akut">
             <p class="callout-title"><strong>Ring 112</strong></p>
             <p>Om du har svårt att andas.</p>
             </div>

             """),
        Case(testDescription: "viktigt without title",
             markdown: "> [!VIKTIGT]\n> Ta tabletten med mat.",
             html: """
             <div class="callout callout-viktigt" role="note" aria-label="Viktigt">
             <p>Ta tabletten med mat.</p>
             </div>

             """),
        Case(testDescription: "markers are case-insensitive; info is labelled Bra att veta",
             markdown: "> [!info]\n> Biverkningarna går över.",
             html: """
             <div class="callout callout-info" role="note" aria-label="Bra att veta">
             <p>Biverkningarna går över.</p>
             </div>

             """),
        Case(testDescription: "tips with an emphasised title and more blocks",
             markdown: "> [!Tips] *Ät lite*\n>\n> - ofta\n> - lagom",
             html: """
             <div class="callout callout-tips" role="note" aria-label="Tips">
             <p class="callout-title"><strong><em>Ät lite</em></strong></p>
             <ul>
             <li>ofta</li>
             <li>lagom</li>
             </ul>
             </div>

             """),
        Case(testDescription: "a marker alone is an empty callout",
             markdown: "> [!INFO]",
             html: """
             <div class="callout callout-info" role="note" aria-label="Bra att veta">
             </div>

             """),
        Case(testDescription: "a table right under the marker line",
             markdown: "> [!INFO] Doser\n> | Dag | Dos |\n> |---|---|\n> | 1 | 8 mg |",
             html: """
             <div class="callout callout-info" role="note" aria-label="Bra att veta">
             <p class="callout-title"><strong>Doser</strong></p>
             <div class="table-scroll" role="region" aria-label="Tabell" tabindex="0">
             <table>
             <thead>
             <tr>
             <th scope="col">Dag</th>
             <th scope="col">Dos</th>
             </tr>
             </thead>
             <tbody>
             <tr>
             <td>1</td>
             <td>8 mg</td>
             </tr>
             </tbody>
             </table>
             </div>
             </div>

             """),
        Case(testDescription: "a captioned table in a callout",
             markdown: "> [!VIKTIGT]\n> **Ring oss**\n> | Vem | Nummer |\n> |---|---|",
             html: """
             <div class="callout callout-viktigt" role="note" aria-label="Viktigt">
             <div class="table-scroll" role="region" aria-label="Ring oss" tabindex="0">
             <table>
             <caption>Ring oss</caption>
             <thead>
             <tr>
             <th scope="col">Vem</th>
             <th scope="col">Nummer</th>
             </tr>
             </thead>
             </table>
             </div>
             </div>

             """),
        Case(testDescription: "text after the marker without a space is not a marker",
             markdown: "> [!INFO]text",
             html: "<blockquote>\n<p>[!INFO]text</p>\n</blockquote>\n"),
        Case(testDescription: "a marker later in the quote is just text",
             markdown: "> Först.\n>\n> [!AKUT] sedan",
             html: "<blockquote>\n<p>Först.</p>\n<p>[!AKUT] sedan</p>\n</blockquote>\n"),
        Case(testDescription: "a plain quote stays a quote",
             markdown: "> Citat",
             html: "<blockquote>\n<p>Citat</p>\n</blockquote>\n"),
    ]

    @Test("rendering", arguments: cases)
    func rendering(_ testCase: Case) {
        #expect(MarkdownTestSupport.html(testCase.markdown) == testCase.html)
    }

    @Test("the tree keeps kind, title and children")
    func tree() {
        let (document, diagnostics) = MarkdownTestSupport.parse("> [!AKUT] Ring **112**\n> Direkt.",
                                                               frontMatter: MarkdownTestSupport.frontMatter)
        #expect(diagnostics.isEmpty)
        #expect(document.debugDescription == """
        Document @7:1
        └─ Callout kind: akut @7:1
           ├─ Title
           │  ├─ Text "Ring "
           │  └─ Strong
           │     └─ Text "112"
           └─ Paragraph @7:3
              └─ Text "Direkt."
        """)
    }

    struct WarningCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        var warnings: [String]
    }

    static let warningCases: [WarningCase] = [
        WarningCase(testDescription: "a misspelt marker gets a suggestion", markdown: "\n> [!VIKTIG] Obs",
                    warnings: ["8:3: warning: unknown callout marker '[!VIKTIG]'; expected one of 'AKUT', 'VIKTIGT', 'TIPS', 'INFO'; did you mean 'VIKTIGT'?"]),
        WarningCase(testDescription: "GitHub's alert names point to ours", markdown: "- > [!WARNING]\n  > Obs",
                    warnings: ["7:5: warning: unknown callout marker '[!WARNING]'; expected one of 'AKUT', 'VIKTIGT', 'TIPS', 'INFO'; did you mean 'VIKTIGT'?"]),
        WarningCase(testDescription: "an unrelated name gets no suggestion", markdown: "> [!FOO]",
                    warnings: ["7:3: warning: unknown callout marker '[!FOO]'; expected one of 'AKUT', 'VIKTIGT', 'TIPS', 'INFO'"]),
        WarningCase(testDescription: "a known marker is quiet", markdown: "> [!tips] Gott", warnings: []),
    ]

    @Test("unknown markers are reported where they are", arguments: warningCases)
    func warnings(_ testCase: WarningCase) {
        let (_, diagnostics) = MarkdownTestSupport.parse(testCase.markdown, frontMatter: MarkdownTestSupport.frontMatter)
        #expect(MarkdownTestSupport.describe(diagnostics) == testCase.warnings)
    }

    @Test("cmark-compatible mode has no callouts and no warnings")
    func plainMode() {
        let (document, diagnostics) = MarkdownTestSupport.parse("> [!AKUT] Ring 112\n> [!FOO]", options: .cmarkCompatible)
        #expect(diagnostics.isEmpty)
        guard case .blockQuote? = document.blocks.first else {
            Issue.record("expected a block quote")
            return
        }
    }
}
