import Testing
@testable import VardplanFrontMatter
import VardplanDiagnostics

/// Everything outside the subset, and every malformed input, is an error at an exact
/// `line:column` whose message names the problem — never a silent misread.
@Suite struct YAMLParserErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var position: String
        /// Words the message must contain.
        var words: [String]
        var testDescription: String { name }
    }

    static let unsupported: [Case] = [
        Case(name: "an anchor", yaml: "base: &base x\n", position: "1:7", words: ["anchors ('&base')", "not supported", "repeat the value"]),
        Case(name: "an alias", yaml: "a: x\nb: *base\n", position: "2:4", words: ["aliases ('*base')", "not supported"]),
        Case(name: "a standard tag", yaml: "a: !!str 5\n", position: "1:4", words: ["tags ('!!str')", "not supported"]),
        Case(name: "a local tag on a list entry", yaml: "- !x y\n", position: "1:3", words: ["tags ('!x')"]),
        Case(name: "a flow mapping", yaml: "a: {b: 1}\n", position: "1:4", words: ["flow mappings ('{...}')", "'key: value' lines"]),
        Case(name: "a flow mapping in a flow list", yaml: "a: [x, {b: 1}]\n", position: "1:8", words: ["flow mappings"]),
        Case(name: "a nested flow list", yaml: "a: [b, [c]]\n", position: "1:8", words: ["nested lists", "'- ' lines"]),
        Case(name: "a complex key", yaml: "? a\n: b\n", position: "1:1", words: ["complex keys ('? ')"]),
        Case(name: "a second document", yaml: "a: 1\n---\nb: 2\n", position: "2:1", words: ["second document ('---')", "one document"]),
        Case(name: "a document after '...'", yaml: "a: 1\n...\nb: 2\n", position: "3:1", words: ["second document after '...'"]),
        Case(name: "a directive", yaml: "%YAML 1.2\n---\na: 1\n", position: "1:1", words: ["directives ('%YAML')", "remove the line"]),
        Case(name: "an anchor in a flow list after non-ASCII text", yaml: "åäö: [x, &a y]\n", position: "1:10", words: ["anchors ('&a')"]),
        Case(name: "a key that is a flow list", yaml: "[a, b]: c\n", position: "1:1", words: ["cannot be a mapping key"]),
        Case(name: "an empty key", yaml: ": a\n", position: "1:1", words: ["needs a key before ':'"]),
        Case(name: "a 'key: value' inside a flow list", yaml: "a: [b: c]\n", position: "1:6", words: ["'key: value' pair inside '[...]'"]),
        Case(name: "a '- ' entry inside a flow list", yaml: "a: [- b]\n", position: "1:5", words: ["list entries ('- ') are not allowed inside '[...]'"]),
        Case(name: "a '?' starting a flow entry", yaml: "a: [b, ?c]\n", position: "1:8", words: ["starting with '?'", "quotes"]),
        Case(name: "a mapping on the '---' line", yaml: "--- a: 1\n", position: "1:5", words: ["mapping cannot start on the '---' line"]),
        Case(name: "a reserved '@'", yaml: "a: @b\n", position: "1:4", words: ["'@' is reserved", "quotes"]),
        Case(name: "a reserved backtick", yaml: "a: `b`\n", position: "1:4", words: ["'`' is reserved"]),
    ]

    static let tabs: [Case] = [
        Case(name: "a tab indenting a key", yaml: "a:\n\tb: 1\n", position: "2:1", words: ["tabs cannot be used for indentation"]),
        Case(name: "a tab after spaces indenting a key", yaml: "a:\n  b: 1\n  \tc: 2\n", position: "3:3", words: ["tabs"]),
        Case(name: "a tab before a nested mapping in a list entry", yaml: "-\ta: 1\n", position: "1:3", words: ["tabs"]),
        Case(name: "a tab before a nested list in a list entry", yaml: "- \t- a\n", position: "1:4", words: ["tabs"]),
    ]

    static let structure: [Case] = [
        Case(name: "a key indented more than its siblings", yaml: "a:\n    b: 1\n  c: 2\n", position: "3:3", words: ["indented more than the keys", "column 1"]),
        Case(name: "a line indented less than the first", yaml: "  a: 1\nb: 2\n", position: "2:1", words: ["indented less than the first line"]),
        Case(name: "a nested mapping on the key's line", yaml: "title: Note: read this\n", position: "1:8", words: ["'Note: read this'", "nested mapping", "quote the value"]),
        Case(name: "a list on the key's line", yaml: "a: - b\n", position: "1:4", words: ["list cannot start on the same line as its key"]),
        Case(name: "a list entry among keys", yaml: "a: 1\n- b\n", position: "2:1", words: ["list entry ('- ') cannot appear among the keys"]),
        Case(name: "a key among list entries", yaml: "- a\nb: 1\n", position: "2:1", words: ["expected a list entry ('- ')", "'b:'"]),
        Case(name: "a line without ':' in a mapping", yaml: "a: 1\nb\n", position: "2:1", words: ["expected 'key: value'", "'b'", "without ':'"]),
        Case(name: "a continuation line holding ': '", yaml: "a: b\n  c: d\n", position: "2:3", words: ["continues the plain text", "': '"]),
        Case(name: "a line after a comment that ended a value", yaml: "a: b # c\n  d\n", position: "2:3", words: ["indented more than the keys"]),
        Case(name: "an entry indented more than the list's dashes", yaml: "- 'a'\n  - b\n", position: "2:3", words: ["indented more than the '- ' entries"]),
        Case(name: "text after a complete value at the top", yaml: "\"a\"\nb\n", position: "2:1", words: ["unexpected 'b' after the end of the value"]),
        Case(name: "a multi-line quoted key", yaml: "\"a\nb\": 1\n", position: "1:1", words: ["quoted key must be on one line"]),
        Case(name: "a duplicate key", yaml: "a: 1\nb: 2\na: 3\n", position: "3:1", words: ["duplicate key 'a'"]),
        Case(name: "a duplicate quoted key", yaml: "- k: 1\n  'k': 2\n", position: "2:3", words: ["duplicate key 'k'"]),
        Case(name: "nesting deeper than the limit", yaml: String(repeating: "- ", count: 150) + "x\n", position: "1:201", words: ["nested more than 100 levels"]),
    ]

    static let scalars: [Case] = [
        Case(name: "an unterminated double-quoted scalar", yaml: "a: \"abc\n", position: "1:4", words: ["double-quoted text starting here is never closed", "closing \""]),
        Case(name: "a forgotten closing quote before the next key", yaml: "a: \"abc\nb: 2\n", position: "1:4", words: ["double-quoted text starting here is not closed before line 2", "closing \""]),
        Case(name: "an unterminated single-quoted scalar", yaml: "a: 'abc\n", position: "1:4", words: ["single-quoted text", "never closed"]),
        Case(name: "text after a closing quote", yaml: "titel: \"Rådgivning\" åäö\n", position: "1:21", words: ["'åäö'", "after the closing quote", "inside the quotes"]),
        Case(name: "a second quoted scalar after the first", yaml: "a: 'x' 'y'\n", position: "1:8", words: ["after the closing quote"]),
        Case(name: "a '#' right after a closing quote", yaml: "a: \"x\"#c\n", position: "1:7", words: ["'#c'"]),
        Case(name: "an unknown escape", yaml: "a: \"x\\qy\"\n", position: "1:6", words: ["unknown escape '\\q'"]),
        Case(name: "a short hex escape", yaml: "a: \"\\x4\"\n", position: "1:5", words: ["'\\x' needs 2 hexadecimal digits"]),
        Case(name: "a surrogate escape", yaml: "a: \"\\uD800\"\n", position: "1:5", words: ["not a valid Unicode character"]),
        Case(name: "a quoted continuation line not indented", yaml: "- a: 'b\n  c'\n", position: "1:6", words: ["single-quoted text starting here is not closed before line 2", "indent the continuation lines"]),
        Case(name: "a '---' inside quotes", yaml: "a: \"b\n---\n", position: "1:4", words: ["never closed"]),
        Case(name: "an unclosed flow list", yaml: "a: [b, c\n", position: "1:4", words: ["list '[' starting here is never closed", "add ']'"]),
        Case(name: "two commas in a flow list", yaml: "a: [b,,c]\n", position: "1:7", words: ["empty entry"]),
        Case(name: "a missing comma in a flow list", yaml: "a: [\"b\" \"c\"]\n", position: "1:9", words: ["expected ',' or ']'"]),
        Case(name: "a flow list line not indented", yaml: "a: [b,\nc]\n", position: "2:1", words: ["not indented more"]),
        Case(name: "text after a flow list", yaml: "a: [b] c\n", position: "1:8", words: ["after the closing ']'"]),
        Case(name: "text after a block scalar indicator", yaml: "a: | x\n", position: "1:6", words: ["unexpected 'x' after '|'", "next line"]),
        Case(name: "a zero indentation indicator", yaml: "a: |0\n  x\n", position: "1:5", words: ["must be 1 to 9"]),
        Case(name: "a leading empty line wider than the text", yaml: "a: |\n    \n  x\n", position: "2:5", words: ["more spaces than the first text line"]),
    ]

    static let text: [Case] = [
        Case(name: "a control character", yaml: "a: b\u{7}\n", position: "1:5", words: ["control character U+0007", "'\\x07'"]),
        Case(name: "a C1 control character after non-ASCII text", yaml: "å: \u{85}ok \u{9B}\n", position: "1:8", words: ["control character U+009B"]),
        Case(name: "a carriage return without a line feed", yaml: "a: 1\rb: 2\n", position: "1:5", words: ["carriage return without a line feed"]),
    ]

    @Test(arguments: unsupported + tabs + structure + scalars + text)
    func rejects(_ testCase: Case) throws {
        let (node, diagnostics) = FrontMatterTestSupport.yaml(testCase.yaml)
        #expect(node == nil)
        let error = try #require(diagnostics.all.first, "no diagnostic for \(testCase.name)")
        #expect(error.severity == .error)
        #expect(error.location?.position.description == testCase.position)
        #expect(error.location?.path == FrontMatterTestSupport.path)
        for word in testCase.words {
            #expect(error.message.contains(word), "'\(error.message)' lacks '\(word)'")
        }
        #expect(error.message.first?.isLowercase == true)
    }

    @Test func aDuplicateKeyHasANoteAtTheFirstOne() throws {
        let (node, diagnostics) = FrontMatterTestSupport.yaml("titel: A\ntags: []\ntitel: B\ntags: [x]\n")
        #expect(node == nil)
        #expect(FrontMatterTestSupport.describe(diagnostics) == [
            "3:1: duplicate key 'titel' in this mapping; each key may appear only once",
            "  note 1:1: 'titel' is first defined here",
            "4:1: duplicate key 'tags' in this mapping; each key may appear only once",
            "  note 2:1: 'tags' is first defined here",
        ])
    }

    /// Repeats are found by comparing keys one by one in a short mapping and through a
    /// table past `MappingKeyTable.linearLimit` keys: both ways report the same.
    @Test(arguments: [3, 16, 17, 40])
    func aDuplicateKeyIsFoundInAMappingOfAnySize(keys: Int) throws {
        let lines = (1...keys).map { "k\($0): \($0)\n" }.joined()
        // A repeat of the first key, of the last key, and a key that is new.
        let yaml = lines + "k1: again\nk\(keys): again\nnew: 1\n"
        let (node, diagnostics) = FrontMatterTestSupport.yaml(yaml)
        #expect(node == nil)
        #expect(FrontMatterTestSupport.describe(diagnostics) == [
            "\(keys + 1):1: duplicate key 'k1' in this mapping; each key may appear only once",
            "  note 1:1: 'k1' is first defined here",
            "\(keys + 2):1: duplicate key 'k\(keys)' in this mapping; each key may appear only once",
            "  note \(keys):1: 'k\(keys)' is first defined here",
        ])
    }

    @Test func aMappingOfManyDistinctKeysKeepsEveryPairInOrder() throws {
        let yaml = (1...100).map { "k\($0): \($0)\n" }.joined()
        let (node, diagnostics) = FrontMatterTestSupport.yaml(yaml)
        #expect(diagnostics.isEmpty)
        guard case .mapping(let pairs)? = node?.kind else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key) == (1...100).map { "k\($0)" })
    }

    @Test func invalidUTF8IsRejectedAtItsByte() throws {
        let bytes: [UInt8] = Array("a: å\nb: ".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let (node, diagnostics) = FrontMatterTestSupport.yaml(bytes: bytes)
        #expect(node == nil)
        #expect(FrontMatterTestSupport.describe(diagnostics) == ["2:4: the text is not valid UTF-8 (byte 0xC3); save the file as UTF-8"])
    }

    @Test func errorsInFrontMatterAreOnFileLines() throws {
        let text = "\u{FEFF}---\r\ntitel: \"Rådgivning\" åäö\r\ntags: [a, &b c]\r\n---\r\nText\r\n"
        let file = SourceFile(path: "steg.md", text: text)
        var diagnostics = Diagnostics()
        let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        let range = try #require(split.frontMatterRange)
        let node = YAMLParser.parse(file, range: range, diagnostics: &diagnostics)
        #expect(node == nil)
        #expect(DiagnosticFormatter.format(diagnostics)
            == "steg.md:2:21: error: unexpected 'åäö' after the closing quote; put all of the value inside the quotes")
    }
}
