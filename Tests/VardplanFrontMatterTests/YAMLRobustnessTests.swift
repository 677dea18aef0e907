import Foundation
import Testing
@testable import VardplanFrontMatter
import VardplanDiagnostics

/// No input makes the parsers trap, hang or take more than linear time: garbage, huge
/// files and absurd nesting all end in diagnostics.
@Suite struct YAMLRobustnessTests {
    /// A small deterministic random number generator (SplitMix64), so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let duration = clock.measure(body)
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Parses with both parsers and checks the contract: a tree exactly when there is no error,
    /// and every position inside the file.
    static func checkContract(_ bytes: [UInt8], range: Range<Int>? = nil) {
        let file = SourceFile(path: "fuzz.md", bytes: bytes)
        var yamlDiagnostics = Diagnostics()
        let node = YAMLParser.parse(file, range: range, diagnostics: &yamlDiagnostics)
        if node != nil { #expect(!yamlDiagnostics.hasErrors) }
        if yamlDiagnostics.hasErrors { #expect(node == nil) }
        for diagnostic in yamlDiagnostics.all {
            let position = diagnostic.location?.position
            #expect(position.map { $0.line >= 1 && $0.line <= file.lineCount && $0.column >= 1 } == true)
        }
        var jsonDiagnostics = Diagnostics()
        let json = JSONParser.parse(file, range: range, diagnostics: &jsonDiagnostics)
        #expect((json == nil) == jsonDiagnostics.hasErrors)
    }

    static let seeds: [String] = [
        "titel: \"Rådgivning\"\ntags: [a, 'b', \"c\"]\nlista:\n- x: 1\n  y: |\n    text\n- - a\n  - >-\n   b\n",
        "a:\n  b:\n    - 'x''y'\n    - \"\\u00e5\\\n  z\"\n  c: ~\n...\n",
        "{\"a\": [1, 2.5e3, true, null, \"x\\n\"], \"b\": {\"c\": \"å\"}}\n",
        "- [a,\n  b]\n- |+2\n    k\n\n- text\n  more # c\n",
    ]

    @Test(arguments: [1, 2, 3])
    func binaryGarbageEndsInAnError(_ seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed))
        let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let (node, diagnostics) = FrontMatterTestSupport.yaml(bytes: bytes)
        #expect(node == nil)
        #expect(diagnostics.hasErrors)
        var jsonDiagnostics = Diagnostics()
        #expect(JSONParser.parse(SourceFile(path: "x.json", bytes: bytes), diagnostics: &jsonDiagnostics) == nil)
        #expect(jsonDiagnostics.hasErrors)
    }

    @Test func printableGarbageEndsInAnErrorOrAValue() {
        var generator = SeededGenerator(state: 42)
        let alphabet = Array(" \n\t-:?[]{},#&*!|>'\"%@`ab1å".utf8)
        for _ in 0..<200 {
            let bytes = (0..<2_000).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            Self.checkContract(bytes)
        }
    }

    /// A realistic 5 MB document, and 1 MB documents in the shapes that could go quadratic
    /// (a quadratic parser would need hours for any of them): one long line of flow entries,
    /// one huge scalar, a long block scalar, many small mappings.
    static let hugeDocuments: [(String, Int, @Sendable () -> String)] = [
        ("100 000 keys", 5_000_000, { (0..<100_000).map { "key\($0): value number \($0) with some text åäö # note\n" }.joined() }),
        ("one flow list line", 1_000_000, { "tags: [" + String(repeating: "entry, 'quoted', \"dq\", ", count: 45_000) + "end]\n" }),
        ("one plain scalar", 1_000_000, { "text: " + String(repeating: "word ", count: 200_000) + "\n" }),
        ("a long block scalar", 1_000_000, { "text: |\n" + String(repeating: "  a line of literal text, åäö\n", count: 34_000) }),
        ("a long list of mappings", 1_000_000, { (0..<40_000).map { "- name: n\($0)\n  role: 'r'\n" }.joined() }),
    ]

    @Test(arguments: hugeDocuments.indices)
    func aHugeDocumentIsReadQuickly(_ index: Int) {
        let (name, size, make) = Self.hugeDocuments[index]
        let text = make()
        #expect(text.utf8.count >= size, "\(name) is only \(text.utf8.count) bytes")
        var result: (YAMLNode?, Diagnostics) = (nil, Diagnostics())
        let time = Self.seconds { result = FrontMatterTestSupport.yaml(text) }
        #expect(result.1.isEmpty, "\(name): \(FrontMatterTestSupport.describe(result.1).prefix(3))")
        #expect(result.0 != nil)
        #expect(time < 60, "\(name) took \(time) s")
    }

    @Test func aMegabyteJSONFileIsReadQuickly() {
        let text = "[" + (0..<40_000).map { "{\"key\": \"value \($0)\", \"n\": \($0).5}" }.joined(separator: ",") + "]"
        #expect(text.utf8.count > 1_000_000)
        var result: (YAMLNode?, Diagnostics) = (nil, Diagnostics())
        let time = Self.seconds { result = FrontMatterTestSupport.json(text) }
        #expect(result.1.isEmpty)
        #expect(result.0?.sequence?.count == 40_000)
        #expect(time < 60, "took \(time) s")
    }

    /// Absurd nesting, written every way the subset allows (and a few it does not): 10 000
    /// levels, or 1 000 where each level adds a line of indentation (10 000 would be 50 MB).
    static let deepDocuments: [(String, String, String)] = [
        ("indented keys", (0..<1_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined(), "nested more than 100 levels"),
        ("compact list entries", String(repeating: "- ", count: 10_000) + "x\n", "nested more than 100 levels"),
        ("indented list entries", (0..<1_000).map { String(repeating: " ", count: $0) + "-\n" }.joined(), "nested more than 100 levels"),
        ("flow lists", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), "nested lists"),
        ("flow mappings", String(repeating: "{a: ", count: 10_000), "flow mappings"),
    ]

    @Test(arguments: deepDocuments.indices)
    func deepNestingIsCapped(_ index: Int) throws {
        let (name, text, words) = Self.deepDocuments[index]
        let (node, diagnostics) = FrontMatterTestSupport.yaml(text)
        #expect(node == nil)
        let error = try #require(diagnostics.all.first, "\(name)")
        #expect(error.message.contains(words), "\(name): \(error.message)")
    }

    @Test func deepJSONIsCapped() throws {
        for text in [String(repeating: "[", count: 10_000), String(repeating: "{\"a\":", count: 10_000)] {
            let (node, diagnostics) = FrontMatterTestSupport.json(text)
            #expect(node == nil)
            #expect(try #require(diagnostics.all.first).message.contains("nested more than 100 levels"))
        }
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = YAMLParser.maximumDepth
        let text = (0..<depth).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        let (node, diagnostics) = FrontMatterTestSupport.yaml(text)
        #expect(diagnostics.isEmpty)
        var current = try #require(node)
        var levels = 0
        while let next = current.value(forKey: "k") {
            levels += 1
            current = next
        }
        #expect(levels == depth)
    }

    @Test func mutatedInputsNeverTrap() {
        let iterations = Int(ProcessInfo.processInfo.environment["FRONTMATTER_FUZZ_ITERATIONS"] ?? "") ?? 3_000
        var generator = SeededGenerator(state: 20_240_501)
        let pieces: [[UInt8]] = [" ", "  ", "\n", "\r\n", "\t", "-", "- ", ":", ": ", "'", "\"", "[", "]", "{", "}", ",",
                                 "#", " #", "|", ">", "\\", "å", "&a", "*a", "!t", "?", "---\n", "...\n", "%", "\u{FEFF}",
                                 "\\u", "+", "0", "\u{7}"].map { Array($0.utf8) }
        var corpus = Self.seeds.map { Array($0.utf8) }
        if let suite = YAMLConformanceTests.suiteDirectory() {
            for testCase in YAMLConformanceTests.cases(in: suite) {
                if let bytes = YAMLConformanceTests.read(testCase.directory.appendingPathComponent("in.yaml")) { corpus.append(bytes) }
            }
        }
        for _ in 0..<iterations {
            var bytes = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let at = Int.random(in: 0...bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.insert(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &generator)], at: at)
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...6, using: &generator))) }
                case 2: if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &generator) }
                default: bytes.insert(contentsOf: bytes[at...].prefix(Int.random(in: 1...20, using: &generator)), at: at)
                }
            }
            Self.checkContract(bytes)
            let cut = Int.random(in: 0...bytes.count, using: &generator)
            Self.checkContract(bytes, range: Int.random(in: 0...cut, using: &generator)..<cut)
        }
    }
}
