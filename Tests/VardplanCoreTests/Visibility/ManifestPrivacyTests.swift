import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// A name-like marker and a personal identity number: neither may ever appear in a
/// message about a manifest.
private let marker = "Zqxmarker"
private let personalNumber = "19121212-1212"
/// The payload as free text, with quotes that could confuse a message's own quoting.
private let textPayload = "\(marker) O'Hara \(personalNumber)"
/// The payload shaped as an id (lower-case, dashes), for the paths that check ids.
private let idPayload = "zqxmarker-\(personalNumber)"

/// Every diagnostic from reading and resolving a manifest.
private func diagnostics(_ text: String, path: String = "plan.yaml") -> [Diagnostic] {
    var diagnostics = Diagnostics()
    let file = SourceFile(path: path, text: text)
    if let manifest = ManifestReader.read(file, diagnostics: &diagnostics) {
        _ = PlanResolver(model: Fixtures.siteModel().model!, today: Fixtures.today).resolve(manifest, diagnostics: &diagnostics)
    }
    return diagnostics.all
}

/// Every message and note from reading and resolving a manifest.
private func messages(_ text: String, path: String = "plan.yaml") -> [String] {
    diagnostics(text, path: path).flatMap { [$0.message] + $0.notes.map(\.message) }
}

private func leaks(_ messages: [String]) -> [String] {
    messages.filter { $0.lowercased().contains("zqxmarker") || $0.contains("1212-1212") || $0.contains("191212") || $0.contains("Hara") }
}

/// Every error and warning path of `ManifestReader`, `ManifestFieldReader`, the YAML and
/// JSON parsers and `PlanResolver`, each with the payload where the manifest's text goes.
private let cases: [(String, String)] = [
    // ManifestFieldReader and ManifestReader
    ("unknown key", "diagnosis: testcancer\nstart_date: 2026-09-01\n\(idPayload): x\n"),
    ("unknown key in a contact (a note with a phone number)",
     "diagnosis: testcancer\nstart_date: 2026-09-01\ncontacts:\n  - name: A\n    role: B\n    nots: \(textPayload) 070-123 45 67\n"),
    ("unknown key, quoted", "diagnosis: testcancer\nstart_date: 2026-09-01\n\"\(textPayload)\": x\n"),
    ("start_date not a date", "diagnosis: testcancer\nstart_date: \(textPayload)\n"),
    ("start_date impossible", "diagnosis: testcancer\nstart_date: 1912-12-32\nwelcome: \(textPayload)\n"),
    ("start_date a list", "diagnosis: testcancer\nstart_date: [\(idPayload)]\n"),
    ("diagnosis unknown", "diagnosis: \(idPayload)\nstart_date: 2026-09-01\n"),
    ("diagnosis not an id", "diagnosis: \(textPayload)\nstart_date: 2026-09-01\n"),
    ("diagnosis a mapping", "diagnosis:\n  \(idPayload): x\nstart_date: 2026-09-01\n"),
    ("module id unknown", "diagnosis: testcancer\nstart_date: 2026-09-01\nmodules:\n  \(idPayload): aktuell\n"),
    ("module status unknown", "diagnosis: testcancer\nstart_date: 2026-09-01\nmodules:\n  behandling: \(textPayload)\n"),
    ("module status a list", "diagnosis: testcancer\nstart_date: 2026-09-01\nmodules:\n  behandling: [\(idPayload)]\n"),
    ("modules not a mapping", "diagnosis: testcancer\nstart_date: 2026-09-01\nmodules: \(textPayload)\n"),
    ("show: invalid id", "diagnosis: testcancer\nstart_date: 2026-09-01\nshow: [\"\(textPayload)\"]\n"),
    ("show: unknown id", "diagnosis: testcancer\nstart_date: 2026-09-01\nshow: [\(idPayload)]\n"),
    ("hide: unknown id", "diagnosis: testcancer\nstart_date: 2026-09-01\nhide: \(idPayload)\n"),
    ("show: a mapping", "diagnosis: testcancer\nstart_date: 2026-09-01\nshow:\n  \(idPayload): x\n"),
    ("language unknown", "diagnosis: testcancer\nstart_date: 2026-09-01\nlanguage: \(textPayload)\n"),
    ("content_version", "diagnosis: testcancer\nstart_date: 2026-09-01\ncontent_version: \"\(textPayload)\"\n"),
    ("content_version newer", "diagnosis: testcancer\nstart_date: 2026-09-01\ncontent_version: \"9999.\(personalNumber)\"\n"),
    ("contact without role", "diagnosis: testcancer\nstart_date: 2026-09-01\ncontacts:\n  - name: \(textPayload)\n"),
    ("contact phone", "diagnosis: testcancer\nstart_date: 2026-09-01\ncontacts:\n  - name: A\n    role: B\n    phone: \(personalNumber) \(marker)\n"),
    ("contacts not a list", "diagnosis: testcancer\nstart_date: 2026-09-01\ncontacts: \(textPayload)\n"),
    ("contact not a mapping", "diagnosis: testcancer\nstart_date: 2026-09-01\ncontacts:\n  - \(textPayload)\n"),
    ("planning month", "diagnosis: testcancer\nstart_date: 2026-09-01\nplanning:\n  - month: \(textPayload)\n    what: x\n"),
    ("planning date", "diagnosis: testcancer\nstart_date: 2026-09-01\nplanning:\n  - date: \(textPayload)\n    what: x\n"),
    ("planning both", "diagnosis: testcancer\nstart_date: 2026-09-01\nplanning:\n  - date: 2026-12-01\n    when: \(textPayload)\n    what: \(textPayload)\n"),
    ("planning past", "diagnosis: testcancer\nstart_date: 2026-09-01\nplanning:\n  - date: 2026-10-01\n    what: \(marker)\n"),
    ("comment unknown step", "diagnosis: testcancer\nstart_date: 2026-09-01\ncomments:\n  - step: \(idPayload)\n    text: \(textPayload)\n"),
    ("comment unknown module", "diagnosis: testcancer\nstart_date: 2026-09-01\ncomments:\n  - module: \(idPayload)\n    text: x\n"),
    ("comment on a hidden step", "diagnosis: testcancer\nstart_date: 2026-09-01\nhide: [patientlagen]\ncomments:\n  - step: patientlagen\n    text: \(marker)\n"),
    ("text is a list", "diagnosis: testcancer\nstart_date: 2026-09-01\nwelcome:\n  - \(textPayload)\n"),
    ("personal number in a key", "diagnosis: testcancer\nstart_date: 2026-09-01\nmodules:\n  \(personalNumber): aktuell\n"),
    ("empty manifest, a comment naming the patient", "# \(textPayload)\n"),
    ("planning without a time", "diagnosis: testcancer\nstart_date: 2026-09-01\nplanning:\n  - what: \(textPayload)\n"),
    ("comment on a step and a module", "diagnosis: testcancer\nstart_date: 2026-09-01\ncomments:\n  - step: \(idPayload)\n    module: \(idPayload)\n    text: \(textPayload)\n"),
    ("comment without a target", "diagnosis: testcancer\nstart_date: 2026-09-01\ncomments:\n  - text: \(textPayload)\n"),
    ("required text empty", "diagnosis: testcancer\nstart_date: 2026-09-01\ncontacts:\n  - name: \"\"\n    role: \(textPayload)\n"),
    ("show: an entry that is a list", "diagnosis: testcancer\nstart_date: 2026-09-01\nshow:\n  - [\(idPayload)]\n"),
    ("plan started too long ago", "diagnosis: testcancer\nstart_date: 2020-01-01\nwelcome: \(textPayload)\n"),
    ("plan starting in the future", "diagnosis: testcancer\nstart_date: 2030-01-01\nwelcome: \(textPayload)\n"),
    ("comment on a module not current", "diagnosis: testcancer\nstart_date: 2026-09-01\nmodules:\n  behandling: kommande\ncomments:\n  - module: behandling\n    text: \(textPayload)\n"),
    ("shown step in a module not current", "diagnosis: testcancer\nstart_date: 2026-09-01\nmodules:\n  behandling: kommande\nshow: [cytostatika]\nwelcome: \(textPayload)\n"),
    ("step both shown and hidden", "diagnosis: testcancer\nstart_date: 2026-09-01\nshow: [patientlagen]\nhide: [patientlagen]\nwelcome: \(textPayload)\n"),
    ("content_version older, not one the content names", "diagnosis: testcancer\nstart_date: 2026-09-01\ncontent_version: \"2024.\(idPayload)\"\n"),
    // YAML parser
    ("YAML: duplicate key", "diagnosis: testcancer\nstart_date: 2026-09-01\n\(idPayload): 1\n\(idPayload): 2\n"),
    ("YAML: no colon", "diagnosis: testcancer\nstart_date: 2026-09-01\n\(textPayload)\n"),
    ("YAML: text after a quote", "diagnosis: testcancer\nwelcome: \"a\" \(textPayload)\n"),
    ("YAML: nested mapping on the key's line", "diagnosis: testcancer\nwelcome: \(idPayload): \(textPayload)\n"),
    ("YAML: anchor", "diagnosis: testcancer\nwelcome: &\(idPayload) x\n"),
    ("YAML: tag", "diagnosis: testcancer\nwelcome: !\(idPayload) x\n"),
    ("YAML: bad escape", "diagnosis: testcancer\nwelcome: \"\\U19121212 \(marker)\"\n"),
    ("YAML: list among keys", "diagnosis: testcancer\n- \(textPayload)\n"),
    ("YAML: flow list", "diagnosis: testcancer\nshow: [a b] \(textPayload)\n"),
    ("YAML: unclosed list", "diagnosis: testcancer\nshow: [\(idPayload)\n"),
    ("YAML: after the value", "diagnosis: testcancer\nshow: [a] \(idPayload)\n"),
]

/// The same paths in JSON.
private let jsonCases: [(String, String)] = [
    ("JSON: unknown word", "{\"diagnosis\": \(idPayload)}"),
    ("JSON: literal case", "{\"diagnosis\": True, \"x\": \"\(textPayload)\"}"),
    ("JSON: duplicate key", "{\"\(idPayload)\": 1, \"\(idPayload)\": 2}"),
    ("JSON: no colon", "{\"\(textPayload)\" 1}"),
    ("JSON: unquoted key", "{\(idPayload): 1}"),
    ("JSON: after the value", "{\"diagnosis\": \"testcancer\"} \(idPayload)"),
    ("JSON: bad number", "{\"diagnosis\": -\(idPayload)}"),
    ("JSON: bad escape", "{\"diagnosis\": \"\\uD912\(personalNumber)\"}"),
    ("JSON: unknown key", "{\"diagnosis\": \"testcancer\", \"start_date\": \"2026-09-01\", \"\(textPayload)\": 1}"),
    ("JSON: start_date", "{\"diagnosis\": \"testcancer\", \"start_date\": \"\(textPayload)\"}"),
]

@Suite("Manifests: no message ever quotes the manifest's text")
struct ManifestPrivacyTests {
    @Test("every error and warning path, fed a name and a personal identity number", arguments: cases)
    func yamlPaths(name: String, text: String) {
        let found = messages(text)
        #expect(!found.isEmpty, "\(name): no diagnostic, so the path was not taken")
        #expect(leaks(found).isEmpty, "\(name): \(leaks(found))")
    }

    @Test("the same in JSON", arguments: jsonCases)
    func jsonPaths(name: String, text: String) {
        let found = messages(text, path: "plan.json")
        #expect(!found.isEmpty, "\(name): no diagnostic, so the path was not taken")
        #expect(leaks(found).isEmpty, "\(name): \(leaks(found))")
    }

    /// Each manifest and patient-plan diagnostic (VP5xx) is built by a constructor that
    /// takes no text from the manifest; this checks that the cases above reach every one
    /// of them, so every constructor's message has been fed the payload and found free of it.
    @Test("the cases reach every manifest and patient-plan code")
    func everyCodeReached() {
        var reached = Set<String>()
        for (_, text) in cases { reached.formUnion(diagnostics(text).map(\.code.rawValue)) }
        for (_, text) in jsonCases { reached.formUnion(diagnostics(text, path: "plan.json").map(\.code.rawValue)) }
        let declared = DeclaredDiagnosticCodes.codes(withPrefix: "VP5")
        #expect(declared.count >= 30)
        #expect(declared.subtracting(reached).sorted() == [], "codes no case reaches")
    }

    /// A seeded property test: the payload inserted at random places of a complete
    /// manifest, in YAML and JSON, never shows up in a message.
    @Test("the payload anywhere in a manifest never reaches a message", arguments: [1, 2, 3, 4])
    func payloadAnywhere(seed: UInt64) throws {
        var random = PayloadRandom(seed: seed)
        let yaml = try String(contentsOfFile: Fixtures.manifests + "/treatment.yaml", encoding: .utf8)
        let json = try String(contentsOfFile: Fixtures.manifests + "/forms.json", encoding: .utf8)
        for (base, path) in [(yaml, "plan.yaml"), (json, "plan.json")] {
            let characters = Array(base)
            for round in 0..<150 {
                let payload = [textPayload, idPayload, "\"\(textPayload)\"", "'\(textPayload)'", "\n\(idPayload): x\n",
                               "[\(idPayload)", "\(idPayload)\":"][Int(random.next() % 7)]
                let at = Int(random.next() % UInt64(characters.count + 1))
                var mutated = characters
                mutated.insert(contentsOf: payload, at: at)
                if round % 3 == 0 {
                    // Also cut a piece out, to reach more of the parsers' errors.
                    let cut = Int(random.next() % UInt64(mutated.count))
                    mutated.removeSubrange(cut..<min(mutated.count, cut + Int(random.next() % 8)))
                }
                let found = messages(String(mutated), path: path)
                #expect(leaks(found).isEmpty, "seed \(seed) round \(round): \(leaks(found))")
            }
        }
    }
}

/// SplitMix64: a small deterministic generator for seeded property tests.
private struct PayloadRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
