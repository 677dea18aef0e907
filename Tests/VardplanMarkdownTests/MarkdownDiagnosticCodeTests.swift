import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics

/// Every problem the Markdown parser reports carries its stable code (docs/diagnostics.md).
@Suite("Markdown diagnostic codes")
struct MarkdownDiagnosticCodeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var body: String
        var code: String
    }

    static let cases: [Case] = [
        Case(testDescription: "nesting too deep", body: String(repeating: ">", count: 40) + " a", code: "VP300"),
        Case(testDescription: "raw HTML", body: "a <b>fet</b>", code: "VP301"),
        Case(testDescription: "unknown callout marker", body: "> [!FOO]\n> a", code: "VP302"),
        Case(testDescription: "table cell counts", body: "| a | b | c |\n|---|---|", code: "VP303"),
        Case(testDescription: "unsafe address", body: "[x](javascript:alert(1))", code: "VP304"),
    ]

    @Test("each kind of problem has its code", arguments: cases)
    func code(_ testCase: Case) {
        let diagnostics = MarkdownTestSupport.parse(testCase.body).diagnostics
        #expect(!diagnostics.all.isEmpty)
        #expect(diagnostics.all.allSatisfy { $0.code.rawValue == testCase.code })
    }
}
