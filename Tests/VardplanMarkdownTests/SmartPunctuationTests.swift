import Testing
@testable import VardplanMarkdown

/// Smart punctuation: with Swedish, quotes are Swedish (”…” and ’…’, the same mark on
/// both sides); dashes and ellipses as cmark makes them.
@Suite("Swedish smart punctuation")
struct SmartPunctuationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        var html: String
        var options = MarkdownParser.Options()
    }

    static let cases: [Case] = [
        Case(testDescription: "double quotes", markdown: #"Hon sa "så här" till mig."#,
             html: "<p>Hon sa ”så här” till mig.</p>\n"),
        Case(testDescription: "single quotes", markdown: "Ordet 'illamående' betyder",
             html: "<p>Ordet ’illamående’ betyder</p>\n"),
        Case(testDescription: "apostrophe", markdown: "Kim's bok", html: "<p>Kim’s bok</p>\n"),
        Case(testDescription: "quotes around emphasis", markdown: #""*viktigt*""#,
             html: "<p>”<em>viktigt</em>”</p>\n"),
        Case(testDescription: "quotes in a link text", markdown: #"[läs "råd"](steg:rad)"#,
             html: "<p><a href=\"steg:rad\">läs ”råd”</a></p>\n"),
        Case(testDescription: "en dash", markdown: "dag 1--3", html: "<p>dag 1–3</p>\n"),
        Case(testDescription: "em dash", markdown: "ät---drick", html: "<p>ät—drick</p>\n"),
        Case(testDescription: "ellipsis", markdown: "vänta...", html: "<p>vänta…</p>\n"),
        Case(testDescription: "code spans keep straight quotes", markdown: #"`"x"` och "y""#,
             html: "<p><code>&quot;x&quot;</code> och ”y”</p>\n"),
        Case(testDescription: "in table cells", markdown: "| a |\n|---|\n| \"b\" |",
             html: """
             <div class="table-scroll" role="region" aria-label="Tabell" tabindex="0">
             <table>
             <thead>
             <tr>
             <th scope="col">a</th>
             </tr>
             </thead>
             <tbody>
             <tr>
             <td>”b”</td>
             </tr>
             </tbody>
             </table>
             </div>

             """),
        Case(testDescription: "sv-SE is Swedish too", markdown: #""a""#, html: "<p>”a”</p>\n",
             options: MarkdownParser.Options(language: "sv-SE")),
        Case(testDescription: "English keeps cmark's quotes", markdown: #""a" 'b'"#, html: "<p>“a” ‘b’</p>\n",
             options: MarkdownParser.Options(language: "en")),
        Case(testDescription: "without smart punctuation nothing changes", markdown: #""a" -- 'b'"#,
             html: "<p>&quot;a&quot; -- 'b'</p>\n", options: MarkdownParser.Options(smartPunctuation: false)),
        Case(testDescription: "cmark-compatible mode with smart punctuation is cmark's", markdown: #""a""#,
             html: "<p>“a”</p>\n", options: MarkdownParser.Options(smartPunctuation: true, cmarkCompatible: true)),
    ]

    @Test("smart punctuation", arguments: cases)
    func smartPunctuation(_ testCase: Case) {
        #expect(MarkdownTestSupport.html(testCase.markdown, options: testCase.options) == testCase.html)
    }

    @Test("cmark-compatible smart punctuation equals cmark's")
    func cmarkSmart() {
        let markdown = #""Hej" sa 'hon' -- och --- sedan... "igen""#
        let options = MarkdownParser.Options(smartPunctuation: true, cmarkCompatible: true)
        let ours = MarkdownTestSupport.cmarkHTML(markdown, options: options)
        #expect(ours == CmarkReference.html(markdown, smartPunctuation: true))
    }
}
