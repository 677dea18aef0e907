import Testing
@testable import VardplanFrontMatter
import VardplanDiagnostics

/// Where the front matter and the body of a content file are.
@Suite struct FrontMatterSplitterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// The front matter's text, or nil for none.
        var yaml: String?
        var body: String
        var bodyFirstLine: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no front matter", text: "# Rubrik\nText\n", yaml: nil, body: "# Rubrik\nText\n", bodyFirstLine: 1),
        Case(name: "front matter and body", text: "---\ntitel: Hej\n---\n# Rubrik\n",
             yaml: "titel: Hej\n", body: "# Rubrik\n", bodyFirstLine: 4),
        Case(name: "closed with '...'", text: "---\na: 1\nb: 2\n...\nText", yaml: "a: 1\nb: 2\n", body: "Text", bodyFirstLine: 5),
        Case(name: "spaces and tabs after the fences", text: "---  \na: 1\n--- \t\nText\n", yaml: "a: 1\n", body: "Text\n", bodyFirstLine: 4),
        Case(name: "CRLF line endings", text: "---\r\na: 1\r\n---\r\nText\r\n", yaml: "a: 1\r\n", body: "Text\r\n", bodyFirstLine: 4),
        Case(name: "a BOM before the opening fence", text: "\u{FEFF}---\na: 1\n---\nText\n", yaml: "a: 1\n", body: "Text\n", bodyFirstLine: 4),
        Case(name: "a BOM without front matter is not body", text: "\u{FEFF}Text\n", yaml: nil, body: "Text\n", bodyFirstLine: 1),
        Case(name: "empty front matter", text: "---\n---\nText\n", yaml: "", body: "Text\n", bodyFirstLine: 3),
        Case(name: "a closing fence on the last line without a line break", text: "---\na: 1\n---", yaml: "a: 1\n", body: "", bodyFirstLine: 4),
        Case(name: "'----' is not a fence", text: "----\na: 1\n", yaml: nil, body: "----\na: 1\n", bodyFirstLine: 1),
        Case(name: "'--- x' is not a fence", text: "--- x\na: 1\n---\n", yaml: nil, body: "--- x\na: 1\n---\n", bodyFirstLine: 1),
        Case(name: "an indented '---' does not close", text: "---\na: |\n  ---\n---\nText\n", yaml: "a: |\n  ---\n", body: "Text\n", bodyFirstLine: 5),
        Case(name: "'...' does not open", text: "...\na: 1\n...\n", yaml: nil, body: "...\na: 1\n...\n", bodyFirstLine: 1),
    ]

    @Test(arguments: cases)
    func splits(_ testCase: Case) {
        let file = SourceFile(path: "steg.md", text: testCase.text)
        var diagnostics = Diagnostics()
        let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(split.frontMatterRange.map { String(decoding: file.bytes[$0], as: UTF8.self) } == testCase.yaml)
        #expect(String(decoding: file.bytes[split.bodyRange], as: UTF8.self) == testCase.body)
        #expect(split.bodyFirstLine == testCase.bodyFirstLine)
    }

    @Test(arguments: [
        ("---\ntitel: Hej\n\nText utan slut\n", "1:1"),
        ("\u{FEFF}---\r\ntitel: Hej\r\n", "1:1"),
        ("---", "1:1"),
    ])
    func anUnclosedFrontMatterIsAnError(_ text: String, _ position: String) {
        let file = SourceFile(path: "steg.md", text: text)
        var diagnostics = Diagnostics()
        let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        #expect(split.frontMatterRange == nil)
        #expect(FrontMatterTestSupport.describe(diagnostics)
            == ["\(position): front matter starting here is never closed; add a line '---' after it"])
    }

    @Test func theBodyStartsOnTheLineAfterTheFenceInTheRealFile() throws {
        let file = SourceFile(path: "steg.md", text: "---\na: 1\nb:\n  - x\n---\nFörsta raden\n")
        var diagnostics = Diagnostics()
        let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        #expect(file.location(ofOffset: split.bodyRange.lowerBound).position == SourcePosition(line: split.bodyFirstLine, column: 1))
    }
}
