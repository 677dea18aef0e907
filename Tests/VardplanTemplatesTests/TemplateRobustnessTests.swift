import Testing

@testable import VardplanTemplates
import VardplanDiagnostics

@Suite("Template robustness")
struct TemplateRobustnessTests {
    static let sample = """
        {{=<% %>=}}<%! set %>
        <%={{ }}=%>
        <ul>
          {{#items}}
          <li>{{name}} {{{html}}} {{& raw}}</li>
          {{/items}}
          {{^items}}none{{/items}}
          {{> partial}}
        </ul>
        """

    /// Every prefix of a valid template (so every way of ending the file in the
    /// middle of a tag or section) parses and renders without crashing, and the
    /// errors point inside the file.
    @Test(arguments: Array(0...sample.utf8.count))
    func truncatedAtEveryByte(_ length: Int) {
        let bytes = Array(Self.sample.utf8.prefix(length))
        let file = SourceFile(path: "t", bytes: bytes)
        var diagnostics = Diagnostics()
        let library = TemplateLibrary(files: ["t": file, "partial": SourceFile(path: "p", text: "P")], diagnostics: &diagnostics)
        _ = library.render("t", ["items": [["name": "a"]]], diagnostics: &diagnostics)
        for diagnostic in diagnostics.all {
            let position = diagnostic.location!.position
            #expect(position.line >= 1 && position.line <= file.lineCount)
            #expect(position.column >= 1)
        }
    }

    @Test(arguments: ["{{#a}}", "{{^a}}"])
    func deeplyNestedSectionsAreCapped(_ open: String) {
        let depth = 20_000
        let text = String(repeating: open, count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        var diagnostics = Diagnostics()
        let template = Template(name: "t", file: SourceFile(path: "t", text: text), diagnostics: &diagnostics)
        #expect(formatted(diagnostics) == [
            "t:1:601: error: sections are nested more than 100 deep at '\(open)'; move the inner part into a partial or simplify the template"
        ])
        // Still renders (flattened below the cap), without overflowing the stack.
        var renderDiagnostics = Diagnostics()
        #expect(template.render(["a": open == "{{#a}}" ? [[:]] : false], diagnostics: &renderDiagnostics) == "x")
        #expect(renderDiagnostics.isEmpty)
    }

    @Test("many unclosed sections at end of file")
    func manyUnclosedSections() {
        var diagnostics = Diagnostics()
        _ = Template(name: "t", file: SourceFile(path: "t", text: String(repeating: "{{#a}}\n", count: 50)), diagnostics: &diagnostics)
        #expect(diagnostics.errorCount == 50)
        #expect(diagnostics.all.allSatisfy { $0.location?.position == SourcePosition(line: 51, column: 1) })
    }

    @Test("nesting of sections inside recursive partials is capped at render time")
    func nestingThroughPartials() {
        var diagnostics = Diagnostics()
        let deep = String(repeating: "{{#o}}", count: 90) + "{{> p}}" + String(repeating: "{{/o}}", count: 90)
        let library = makeLibrary(["p": deep], diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        _ = library.render("p", ["o": [:]], diagnostics: &diagnostics)
        #expect(diagnostics.errorCount == 1)
        #expect(diagnostics.all.first?.message.hasPrefix("section 'o' is nested more than 256 sections and partials deep") == true)
    }

    @Test("a huge template parses and renders")
    func hugeTemplate() {
        var text = ""
        let lines = 40_000
        text.reserveCapacity(lines * 60)
        for index in 0..<lines {
            text += "<p class=\"å\">{{#items}}{{name}} {{{html}}}{{/items}} \(index) {{! c }}</p>\n"
        }
        var diagnostics = Diagnostics()
        let library = makeLibrary(["huge": text, "line": String(repeating: "ö{{x}}", count: 200_000)], diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let output = library.render("huge", ["items": [["name": "a&b", "html": "<i>"]]], diagnostics: &diagnostics)
        #expect(output.hasPrefix("<p class=\"å\">a&amp;b <i> 0 </p>\n"))
        #expect(output.utf8.count > lines * 30)
        #expect(library.render("line", ["x": 1], diagnostics: &diagnostics).utf8.count == 200_000 * 3)
        #expect(diagnostics.isEmpty)
    }

    @Test("a huge one-line template full of errors stays fast")
    func hugeLineOfErrors() {
        var diagnostics = Diagnostics()
        _ = Template(name: "t", file: SourceFile(path: "t", text: String(repeating: "ä{{/x}}", count: 50_000)), diagnostics: &diagnostics)
        #expect(diagnostics.errorCount == 50_000)
        #expect(diagnostics.all.last?.location?.position == SourcePosition(line: 1, column: 49_999 * 7 + 2))
    }

    @Test("random tag soup never crashes")
    func tagSoup() {
        let pieces = ["{{", "}}", "{{{", "}}}", "#", "^", "/", "!", ">", "&", "=", "a", "b", ".", " ", "\n", "\r\n", "å", "<%", "%>", "{{=<% %>=}}", "p"]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(generator.next() % 60) {
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            var diagnostics = Diagnostics()
            let library = makeLibrary(["t": text, "p": text], diagnostics: &diagnostics)
            _ = library.render("t", ["a": [["b": true]], "b": "x"], diagnostics: &diagnostics)
        }
    }
}

/// A small deterministic random number generator for reproducible fuzzing.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
