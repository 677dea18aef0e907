import Testing
@testable import VardplanFrontMatter
import VardplanDiagnostics

/// Manifests may be JSON: a strict RFC 8259 parser giving the same trees as YAML.
@Suite struct JSONParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var json: String
        var tree: String
        var testDescription: String { name }
    }

    static let valid: [Case] = [
        Case(name: "an object keeps its order", json: #"{"titel": "Hej", "b": 1, "a": [true, false, null]}"#,
             tree: #"{titel@1:2: d"Hej"@1:11, b@1:18: "1"@1:23, a@1:26: ["true"@1:32, "false"@1:38, "null"@1:45]@1:31}@1:1"#),
        Case(name: "numbers keep their source text", json: "[0, -1.5, 2e10, 1E-2, -0]",
             tree: #"["0"@1:2, "-1.5"@1:5, "2e10"@1:11, "1E-2"@1:17, "-0"@1:23]@1:1"#),
        Case(name: "string escapes, surrogate pairs included", json: #"["a\"\\\/\b\f\n\r\t\u00e5\ud83d\ude00"]"#,
             tree: #"[d"a\"\\/\u{8}\u{c}\n\r\tå😀"@1:2]@1:1"#),
        Case(name: "nested values over lines with CRLF", json: "{\r\n  \"a\": {\r\n    \"b\": []\r\n  }\r\n}\r\n",
             tree: #"{a@2:3: {b@3:5: []@3:10}@2:8}@1:1"#),
        Case(name: "a BOM and non-ASCII columns", json: "\u{FEFF}{\"åäö\": \"ö\", \"x\": 1}",
             tree: #"{åäö@1:2: d"ö"@1:9, x@1:14: "1"@1:19}@1:1"#),
        Case(name: "a scalar document", json: "  \"text\"  \n", tree: #"d"text"@1:3"#),
        Case(name: "empty containers", json: "[{}, [ ]]", tree: #"[{}@1:2, []@1:6]@1:1"#),
    ]

    @Test(arguments: valid)
    func reads(_ testCase: Case) {
        let (node, diagnostics) = FrontMatterTestSupport.json(testCase.json)
        #expect(FrontMatterTestSupport.describe(diagnostics) == [])
        #expect(FrontMatterTestSupport.dump(node) == testCase.tree)
    }

    @Test func numbersAndLiteralsTypeLikeYAML() throws {
        let node = try #require(FrontMatterTestSupport.json(#"{"n": 12, "f": 0.5, "t": true, "z": null, "s": "12"}"#).0)
        #expect(node.value(forKey: "n")?.int == 12)
        #expect(node.value(forKey: "f")?.double == 0.5)
        #expect(node.value(forKey: "t")?.bool == true)
        #expect(node.value(forKey: "z")?.isNull == true)
        #expect(node.value(forKey: "s")?.int == nil)
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var name: String
        var json: String
        var position: String
        var words: [String]
        var testDescription: String { name }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(name: "a trailing comma in an object", json: "{\"a\": 1,\n}", position: "1:8", words: ["trailing comma before '}'", "remove the ','"]),
        ErrorCase(name: "a trailing comma in an array", json: "[1, 2, ]", position: "1:6", words: ["trailing comma before ']'"]),
        ErrorCase(name: "an unquoted key", json: "{titel: 1}", position: "1:2", words: ["keys must be double-quoted", "'\"titel\"'"]),
        ErrorCase(name: "a single-quoted key", json: "{'a': 1}", position: "1:2", words: ["keys must be double-quoted", "'\"a\"'"]),
        ErrorCase(name: "a single-quoted string", json: "['a']", position: "1:2", words: ["double quotes"]),
        ErrorCase(name: "an unterminated string", json: "[\"abc", position: "1:2", words: ["never closed", "closing '\"'"]),
        ErrorCase(name: "a line break in a string", json: "[\"abc\n\"]", position: "1:2", words: ["never closed on its line"]),
        ErrorCase(name: "a tab in a string", json: "[\"a\tb\"]", position: "1:4", words: ["control character U+0009"]),
        ErrorCase(name: "an invalid escape", json: #"["a\qb"]"#, position: "1:4", words: ["invalid escape '\\q'"]),
        ErrorCase(name: "a short unicode escape", json: #"["\u12"]"#, position: "1:3", words: ["4 hexadecimal digits"]),
        ErrorCase(name: "an unpaired low surrogate", json: #"["\udc00"]"#, position: "1:3", words: ["unpaired surrogate"]),
        ErrorCase(name: "a high surrogate alone", json: #"["\ud800x"]"#, position: "1:3", words: ["half of a surrogate pair"]),
        ErrorCase(name: "trailing garbage", json: "{} x", position: "1:4", words: ["unexpected 'x' after the JSON value", "exactly one value"]),
        ErrorCase(name: "two values", json: "1 2", position: "1:3", words: ["after the JSON value"]),
        ErrorCase(name: "a duplicate key", json: "{\"a\": 1,\n \"a\": 2}", position: "2:2", words: ["duplicate key 'a'"]),
        ErrorCase(name: "a missing colon", json: "{\"a\" 1}", position: "1:6", words: ["expected ':' after the key 'a'"]),
        ErrorCase(name: "a missing comma", json: "[1 2]", position: "1:4", words: ["expected ',' or ']'"]),
        ErrorCase(name: "a missing comma in an object", json: "{\"a\": 1 \"b\": 2}", position: "1:9", words: ["expected ',' or '}'"]),
        ErrorCase(name: "an unclosed array", json: "[1,\n 2", position: "1:1", words: ["array '[' starting here is never closed"]),
        ErrorCase(name: "an unclosed object", json: "{\"a\": 1", position: "1:1", words: ["object '{' starting here is never closed"]),
        ErrorCase(name: "an empty array entry", json: "[1,,2]", position: "1:4", words: ["expected a value before ','"]),
        ErrorCase(name: "a leading zero", json: "[01]", position: "1:2", words: ["invalid JSON number '01'", "leading zeros"]),
        ErrorCase(name: "a leading plus", json: "[+1]", position: "1:2", words: ["invalid JSON number '+1'"]),
        ErrorCase(name: "a bare fraction", json: "[.5]", position: "1:2", words: ["invalid JSON number '.5'"]),
        ErrorCase(name: "a dot without digits", json: "[1.]", position: "1:2", words: ["a digit must follow '.'"]),
        ErrorCase(name: "an exponent without digits", json: "[1e]", position: "1:2", words: ["exponent"]),
        ErrorCase(name: "a capitalised literal", json: "[True]", position: "1:2", words: ["lower case", "'true'"]),
        ErrorCase(name: "an unknown word", json: "[NaN]", position: "1:2", words: ["unknown word 'NaN'"]),
        ErrorCase(name: "a comment", json: "// x\n{}", position: "1:1", words: ["comments are not allowed"]),
        ErrorCase(name: "an empty file", json: "", position: "1:1", words: ["expected a JSON value, found the end"]),
        ErrorCase(name: "a column after non-ASCII text", json: "{\"å\": 1, ö: 2}", position: "1:10", words: ["keys must be double-quoted"]),
        ErrorCase(name: "nesting deeper than the limit", json: String(repeating: "[", count: 10_000), position: "1:101", words: ["nested more than 100 levels"]),
    ]

    @Test(arguments: errors)
    func rejects(_ testCase: ErrorCase) throws {
        let (node, diagnostics) = FrontMatterTestSupport.json(testCase.json)
        #expect(node == nil)
        let error = try #require(diagnostics.all.first)
        #expect(error.severity == .error)
        #expect(error.location?.position.description == testCase.position)
        for word in testCase.words {
            #expect(error.message.contains(word), "'\(error.message)' lacks '\(word)'")
        }
        #expect(error.message.first?.isLowercase == true)
    }

    @Test func aDuplicateKeyHasANote() {
        let (_, diagnostics) = FrontMatterTestSupport.json("{\"a\": 1,\n \"a\": 2}")
        #expect(FrontMatterTestSupport.describe(diagnostics) == [
            "2:2: duplicate key 'a' in this object; each key may appear only once",
            "  note 1:2: 'a' is first defined here",
        ])
    }

    @Test func invalidUTF8IsRejected() {
        var diagnostics = Diagnostics()
        let file = SourceFile(path: "m.json", bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D])
        #expect(JSONParser.parse(file, diagnostics: &diagnostics) == nil)
        #expect(FrontMatterTestSupport.describe(diagnostics) == ["1:3: the text is not valid UTF-8 (byte 0xFF); save the file as UTF-8"])
    }

    @Test func aSequenceOfDocuments() throws {
        var diagnostics = Diagnostics()
        let file = SourceFile(path: "in.json", text: "{\"a\": 1}\n[2]\n\"x\"\n")
        let values = try #require(JSONParser.parseSequence(file, diagnostics: &diagnostics))
        #expect(values.map { FrontMatterTestSupport.dump($0) } == [#"{a@1:2: "1"@1:7}@1:1"#, #"["2"@2:2]@2:1"#, #"d"x"@3:1"#])
    }
}
