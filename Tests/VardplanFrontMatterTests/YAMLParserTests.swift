import Testing
@testable import VardplanFrontMatter
import VardplanDiagnostics

/// What the YAML subset reads, with the exact value and position of every node and key.
/// Trees are written as in `FrontMatterTestSupport.dump`: `{key@line:col: value}@line:col`,
/// `[items]@line:col`, scalars `"text"@line:col` with a style prefix (`s` single-quoted,
/// `d` double-quoted, `|` literal, `>` folded, none for plain).
@Suite struct YAMLParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var tree: String
        var testDescription: String { name }
    }

    static let blockCollections: [Case] = [
        Case(name: "a mapping of plain scalars", yaml: "title: Hello\ndate: 2024-05-01\n",
             tree: #"{title@1:1: "Hello"@1:8, date@2:1: "2024-05-01"@2:7}@1:1"#),
        Case(name: "an empty value is null, placed after the colon", yaml: "a:\nb: ~\nc:   # note\n",
             tree: #"{a@1:1: ""@1:3, b@2:1: "~"@2:4, c@3:1: ""@3:3}@1:1"#),
        Case(name: "nested mappings at any indentation", yaml: "a:\n  b: 1\n  c:\n       d: x\ne: 2\n",
             tree: #"{a@1:1: {b@2:3: "1"@2:6, c@3:3: {d@4:8: "x"@4:11}@4:8}@2:3, e@5:1: "2"@5:4}@1:1"#),
        Case(name: "a list", yaml: "- a\n- b c\n",
             tree: #"["a"@1:3, "b c"@2:3]@1:1"#),
        Case(name: "a list at the same indentation as its key", yaml: "tags:\n- a\n- b\nnext: 1\n",
             tree: #"{tags@1:1: ["a"@2:3, "b"@3:3]@2:1, next@4:1: "1"@4:7}@1:1"#),
        Case(name: "a list indented under its key", yaml: "tags:\n  - a\n  - b\n",
             tree: #"{tags@1:1: ["a"@2:5, "b"@3:5]@2:3}@1:1"#),
        Case(name: "mappings as list entries on the dash's line", yaml: "- name: A\n  role: x\n-   name: B\n",
             tree: #"[{name@1:3: "A"@1:9, role@2:3: "x"@2:9}@1:3, {name@3:5: "B"@3:11}@3:5]@1:1"#),
        Case(name: "lists as list entries on the dash's line", yaml: "- - a\n  - b\n- c\n",
             tree: #"[["a"@1:5, "b"@2:5]@1:3, "c"@3:3]@1:1"#),
        Case(name: "empty list entries are null", yaml: "-\n- x\n-\n",
             tree: #"[""@1:2, "x"@2:3, ""@3:2]@1:1"#),
        Case(name: "a list entry's value on the following lines", yaml: "-\n  a: 1\n- \n  - b\n",
             tree: #"[{a@2:3: "1"@2:6}@2:3, ["b"@4:5]@4:3]@1:1"#),
        Case(name: "a list under a key inside a list entry", yaml: "- a:\n  - x\n  b: 2\n",
             tree: #"[{a@1:3: ["x"@2:5]@2:3, b@3:3: "2"@3:6}@1:3]@1:1"#),
        Case(name: "a key followed by comment lines, then its value", yaml: "a:\n  # first\n\n  b: 1\n",
             tree: #"{a@1:1: {b@4:3: "1"@4:6}@4:3}@1:1"#),
        Case(name: "a mapping indented at the top", yaml: "  a: 1\n  b: 2\n",
             tree: #"{a@1:3: "1"@1:6, b@2:3: "2"@2:6}@1:3"#),
        Case(name: "a tab separating key and value", yaml: "a:\tb\n-x: y\n",
             tree: #"{a@1:1: "b"@1:4, -x@2:1: "y"@2:5}@1:1"#),
        Case(name: "quoted keys", yaml: "\"a b\": 1\n'c''d': 2\n\"e\" : 3\n",
             tree: #"{a b@1:1: "1"@1:8, c'd@2:1: "2"@2:9, e@3:1: "3"@3:7}@1:1"#),
        Case(name: "keys with spaces, and ':' without a space inside values", yaml: "home page: https://example.org/a:b\n",
             tree: #"{home page@1:1: "https://example.org/a:b"@1:12}@1:1"#),
    ]

    static let plainAndQuoted: [Case] = [
        Case(name: "a comment needs a space before '#'", yaml: "a: b#c # comment\n",
             tree: #"{a@1:1: "b#c"@1:4}@1:1"#),
        Case(name: "a multi-line plain scalar is folded", yaml: "desc: one\n  two\n\n  three   \n    four\nnext: x\n",
             tree: #"{desc@1:1: "one two\nthree four"@1:7, next@6:1: "x"@6:7}@1:1"#),
        Case(name: "a plain scalar at the top may continue at column 1", yaml: "just\ntext\n",
             tree: #""just text"@1:1"#),
        Case(name: "a single-quoted scalar with '' for a quote", yaml: "a: 'it''s # not a comment'\n",
             tree: #"{a@1:1: s"it's # not a comment"@1:4}@1:1"#),
        Case(name: "a double-quoted scalar with every escape",
             yaml: #"a: "\\ \" \/ \n \t \0 \x41 \u00E5 \U0001F600 \a\b\e\f\r\v \N\_\L\P \ ""# + "\n",
             tree: #"{a@1:1: d"\\ \" / \n \t \u{0} A å 😀 \u{7}\u{8}\u{1b}\u{c}\r\u{b} "# + "\u{85}\u{A0}\u{2028}\u{2029}" + #"  "@1:4}@1:1"#),
        Case(name: "a multi-line double-quoted scalar is folded", yaml: "a: \"one  \n    two\n\n  three\\t\n  four\"\n",
             tree: #"{a@1:1: d"one two\nthree\t four"@1:4}@1:1"#),
        Case(name: "an escaped line break joins lines without a space", yaml: "a: \"one \\\n   two\\\n   three\"\n",
             tree: #"{a@1:1: d"one twothree"@1:4}@1:1"#),
        Case(name: "a multi-line single-quoted scalar is folded", yaml: "- 'one\n  two'\n",
             tree: #"[s"one two"@1:3]@1:1"#),
        Case(name: "a quoted scalar followed by a comment", yaml: "a: \"x\"   # note\n",
             tree: #"{a@1:1: d"x"@1:4}@1:1"#),
    ]

    static let flowLists: [Case] = [
        Case(name: "a flow list of plain and quoted scalars", yaml: "tags: [a, 'b', \"c\", d e]\n",
             tree: #"{tags@1:1: ["a"@1:8, s"b"@1:11, d"c"@1:16, "d e"@1:21]@1:7}@1:1"#),
        Case(name: "an empty flow list", yaml: "tags: []\n",
             tree: #"{tags@1:1: []@1:7}@1:1"#),
        Case(name: "a trailing comma in a flow list", yaml: "tags: [a, b, ]\n",
             tree: #"{tags@1:1: ["a"@1:8, "b"@1:11]@1:7}@1:1"#),
        Case(name: "a flow list over several lines with comments", yaml: "tags: [a,   # first\n  b\n  c,\n  'd\n   e']\n",
             tree: #"{tags@1:1: ["a"@1:8, "b c"@2:3, s"d e"@4:3]@1:7}@1:1"#),
        Case(name: "':' and '#' without spaces inside a flow entry", yaml: "- [a:b, c#d]\n",
             tree: #"[["a:b"@1:4, "c#d"@1:9]@1:3]@1:1"#),
    ]

    static let blockScalars: [Case] = [
        Case(name: "a literal block scalar keeps line breaks", yaml: "text: |\n  line 1\n    indented\n\n  line 3\nnext: x\n",
             tree: #"{text@1:1: |"line 1\n  indented\n\nline 3\n"@1:7, next@6:1: "x"@6:7}@1:1"#),
        Case(name: "strip chomping drops the final line breaks", yaml: "a: |-\n  x\n\n\nb: 1\n",
             tree: #"{a@1:1: |"x"@1:4, b@5:1: "1"@5:4}@1:1"#),
        Case(name: "keep chomping keeps the trailing empty lines", yaml: "a: |+\n  x\n\n\nb: 1\n",
             tree: #"{a@1:1: |"x\n\n\n"@1:4, b@5:1: "1"@5:4}@1:1"#),
        Case(name: "clip chomping keeps one line break", yaml: "a: >\n  x\n\n\n",
             tree: #"{a@1:1: >"x\n"@1:4}@1:1"#),
        Case(name: "a folded block scalar joins lines with spaces", yaml: "a: >\n  one\n  two\n\n  three\n",
             tree: #"{a@1:1: >"one two\nthree\n"@1:4}@1:1"#),
        Case(name: "more-indented lines of a folded scalar keep their breaks", yaml: "a: >\n  one\n    code\n  two\n",
             tree: #"{a@1:1: >"one\n  code\ntwo\n"@1:4}@1:1"#),
        Case(name: "an explicit indentation indicator", yaml: "a: |2-\n    x\n   y\n",
             tree: #"{a@1:1: |"  x\n y"@1:4}@1:1"#),
        Case(name: "indicators in either order, then a comment", yaml: "- >-2 # note\n   x\n   y\n",
             tree: #"[>" x\n y"@1:3]@1:1"#),
        Case(name: "an empty block scalar", yaml: "a: |\nb: >+\n\n",
             tree: #"{a@1:1: |""@1:4, b@2:1: >"\n"@2:4}@1:1"#),
        Case(name: "'#' lines inside a block scalar are text", yaml: "a: |\n  # not a comment\n# a comment\n",
             tree: ##"{a@1:1: |"# not a comment\n"@1:4}@1:1"##),
    ]

    static let documents: [Case] = [
        Case(name: "a '---' at the top is harmless", yaml: "---\na: 1\n",
             tree: #"{a@2:1: "1"@2:4}@2:1"#),
        Case(name: "a '---' line with a comment", yaml: "--- # front matter\na: 1\n",
             tree: #"{a@2:1: "1"@2:4}@2:1"#),
        Case(name: "a scalar on the '---' line", yaml: "--- |\n  text\n",
             tree: #"|"text\n"@1:5"#),
        Case(name: "a '...' document end marker", yaml: "a: 1\n...\n# done\n",
             tree: #"{a@1:1: "1"@1:4}@1:1"#),
        Case(name: "comments and blank lines everywhere", yaml: "# top\n\na: 1 # one\n   # indented comment\n\nb:\n  # between\n  - x # entry\n",
             tree: #"{a@3:1: "1"@3:4, b@6:1: ["x"@8:5]@8:3}@3:1"#),
        Case(name: "a scalar document", yaml: "\"only text\"\n",
             tree: #"d"only text"@1:1"#),
    ]

    static let positions: [Case] = [
        Case(name: "columns count characters, not bytes", yaml: "titel: Rådgivning\nåäö: ö\nös: [å, ä]\n",
             tree: #"{titel@1:1: "Rådgivning"@1:8, åäö@2:1: "ö"@2:6, ös@3:1: ["å"@3:6, "ä"@3:9]@3:5}@1:1"#),
        Case(name: "a key after non-ASCII text in a list entry", yaml: "- ö: 1\n  ä: 2\n",
             tree: #"[{ö@1:3: "1"@1:6, ä@2:3: "2"@2:6}@1:3]@1:1"#),
        Case(name: "a BOM is not a column", yaml: "\u{FEFF}a: 1\nb: 2\n",
             tree: #"{a@1:1: "1"@1:4, b@2:1: "2"@2:4}@1:1"#),
        Case(name: "CRLF line endings leave no carriage returns in values",
             yaml: "a: 1\r\nb: |\r\n  x\r\n  y\r\nc: \"p\r\n  q\"\r\nd: e\r\n  f\r\n",
             tree: #"{a@1:1: "1"@1:4, b@2:1: |"x\ny\n"@2:4, c@5:1: d"p q"@5:4, d@7:1: "e f"@7:4}@1:1"#),
    ]

    @Test(arguments: blockCollections + plainAndQuoted + flowLists + blockScalars + documents + positions)
    func reads(_ testCase: Case) {
        let (node, diagnostics) = FrontMatterTestSupport.yaml(testCase.yaml)
        #expect(FrontMatterTestSupport.describe(diagnostics) == [])
        #expect(FrontMatterTestSupport.dump(node) == testCase.tree)
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n", "---\n", "---\n# nothing\n...\n", "\u{FEFF}", "   \n\t\n"])
    func emptyTextHasNoValue(_ yaml: String) {
        let (node, diagnostics) = FrontMatterTestSupport.yaml(yaml)
        #expect(node == nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func positionsAreFileAbsoluteForARangeInsideTheFile() throws {
        let text = "---\ntitel: \"Råd\"\ntags:\n  - ö\n---\n# Body\n"
        let file = SourceFile(path: "steg.md", text: text)
        var diagnostics = Diagnostics()
        let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        let range = try #require(split.frontMatterRange)
        let node = YAMLParser.parse(file, range: range, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(FrontMatterTestSupport.dump(node) == #"{titel@2:1: d"Råd"@2:8, tags@3:1: ["ö"@4:5]@4:3}@2:1"#)
        #expect(node?.location.path == "steg.md")
    }

    @Test func parsingStopsAtTheEndOfTheRange() {
        let bytes = Array("a: 1\nb: [x,\n".utf8)
        let (node, diagnostics) = FrontMatterTestSupport.yaml(bytes: bytes, range: 0..<5)
        #expect(diagnostics.isEmpty)
        #expect(FrontMatterTestSupport.dump(node) == #"{a@1:1: "1"@1:4}@1:1"#)
    }

    @Test func accessorsOnATree() throws {
        let (node, _) = FrontMatterTestSupport.yaml("title: Hej\ncount: 0x1F\nratio: 2.5e-1\nvisible: True\nnote: ~\ntags: [a]\n")
        let root = try #require(node)
        #expect(root.value(forKey: "title")?.string == "Hej")
        #expect(root.value(forKey: "count")?.int == 31)
        #expect(root.value(forKey: "ratio")?.double == 0.25)
        #expect(root.value(forKey: "visible")?.bool == true)
        #expect(root.value(forKey: "note")?.isNull == true)
        #expect(root.value(forKey: "tags")?.sequence?.count == 1)
        #expect(root.value(forKey: "missing") == nil)
        #expect(root.pair(forKey: "tags")?.keyLocation.position == SourcePosition(line: 6, column: 1))
        #expect(root.kindName == "a mapping")
        #expect(root.value(forKey: "tags")?.kindName == "a list")
        #expect(root.value(forKey: "title")?.kindName == "text")
        #expect(root.value(forKey: "note")?.kindName == "an empty value")
        #expect(root.value(forKey: "tags")?.string == nil)
    }
}
