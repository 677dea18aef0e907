import Testing
@testable import VardplanCore
import VardplanDiagnostics
import VardplanFrontMatter

/// Every kind of problem with a front matter field has its own stable code (VP200–VP208);
/// the examples here are the ones docs/diagnostics.md shows.
@Suite struct FrontMatterReaderCodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var code: String
        var path: String
        /// The front matter, between `---` fences in the file.
        var yaml: String
        /// The first diagnostic as printed.
        var printed: String
        var testDescription: String { "\(code): \(path)" }
    }

    static let cases: [Case] = [
        Case(code: "VP200", path: "steg.md", yaml: "- title\n- order\n", printed: "steg.md:2:1: error: the front matter must be 'key: value' lines, found a list"),
        Case(code: "VP201", path: "_diagnosis.md", yaml: "title: Bröstcancer\ntitel: x\n", printed: "_diagnosis.md:3:1: error: unknown key 'titel'; did you mean 'title'?"),
        Case(code: "VP202", path: "_diagnosis.md", yaml: "version: \"2025.1\"\n", printed: "_diagnosis.md:1:1: error: missing required key 'title'; add a line 'title: Bröstcancer' to the front matter"),
        Case(code: "VP203", path: "_module.md", yaml: "title: Utredning\norder: 1\nkind: info\nactive: yes\n", printed: "_module.md:5:9: error: 'active' must be true or false, found 'yes'"),
        Case(code: "VP204", path: "_diagnosis.md", yaml: "title: \"\"\n", printed: "_diagnosis.md:2:8: error: 'title' is empty; write the title after the colon"),
        Case(code: "VP205", path: "_diagnosis.md", yaml: "title: Bröstcancer\nversion: \"2025.1\"\napproved: 1 mars 2025\n", printed: "_diagnosis.md:4:11: error: 'approved' must be a date written YYYY-MM-DD, found '1 mars 2025'"),
        Case(code: "VP206", path: "_diagnosis.md", yaml: "title: Bröstcancer\nversion: \"2025.1\"\napproved: 2025-02-30\n", printed: "_diagnosis.md:4:11: error: '2025-02-30' is not a date that exists; check the month and the day"),
        Case(code: "VP207", path: "_diagnosis.md", yaml: "title: Bröstcancer\ngeneral_modules: [Bröst Cancer]\n", printed: "_diagnosis.md:3:19: error: 'Bröst Cancer' is not a valid id; use lower-case a-z, digits and dashes, for example 'brost-cancer'"),
        Case(code: "VP208", path: "_module.md", yaml: "title: Utredning\nkind: forms\n", printed: "_module.md:3:7: error: 'kind' must be one of 'info', 'form', found 'forms'; did you mean 'form'?"),
    ]

    /// Reads the fields the way the model builder reads a file of that kind.
    static func firstDiagnostic(_ testCase: Case) -> Diagnostic? {
        let file = SourceFile(path: testCase.path, text: "---\n\(testCase.yaml)---\n")
        var diagnostics = Diagnostics()
        let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        let node = YAMLParser.parse(file, range: split.frontMatterRange, diagnostics: &diagnostics)
        let keys = testCase.path == "_module.md" ? ModelBuilder.moduleKeys
            : testCase.path == "_diagnosis.md" ? ModelBuilder.diagnosisKeys : ModelBuilder.stepKeys
        let reader = FrontMatterReader(node, file: file, allowedKeys: keys, diagnostics: &diagnostics)
        _ = reader.string("title", required: true, example: "Bröstcancer", diagnostics: &diagnostics)
        _ = reader.bool("active", diagnostics: &diagnostics)
        _ = reader.date("approved", diagnostics: &diagnostics)
        _ = reader.idList("general_modules", diagnostics: &diagnostics)
        _ = reader.choice("kind", among: ModuleKind.allCases.map(\.rawValue), diagnostics: &diagnostics)
        return diagnostics.all.first
    }

    @Test(arguments: cases)
    func codeAndMessage(_ testCase: Case) throws {
        let diagnostic = try #require(Self.firstDiagnostic(testCase))
        #expect(diagnostic.code.rawValue == testCase.code)
        #expect(DiagnosticFormatter.format(diagnostic).split(separator: "\n").first.map(String.init) == testCase.printed)
    }
}
