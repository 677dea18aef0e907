import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// A link that leads nowhere is found by `LinkResolver` as a `BrokenLink`, whose case
/// decides the code; the checkers report it at the link with the same wording as before.
@Suite("Broken links carry their kind and code")
struct BrokenLinkTests {
    static let location = SourceLocation(path: "site/diagnoses/testcancer/a.md", line: 3, column: 5)

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var destination: String
        var code: DiagnosticCode
        var message: String
    }

    static let cases: [Case] = [
        Case(testDescription: "a step link to a misspelt id", destination: "steg:datortomografy", code: .linkToUnknownStep,
             message: "there is no step 'datortomografy' in this diagnosis; did you mean 'datortomografi'?"),
        Case(testDescription: "a step link to an unknown id", destination: "steg:zzz", code: .linkToUnknownStep,
             message: "there is no step 'zzz' in this diagnosis"),
        Case(testDescription: "a module link to an unknown id", destination: "modul:zzz", code: .linkToUnknownModule,
             message: "there is no module 'zzz' in this diagnosis"),
        Case(testDescription: "a relative path to no page", destination: "../saknas.md", code: .linkToNoPage,
             message: "'../saknas.md' does not lead to a step, section or module of this diagnosis; check the path, or link by id with 'steg:…'"),
    ]

    @Test("each broken link gives its code and message", arguments: cases)
    func brokenLink(_ testCase: Case) throws {
        let diagnosis = try #require(Fixtures.siteModel().model?.diagnosis(withID: "testcancer"))
        let resolution = LinkResolver(diagnosis: diagnosis).resolve(testCase.destination, from: Self.location.path)
        guard case .broken(let problem) = resolution else {
            Issue.record("\(testCase.destination) resolved to \(resolution)")
            return
        }
        #expect(problem.code == testCase.code)
        let diagnostic = problem.diagnostic(at: Self.location)
        #expect(diagnostic.code == testCase.code)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == Self.location)
        #expect(diagnostic.message == testCase.message)
    }
}
