import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// The YAML test suite (`../shared/conformance/yaml-test-suite` next to the project): every
/// case is either accepted with exactly the data of its `in.json`, or rejected with an error.
@Suite struct YAMLConformanceTests {
    /// A JSON-like value with YAML 1.2 core-schema typing, for comparing parse results.
    enum PlainValue: Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([PlainValue])
        case object([String: PlainValue])

        init(_ node: YAMLNode?) {
            guard let node else {
                self = .null
                return
            }
            switch node.kind {
            case .scalar(let scalar):
                if scalar.isNull {
                    self = .null
                } else if let bool = scalar.bool {
                    self = .bool(bool)
                } else if let number = scalar.double {
                    self = .number(number)
                } else {
                    self = .string(scalar.text)
                }
            case .sequence(let items):
                self = .array(items.map { PlainValue($0) })
            case .mapping(let pairs):
                self = .object(Dictionary(pairs.map { ($0.key, PlainValue($0.value)) }, uniquingKeysWith: { first, _ in first }))
            }
        }
    }

    struct Case {
        var id: String
        var directory: URL
    }

    /// The suite folder: `shared/conformance/yaml-test-suite` beside the package root or beside
    /// one of its ancestors (a git worktree of the project is a folder deeper than the project).
    static func suiteDirectory() -> URL? {
        let manager = FileManager.default
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while root.path != "/", !manager.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root = root.deletingLastPathComponent()
        }
        var base = root
        while base.path != "/" {
            let candidate = base.deletingLastPathComponent().appendingPathComponent("shared/conformance/yaml-test-suite")
            if manager.fileExists(atPath: candidate.path) { return candidate }
            base = base.deletingLastPathComponent()
        }
        return nil
    }

    static func cases(in suite: URL) -> [Case] {
        let manager = FileManager.default
        func hasInput(_ url: URL) -> Bool { manager.fileExists(atPath: url.appendingPathComponent("in.yaml").path) }
        let names = ((try? manager.contentsOfDirectory(atPath: suite.path)) ?? []).sorted()
        var result: [Case] = []
        for name in names {
            let directory = suite.appendingPathComponent(name)
            if hasInput(directory) {
                result.append(Case(id: name, directory: directory))
                continue
            }
            let children = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            for child in children where hasInput(directory.appendingPathComponent(child)) {
                result.append(Case(id: "\(name)/\(child)", directory: directory.appendingPathComponent(child)))
            }
        }
        return result
    }

    static func read(_ url: URL) -> [UInt8]? {
        (try? Data(contentsOf: url)).map { Array($0) }
    }

    @Test func everyCaseIsReadCorrectlyOrRejected() throws {
        guard let suite = Self.suiteDirectory() else {
            print("note: YAML test suite not found (../shared/conformance/yaml-test-suite); conformance test skipped")
            return
        }
        let cases = Self.cases(in: suite)
        #expect(cases.count > 300)
        let verbose = ProcessInfo.processInfo.environment["YAML_SUITE_VERBOSE"] != nil
        var acceptedEqual = 0
        var rejectedValid = 0
        var rejectedError = 0
        var misreads: [String] = []
        var acceptedErrorCases: [String] = []
        for testCase in cases {
            guard let input = Self.read(testCase.directory.appendingPathComponent("in.yaml")) else { continue }
            let file = SourceFile(path: "\(testCase.id)/in.yaml", bytes: input)
            var diagnostics = Diagnostics()
            let node = YAMLParser.parse(file, diagnostics: &diagnostics)
            let mustFail = FileManager.default.fileExists(atPath: testCase.directory.appendingPathComponent("error").path)
            if diagnostics.hasErrors {
                if mustFail { rejectedError += 1 } else { rejectedValid += 1 }
                if verbose, !mustFail {
                    print("rejected \(testCase.id): \(diagnostics.all.first.map(DiagnosticFormatter.format) ?? "")")
                }
                continue
            }
            if mustFail {
                acceptedErrorCases.append(testCase.id)
                continue
            }
            guard let json = Self.read(testCase.directory.appendingPathComponent("in.json")) else {
                misreads.append("\(testCase.id) (accepted, but the case has no JSON form)")
                continue
            }
            var jsonDiagnostics = Diagnostics()
            let jsonFile = SourceFile(path: "\(testCase.id)/in.json", bytes: json)
            guard let documents = JSONParser.parseSequence(jsonFile, diagnostics: &jsonDiagnostics) else {
                Issue.record("could not read \(testCase.id)/in.json: \(DiagnosticFormatter.format(jsonDiagnostics))")
                continue
            }
            let expected: PlainValue? = switch documents.count {
            case 0: node == nil ? .null : nil
            case 1: PlainValue(documents[0])
            default: nil
            }
            if let expected, expected == PlainValue(node) {
                acceptedEqual += 1
            } else {
                misreads.append("\(testCase.id): got \(PlainValue(node)), expected \(documents.map { PlainValue($0) })")
            }
        }
        print("YAML test suite: \(cases.count) cases; accepted and equal: \(acceptedEqual); rejected: \(rejectedValid + rejectedError) (\(rejectedError) error cases, \(rejectedValid) valid cases outside the subset)")
        #expect(misreads.isEmpty, "misread: \(misreads.joined(separator: "\n"))")
        #expect(acceptedErrorCases.isEmpty, "accepted error cases: \(acceptedErrorCases.joined(separator: ", "))")
    }
}
