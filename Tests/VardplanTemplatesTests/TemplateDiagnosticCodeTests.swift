import Testing

@testable import VardplanTemplates
import VardplanDiagnostics

/// One kind of template problem: the templates that show it, what to render, and the
/// code and first printed line it must give (docs/diagnostics.md lists the same lines).
struct CodeCase: Sendable, CustomTestStringConvertible {
    let code: String
    let templates: [String: String]
    let render: String?
    let context: TemplateValue
    let expected: String

    init(_ code: String, _ templates: [String: String], render: String? = nil, with context: TemplateValue = [:],
         prints expected: String) {
        self.code = code
        self.templates = templates
        self.render = render
        self.context = context
        self.expected = expected
    }

    var testDescription: String { code }
}

@Suite("Template diagnostic codes")
struct TemplateDiagnosticCodeTests {
    /// Partials that include the next one twice, level after level.
    static let doublingPartials: [String: String] = (0..<23).reduce(into: ["p23": ""]) { templates, level in
        templates["p\(level)"] = "{{> p\(level + 1)}}{{> p\(level + 1)}}"
    }

    static let cases: [CodeCase] = [
        CodeCase("VP400", ["a": "<p>{{title</p>"],
                 prints: "templates/a.mustache:1:4: error: unclosed tag '{{title</p>'; add '}}' to close it"),
        CodeCase("VP401", ["a": "{{=<%>=}}"],
                 prints: "templates/a.mustache:1:1: error: bad set-delimiter tag '{{=<%>=}}'; write two new delimiters separated "
                     + "by a space between '=' signs, like '{{=<% %>=}}'"),
        CodeCase("VP402", ["a": "{{$block}}"],
                 prints: "templates/a.mustache:1:1: error: unknown tag type '$' in '{{$block}}'; template inheritance (parents and "
                     + "blocks) is not supported; use partials ('{{> name}}')"),
        CodeCase("VP403", ["a": "{{#}}"],
                 prints: "templates/a.mustache:1:1: error: empty tag name in '{{#}}'; put a name inside the tag, like '{{#name}}'"),
        CodeCase("VP404", ["a": "{{page title}}"],
                 prints: "templates/a.mustache:1:1: error: tag name 'page title' in '{{page title}}' contains whitespace; names "
                     + "cannot contain spaces (if a tag was not meant to end here, check its '}}')"),
        CodeCase("VP405", ["a": "{{page..title}}"],
                 prints: "templates/a.mustache:1:1: error: name 'page..title' in '{{page..title}}' has an empty part; write dotted "
                     + "names like 'page.title', or '.' for the current item"),
        CodeCase("VP406", ["a": "{{> *name}}"],
                 prints: "templates/a.mustache:1:1: error: dynamic partial names like '{{> *name}}' are not supported; write the "
                     + "partial's name, like '{{> header}}'"),
        CodeCase("VP407", ["a": String(repeating: "{{#a}}", count: 101) + String(repeating: "{{/a}}", count: 101)],
                 prints: "templates/a.mustache:1:601: error: sections are nested more than 100 deep at '{{#a}}'; move the inner "
                     + "part into a partial or simplify the template"),
        CodeCase("VP408", ["a": "{{/steps}}"],
                 prints: "templates/a.mustache:1:1: error: closing tag '{{/steps}}' has no open section; remove it or add "
                     + "'{{#steps}}' before it"),
        CodeCase("VP409", ["a": "{{#steps}}{{#links}}{{/steps}}"],
                 prints: "templates/a.mustache:1:21: error: closing tag '{{/steps}}' comes before section 'links' is closed; "
                     + "add '{{/links}}' before it"),
        CodeCase("VP410", ["a": "{{#steps}}{{/step}}"],
                 prints: "templates/a.mustache:1:11: error: closing tag '{{/step}}' does not match the open section 'steps'; "
                     + "write '{{/steps}}' to close it"),
        CodeCase("VP411", ["a": "{{#steps}}\n"],
                 prints: "templates/a.mustache:2:1: error: unclosed section 'steps' at end of file; add '{{/steps}}' to close it"),
        CodeCase("VP420", ["base": "{{> partials/hedaer}}", "partials/header": ""],
                 prints: "templates/base.mustache:1:1: error: partial 'partials/hedaer' does not exist; did you mean "
                     + "'partials/header'?"),
        CodeCase("VP421", ["step": ""], render: "stepp",
                 prints: "vardplan: error: no template named 'stepp'; did you mean 'step'?"),
        CodeCase("VP422", ["page": "<title>{{tittle}}</title>"], render: "page", with: ["title": "Väg"],
                 prints: "templates/page.mustache:1:8: warning: variable 'tittle' was never found in any context; did you mean "
                     + "'title'?"),
        CodeCase("VP423", ["t": "{{#urls}}{{#urls}}{{loc}}{{/urls}}{{/urls}}"], render: "t", with: ["urls": [["loc": "a"], ["loc": "b"]]],
                 prints: "templates/t.mustache:1:10: error: section 'urls' iterates the list that the section around it already "
                     + "iterates, so every item would repeat the whole list; close the outer section before opening it "
                     + "again, or name the item's own field"),
        CodeCase("VP424", doublingPartials, render: "p0",
                 prints: "templates/p21.mustache:1:1: error: rendering stopped here: the page would visit more than 4 million "
                     + "template nodes; a section or partial repeats itself inside itself (for example a partial that "
                     + "includes another one twice, level after level); simplify the templates"),
        CodeCase("VP425", ["p": String(repeating: "{{#o}}", count: 90) + "{{> p}}" + String(repeating: "{{/o}}", count: 90)],
                 render: "p", with: ["o": [:]],
                 prints: "templates/p.mustache:1:445: error: section 'o' is nested more than 256 sections and partials deep; "
                     + "simplify the templates or make sure a recursive partial stops"),
        CodeCase("VP426", ["a": "{{> a}}"], render: "a",
                 prints: "templates/a.mustache:1:1: error: partial 'a' is nested too deep (more than 64 partials, or 256 sections "
                     + "and partials), so it probably includes itself without end; make sure the recursion stops (for "
                     + "example inside a section over a list that becomes empty)"),
    ]

    @Test(arguments: cases)
    func codeAndMessage(_ test: CodeCase) {
        var diagnostics = Diagnostics()
        let library = makeLibrary(test.templates, diagnostics: &diagnostics)
        if let name = test.render {
            var usage = TemplateUsage(for: library)
            var output = ""
            library.render(name, test.context, into: &output, diagnostics: &diagnostics, usage: &usage)
            library.reportMissingVariables(usage, into: &diagnostics)
        }
        let first = diagnostics.sorted.first
        #expect(first?.code.rawValue == test.code)
        #expect(formatted(Diagnostics(first.map { [$0] } ?? [])).first == test.expected)
        #expect(Set(diagnostics.all.map(\.code.rawValue)) == [test.code])
    }

    @Test("every code is in the template range and tested above")
    func everyCodeTested() {
        let tested = Set(Self.cases.map(\.code))
        #expect(tested.count == Self.cases.count)
        #expect(tested.allSatisfy { $0 >= "VP400" && $0 < "VP440" })
    }
}
