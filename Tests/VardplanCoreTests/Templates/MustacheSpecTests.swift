import Foundation
import Testing

@testable import VardplanCore
import VardplanDiagnostics

/// One test of the Mustache spec (v1.4.2) JSON files.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    let module: String
    let name: String
    let template: String
    let data: TemplateValue
    let partials: [String: String]
    let expected: String

    var testDescription: String { "\(module): \(name)" }

    /// The required modules. The optional `~lambdas`, `~inheritance` and
    /// `~dynamic-names` modules are skipped: those features are deliberately not
    /// supported (a context holds data, never code; partials replace inheritance).
    static let requiredModules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    /// Spec tests whose behaviour deliberately differs, with the reason; the test
    /// checks the difference instead of the spec's expectation.
    static let deviations: [String: String] = [
        // Rendering gives the spec's empty string, but loading the library reports
        // an error at the tag: a missing partial is almost always a typo, and a
        // site build should fail rather than silently drop part of a page.
        "partials: Failed Lookup": "partial 'text' does not exist",
    ]

    /// `shared/conformance/mustache` in the nearest folder above this file that has it:
    /// `../shared` beside the project root, or beside a folder above it (a git worktree's).
    static let directory: URL? = {
        let fileManager = FileManager.default
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/conformance/mustache")
            if fileManager.fileExists(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    static func load(_ module: String) -> [MustacheSpecCase] {
        guard let directory,
            let data = try? Data(contentsOf: directory.appendingPathComponent("\(module).json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let tests = json["tests"] as? [[String: Any]]
        else { return [] }
        return tests.map { test in
            MustacheSpecCase(
                module: module,
                name: test["name"] as? String ?? "?",
                template: test["template"] as? String ?? "",
                data: TemplateValue(jsonObject: test["data"] ?? NSNull()),
                partials: test["partials"] as? [String: String] ?? [:],
                expected: test["expected"] as? String ?? "")
        }
    }

    static let all: [MustacheSpecCase] = requiredModules.flatMap(load)
}

@Suite("Mustache spec v1.4.2")
struct MustacheSpecTests {
    @Test("the spec files are found and complete")
    func specFilesFound() {
        #expect(MustacheSpecCase.directory != nil, "no shared/conformance/mustache directory found")
        let counts = Dictionary(grouping: MustacheSpecCase.all, by: \.module).mapValues(\.count)
        #expect(counts == ["comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34])
    }

    @Test(arguments: MustacheSpecCase.all)
    func conformance(_ test: MustacheSpecCase) {
        var files: [String: SourceFile] = ["spec-template": SourceFile(path: "spec-template", text: test.template)]
        for (name, text) in test.partials {
            files[name] = SourceFile(path: "\(name).mustache", text: text)
        }
        var diagnostics = Diagnostics()
        let library = TemplateLibrary(files: files, diagnostics: &diagnostics)
        let output = library.render("spec-template", test.data, diagnostics: &diagnostics)
        #expect(output == test.expected)
        if let expectedError = MustacheSpecCase.deviations[test.testDescription] {
            #expect(diagnostics.all.count == 1)
            #expect(diagnostics.all.first?.message.hasPrefix(expectedError) == true)
        } else {
            #expect(diagnostics.isEmpty, "\(DiagnosticFormatter.format(diagnostics))")
        }
    }
}
