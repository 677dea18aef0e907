import Testing
@testable import VardplanFrontMatter
import VardplanDiagnostics

/// Every kind of front matter syntax problem has its own stable code, decided where the
/// problem is found; the examples here are the ones docs/diagnostics.md shows.
@Suite struct FrontMatterDiagnosticCodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var code: String
        /// `steg.md` (a content file: the text is its front matter, between fences),
        /// `plan.yaml` or `plan.json` (a manifest: messages never quote the file).
        var path: String
        var text: String
        /// The first diagnostic as printed.
        var printed: String
        var testDescription: String { "\(code): \(path)" }
    }

    /// The case's bytes; U+FFFD in `text` stands for the byte 0xFF, which is not UTF-8.
    static func bytes(_ testCase: Case) -> [UInt8] {
        testCase.text.unicodeScalars.flatMap { $0 == "\u{FFFD}" ? [0xFF] : Array(String($0).utf8) }
    }

    static func firstDiagnostic(_ testCase: Case) -> Diagnostic? {
        var diagnostics = Diagnostics()
        let bytes = bytes(testCase)
        switch testCase.path {
        case "plan.json":
            _ = JSONParser.parse(SourceFile(path: testCase.path, bytes: bytes), quotingInput: false,
                                 diagnostics: &diagnostics)
        case "plan.yaml":
            _ = YAMLParser.parse(SourceFile(path: testCase.path, bytes: bytes), quotingInput: false,
                                 diagnostics: &diagnostics)
        default:
            let file = SourceFile(path: testCase.path, bytes: bytes)
            let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
            if let range = split.frontMatterRange {
                _ = YAMLParser.parse(file, range: range, diagnostics: &diagnostics)
            }
        }
        return diagnostics.all.first
    }

    static func step(_ yaml: String) -> String { "---\n\(yaml)---\n\nText.\n" }

    static let cases: [Case] = [
        Case(code: "VP100", path: "steg.md", text: "---\ntitle: x\n", printed: "steg.md:1:1: error: front matter starting here is never closed; add a line '---' after it"),
        Case(code: "VP101", path: "plan.json", text: "{\n  \"a\": 1,\n  \"namn\": \"\u{FFFD}\"\n}\n", printed: "plan.json:3:12: error: the text is not valid UTF-8 (byte 0xFF); save the file as UTF-8"),
        Case(code: "VP102", path: "steg.md", text: step("title: \u{07}\n"), printed: "steg.md:2:8: error: control character U+0007 is not allowed in YAML; remove it, or write it as '\\x07' inside double quotes"),
        Case(code: "VP103", path: "steg.md", text: step("title: Hallå\rx\n"), printed: "steg.md:2:13: error: a carriage return without a line feed is not a supported line ending; save the file with LF or CRLF line endings"),
        Case(code: "VP104", path: "steg.md", text: step("a:\n  b: 1\n\tc: 2\n"), printed: "steg.md:4:1: error: tabs cannot be used for indentation in YAML; indent with spaces"),
        Case(code: "VP105", path: "steg.md", text: step(String(repeating: "- ", count: 101) + "x\n"), printed: "steg.md:2:201: error: lists and mappings are nested more than 100 levels deep here; flatten the structure"),
        Case(code: "VP106", path: "steg.md", text: step("%YAML 1.2\n"), printed: "steg.md:2:1: error: directives ('%YAML') are not supported in front matter; remove the line"),
        Case(code: "VP107", path: "steg.md", text: step("a: 1\nbase: &base x\n"), printed: "steg.md:3:7: error: anchors ('&base') are not supported in front matter; repeat the value instead"),
        Case(code: "VP108", path: "steg.md", text: step("a: 1\nb: x\nc: *base\n"), printed: "steg.md:4:4: error: aliases ('*base') are not supported in front matter; repeat the value instead"),
        Case(code: "VP109", path: "steg.md", text: step("a: !!str 5\n"), printed: "steg.md:2:4: error: tags ('!!str') are not supported in front matter; remove the tag, and quote the value if it must stay text"),
        Case(code: "VP110", path: "steg.md", text: step("a: {b: 1}\n"), printed: "steg.md:2:4: error: flow mappings ('{...}') are not supported in front matter; write the mapping as indented 'key: value' lines"),
        Case(code: "VP111", path: "steg.md", text: step("a: [b, [c]]\n"), printed: "steg.md:2:8: error: nested lists inside '[...]' are not supported in front matter; write the outer list as indented '- ' lines"),
        Case(code: "VP112", path: "steg.md", text: step("? a\n: b\n"), printed: "steg.md:2:1: error: complex keys ('? ') are not supported in front matter; write 'key: value' with a plain or quoted key"),
        Case(code: "VP113", path: "plan.yaml", text: "a: 1\n---\nb: 2\n", printed: "plan.yaml:2:1: error: a second document ('---') is not supported; keep one document per file, or quote the value if '---' is text"),
        Case(code: "VP114", path: "steg.md", text: step("title: \"Hej\" ord\n"), printed: "steg.md:2:14: error: unexpected 'ord' after the closing quote; put all of the value inside the quotes"),
        Case(code: "VP115", path: "steg.md", text: step("tags: - a\n"), printed: "steg.md:2:7: error: a list cannot start on the same line as its key; put each '- ' entry on its own line below the key"),
        Case(code: "VP116", path: "steg.md", text: step("[a, b]: c\n"), printed: "steg.md:2:1: error: a list ('[...]') cannot be a mapping key; keys must be plain or quoted text"),
        Case(code: "VP117", path: "steg.md", text: step("a: 1\n: b\n"), printed: "steg.md:3:1: error: a mapping entry needs a key before ':'; write 'key: value'"),
        Case(code: "VP118", path: "steg.md", text: step("title: @home\n"), printed: "steg.md:2:8: error: the character '@' is reserved in YAML and cannot start a plain value; put the value in quotes"),
        Case(code: "VP119", path: "steg.md", text: step("a: 1\n- b\n"), printed: "steg.md:3:1: error: a list entry ('- ') cannot appear among the keys of a mapping; indent it under the key it belongs to"),
        Case(code: "VP120", path: "steg.md", text: step("title: Hej\nVad händer nu\n"), printed: "steg.md:3:1: error: expected 'key: value' here, found 'Vad händer nu' without ':'; add ': ' after the key, or indent the line if it continues the value above"),
        Case(code: "VP121", path: "steg.md", text: step("tags:\n  - a\n  b: c\n"), printed: "steg.md:4:3: error: expected a list entry ('- ') here, found 'b:'; a list and a mapping cannot share one indentation level"),
        Case(code: "VP122", path: "steg.md", text: step("a:\n  b: 1\n c: 2\n"), printed: "steg.md:4:2: error: this line is indented more than the keys of its mapping (column 1); line it up with the key it belongs with"),
        Case(code: "VP123", path: "steg.md", text: step("a: text\n  more: x\n"), printed: "steg.md:3:3: error: this line continues the plain text above but contains ': '; if it starts a new key, line it up with the other keys; if it is text, put the whole value in quotes"),
        Case(code: "VP124", path: "steg.md", text: step("title: \"Hej\n"), printed: "steg.md:2:8: error: double-quoted text starting here is never closed; add the closing \""),
        Case(code: "VP125", path: "steg.md", text: step("tags: [a, b\n"), printed: "steg.md:2:7: error: the list '[' starting here is never closed; add ']'"),
        Case(code: "VP126", path: "steg.md", text: step("tags: [\"a\" b]\n"), printed: "steg.md:2:12: error: expected ',' or ']' in the list, found 'b]'"),
        Case(code: "VP127", path: "steg.md", text: step("tags: [a,, b]\n"), printed: "steg.md:2:10: error: empty entry in the list: two ',' in a row (or a ',' right after '['); remove one"),
        Case(code: "VP128", path: "steg.md", text: step("tags: [a, b: c]\n"), printed: "steg.md:2:12: error: a 'key: value' pair inside '[...]' is not supported; quote the entry if ':' is part of the text"),
        Case(code: "VP129", path: "steg.md", text: step("tags: [?a]\n"), printed: "steg.md:2:8: error: an entry starting with '?' inside '[...]' is read differently by different YAML tools; put it in quotes"),
        Case(code: "VP130", path: "steg.md", text: step("text: |0\n  a\n"), printed: "steg.md:2:8: error: the indentation indicator of block text must be 1 to 9, found '0'"),
        Case(code: "VP131", path: "steg.md", text: step("text: |\n    \n  a\n"), printed: "steg.md:3:5: error: this empty line at the start of block text has more spaces than the first text line (2); remove the extra spaces"),
        Case(code: "VP132", path: "steg.md", text: step("title: \"a\\qb\"\n"), printed: "steg.md:2:10: error: unknown escape '\\q' in double-quoted text; write '\\\\' for a backslash, or use single quotes"),
        Case(code: "VP133", path: "steg.md", text: step("title: a\norder: 1\ntitle: b\n"), printed: "steg.md:4:1: error: duplicate key 'title' in this mapping; each key may appear only once"),
        Case(code: "VP150", path: "plan.json", text: String(repeating: "[", count: 101) + String(repeating: "]", count: 101), printed: "plan.json:1:101: error: arrays and objects are nested more than 100 levels deep here; flatten the structure"),
        Case(code: "VP151", path: "plan.json", text: "{\n  \"a\": 1\n}\n\n}\n", printed: "plan.json:5:1: error: unexpected '…' after the JSON value; a JSON file holds exactly one value"),
        Case(code: "VP152", path: "plan.json", text: "{\n  \"a\": 1,\n  \"b\": ,\n}\n", printed: "plan.json:3:8: error: expected a JSON value (object, array, string, number, true, false or null), found '…'"),
        Case(code: "VP153", path: "plan.json", text: "{\n  \"namn\": 'Anna'\n}\n", printed: "plan.json:2:11: error: strings in JSON use double quotes; write \"...\" instead of '...'"),
        Case(code: "VP154", path: "plan.json", text: "// namn\n{}\n", printed: "plan.json:1:1: error: comments are not allowed in JSON; remove them"),
        Case(code: "VP155", path: "plan.json", text: "{\n  \"a\": 1,\n  \"order\": 01\n}\n", printed: "plan.json:3:12: error: invalid JSON number '…'; leading zeros are not allowed"),
        Case(code: "VP156", path: "plan.json", text: "{\n  \"a\": 1\n", printed: "plan.json:1:1: error: the object '{' starting here is never closed; add '}'"),
        Case(code: "VP157", path: "plan.json", text: "{\n  \"namn\": \"Anna\n}\n", printed: "plan.json:2:11: error: this string is never closed on its line; add the closing '\"' (write '\\n' for a line break inside a string)"),
        Case(code: "VP158", path: "plan.json", text: "{\n  \"a\": 1,\n}\n", printed: "plan.json:2:9: error: trailing comma before '}' is not allowed in JSON; remove the ','"),
        Case(code: "VP159", path: "plan.json", text: "{\n  namn: 1\n}\n", printed: "plan.json:2:3: error: object keys must be double-quoted strings in JSON; write '\"…\"'"),
        Case(code: "VP160", path: "plan.json", text: "{\n  \"namn\" 1\n}\n", printed: "plan.json:2:10: error: expected ':' after the key '…'"),
        Case(code: "VP161", path: "plan.json", text: "{\n  \"a\": 1,\n  \"a\": 2\n}\n", printed: "plan.json:3:3: error: duplicate key '…' in this object; each key may appear only once"),
        Case(code: "VP162", path: "plan.json", text: "{\n  \"a\": 1\n  \"b\": 2\n}\n", printed: "plan.json:3:3: error: expected ',' or '}' after the value in the object, found '…'"),
        Case(code: "VP163", path: "plan.json", text: "{\n  \"namn\": \"An\tna\"\n}\n", printed: "plan.json:2:14: error: control character U+0009 is not allowed in a JSON string; write it as an escape such as '\\t'"),
        Case(code: "VP164", path: "plan.json", text: "{\n  \"namn\": \"An\\qna\"\n}\n", printed: "plan.json:2:14: error: invalid escape '\\…' in a JSON string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
        Case(code: "VP165", path: "plan.json", text: "{\n  \"aktiv\": True\n}\n", printed: "plan.json:2:12: error: the literals of JSON are lower case; write '…' instead of '…'"),
        Case(code: "VP166", path: "plan.json", text: "{\n  \"namn\": Anna\n}\n", printed: "plan.json:2:11: error: unknown word '…'; text in JSON must be a double-quoted string (\"…\")"),
    ]

    @Test(arguments: cases)
    func codeAndMessage(_ testCase: Case) throws {
        let diagnostic = try #require(Self.firstDiagnostic(testCase))
        #expect(diagnostic.code.rawValue == testCase.code)
        #expect(DiagnosticFormatter.format(diagnostic).split(separator: "\n").first.map(String.init) == testCase.printed)
    }
}
