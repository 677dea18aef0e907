import Testing

@testable import VardplanTemplates
import VardplanDiagnostics
import VardplanHTML

/// One template rendered with a context (and optional partials).
struct RenderCase: Sendable, CustomTestStringConvertible {
    let label: String
    let template: String
    let context: TemplateValue
    let partials: [String: String]
    let expected: String

    init(_ label: String, _ template: String, _ context: TemplateValue = [:], partials: [String: String] = [:], _ expected: String) {
        self.label = label
        self.template = template
        self.context = context
        self.partials = partials
        self.expected = expected
    }

    init(_ label: String, _ template: String, _ expected: String) {
        self.init(label, template, [:], expected)
    }

    var testDescription: String { label }
}

/// Renders `template` as `main` in a library with `partials`; expects no diagnostics.
func renderChecked(_ template: String, _ context: TemplateValue, partials: [String: String] = [:]) -> String {
    var files = ["main": SourceFile(path: "main.mustache", text: template)]
    for (name, text) in partials { files[name] = SourceFile(path: "\(name).mustache", text: text) }
    var diagnostics = Diagnostics()
    let library = TemplateLibrary(files: files, diagnostics: &diagnostics)
    let output = library.render("main", context, diagnostics: &diagnostics)
    #expect(diagnostics.isEmpty, "\(DiagnosticFormatter.format(diagnostics))")
    // Rendered into bytes (a printout), the same text.
    var bytes: [UInt8] = []
    var byteDiagnostics = Diagnostics()
    library.render("main", context, into: &bytes, diagnostics: &byteDiagnostics)
    #expect(String(decoding: bytes, as: UTF8.self) == output)
    #expect(byteDiagnostics.all.count == diagnostics.all.count)
    return output
}

@Suite("Template rendering")
struct TemplateRenderingTests {
    static let variables: [RenderCase] = [
        RenderCase("plain text", "Hej, världen!", "Hej, världen!"),
        RenderCase("escaped variable", "<p>{{x}}</p>", ["x": "a & b < c > d \" e ' f"], "<p>a &amp; b &lt; c &gt; d &quot; e ' f</p>"),
        RenderCase("triple mustache", "{{{x}}}", ["x": "<b>&</b>"], "<b>&</b>"),
        RenderCase("ampersand", "{{& x }}", ["x": "<b>&</b>"], "<b>&</b>"),
        RenderCase("html value is not escaped again by {{x}}", "{{x}}", ["x": .html(SafeHTML(trusted: "<em>å</em>"))], "<em>å</em>"),
        RenderCase("html value in triple", "{{{x}}}", ["x": .html(SafeHTML(escaping: "<"))], "&lt;"),
        RenderCase("integer", "{{n}}", ["n": 85], "85"),
        RenderCase("negative integer", "{{n}}", ["n": -3], "-3"),
        RenderCase("decimal", "{{n}}", ["n": 1.210], "1.21"),
        RenderCase("integral double", "{{n}}", ["n": 85.0], "85"),
        RenderCase("booleans", "{{t}}/{{f}}", ["t": true, "f": false], "true/false"),
        RenderCase("null", "[{{n}}]", ["n": nil], "[]"),
        RenderCase("missing", "[{{nope}}]", [:], "[]"),
        RenderCase("list and object interpolate as empty", "[{{l}}{{o}}]", ["l": [1, 2], "o": ["a": 1]], "[]"),
        RenderCase("padding", "{{  x  }}|{{{ x }}}", ["x": "y"], "y|y"),
        RenderCase("dotted", "{{page.title}}", ["page": ["title": "Väg"]], "Väg"),
        RenderCase("dotted deep", "{{a.b.c}}", ["a": ["b": ["c": 1]]], "1"),
        RenderCase("dotted, names not ASCII", "{{sida.rubrik_å}}|{{ö.ä.å}}", ["sida": ["rubrik_å": "Väg"], "ö": ["ä": ["å": 2]]], "Väg|2"),
        RenderCase("dotted broken chain is empty", "[{{a.b.c}}]", ["a": ["b": [:]], "c": "no"], "[]"),
        RenderCase("dotted is not a single key", "[{{a.b}}]", ["a.b": "no"], "[]"),
        RenderCase("implicit iterator", "{{.}}", "<top>", "&lt;top&gt;"),
        RenderCase("multibyte text around tags", "åäö{{x}}ÅÄÖ", ["x": "é"], "åäöéÅÄÖ"),
    ]

    static let sections: [RenderCase] = [
        RenderCase("false skips", "[{{#b}}x{{/b}}]", ["b": false], "[]"),
        RenderCase("true renders once", "[{{#b}}x{{/b}}]", ["b": true], "[x]"),
        RenderCase("null skips", "[{{#b}}x{{/b}}]", ["b": nil], "[]"),
        RenderCase("missing skips", "[{{#b}}x{{/b}}]", [:], "[]"),
        RenderCase("empty list skips", "[{{#b}}x{{/b}}]", ["b": []], "[]"),
        RenderCase("empty text skips", "[{{#b}}x{{/b}}]", ["b": ""], "[]"),
        RenderCase("zero skips", "[{{#b}}x{{/b}}]", ["b": 0], "[]"),
        RenderCase("empty object renders", "[{{#b}}x{{/b}}]", ["b": [:]], "[x]"),
        RenderCase("list repeats", "{{#l}}<{{n}}>{{/l}}", ["l": [["n": 1], ["n": 2], ["n": 3]]], "<1><2><3>"),
        RenderCase("list of scalars", "{{#l}}{{.}},{{/l}}", ["l": ["a", 2, 3.5, true]], "a,2,3.5,true,"),
        RenderCase("object pushes context", "{{#o}}{{n}}{{/o}}", ["o": ["n": "inner"], "n": "outer"], "inner"),
        RenderCase("parent context visible", "{{#o}}{{n}}-{{m}}{{/o}}", ["o": ["n": "inner"], "m": "outer"], "inner-outer"),
        RenderCase("truthy scalar is pushed", "{{#s}}{{.}}!{{/s}}", ["s": "hej"], "hej!"),
        RenderCase("dotted section", "{{#a.b}}{{c}}{{/a.b}}", ["a": ["b": ["c": "ok"]]], "ok"),
        RenderCase("nested lists", "{{#l}}({{#.}}{{.}}{{/.}}){{/l}}", ["l": [[1, 2], ["a"]]], "(12)(a)"),
        RenderCase("inverted on false", "[{{^b}}x{{/b}}]", ["b": false], "[x]"),
        RenderCase("inverted on empty list", "[{{^b}}x{{/b}}]", ["b": []], "[x]"),
        RenderCase("inverted on missing", "[{{^b}}x{{/b}}]", [:], "[x]"),
        RenderCase("inverted on list", "[{{^b}}x{{/b}}]", ["b": [1]], "[]"),
        RenderCase("inverted on object", "[{{^b}}x{{/b}}]", ["b": [:]], "[]"),
        RenderCase("if/else pair", "{{#b}}yes{{/b}}{{^b}}no{{/b}}", ["b": false], "no"),
    ]

    static let whitespaceAndSyntax: [RenderCase] = [
        RenderCase("comment", "a{{! hidden }}b", "ab"),
        RenderCase("multi-line comment", "a{{!\nhidden\n}}b", "ab"),
        RenderCase("standalone comment line", "a\n  {{! x }}  \nb", "a\nb"),
        RenderCase("standalone section lines", "<ul>\n  {{#l}}\n  <li>{{.}}</li>\n  {{/l}}\n</ul>\n", ["l": [1, 2]], "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n"),
        RenderCase("standalone with CRLF", "a\r\n{{#b}}\r\nx\r\n{{/b}}\r\nc", ["b": true], "a\r\nx\r\nc"),
        RenderCase("standalone at end without newline", "a\n  {{#b}}x{{/b}}\n{{! end }}", ["b": true], "a\n  x\n"),
        RenderCase("two tags on a line are not standalone", "  {{#b}}{{/b}}\n", ["b": true], "  \n"),
        RenderCase("variable line is not standalone", "  {{x}}\n", ["x": "v"], "  v\n"),
        RenderCase("tab indentation", "\t{{#b}}\nx\n\t{{/b}}\n", ["b": true], "x\n"),
        RenderCase("set delimiters", "{{=<% %>=}}<% x %>{{x}}<%={{ }}=%>{{x}}", ["x": "v"], "v{{x}}v"),
        RenderCase("set delimiters standalone", "a\n{{=| |=}}\n|x|\n", ["x": "v"], "a\nv\n"),
        RenderCase("triple with custom delimiters", "{{=<% %>=}}<%{x}%>", ["x": "<"], "<"),
        RenderCase("leading BOM is dropped", "\u{FEFF}a{{x}}", ["x": "b"], "ab"),
    ]

    static let partials: [RenderCase] = [
        RenderCase("partial", "[{{> p}}]", ["x": 1], partials: ["p": "x={{x}}"], "[x=1]"),
        RenderCase("partial in folder", "{{> partials/header }}", partials: ["partials/header": "H"], "H"),
        RenderCase("partial sees the context stack", "{{#o}}{{>p}}{{/o}}", ["o": ["x": "in"], "y": "out"], partials: ["p": "{{x}}{{y}}"], "inout"),
        RenderCase(
            "standalone partial is indented", "<body>\n  {{> p}}\n</body>\n", ["x": "a\nb"],
            partials: ["p": "<p>\n{{x}}\n</p>\n"], "<body>\n  <p>\n  a\nb\n  </p>\n</body>\n"),
        RenderCase(
            "nested standalone partials indent cumulatively", "x\n  {{> outer}}\n", partials: ["outer": "o\n  {{> inner}}\no\n", "inner": "i1\ni2\n"],
            "x\n  o\n    i1\n    i2\n  o\n"),
        RenderCase(
            "inline partial inside an indented partial is not indented", "  {{> outer}}\n", partials: ["outer": "[{{> inner}}]\n", "inner": "a\nb"],
            "  [a\nb]\n"),
        RenderCase(
            "indentation repeats in sections", "  {{> p}}\n", ["l": [1, 2]], partials: ["p": "{{#l}}\n<{{.}}>\n{{/l}}\n"], "  <1>\n  <2>\n"),
        RenderCase("indentation on a line starting with a tag", "  {{> p}}\n", ["x": "v"], partials: ["p": "{{x}}\n{{x}}"], "  v\n  v"),
        RenderCase("inline partial is not indented", "  {{> p}}!\n", partials: ["p": "a\nb"], "  a\nb!\n"),
        RenderCase("delimiters do not leak into partials", "{{=<% %>=}}<%> p%>", ["x": "v"], partials: ["p": "{{x}}"], "v"),
        RenderCase("recursive partial over a tree", "{{> node}}", ["n": "a", "kids": [["n": "b", "kids": []], ["n": "c", "kids": []]]],
            partials: ["node": "{{n}}({{#kids}}{{> node}}{{/kids}})"], "a(b()c())"),
    ]

    @Test(arguments: variables + sections + whitespaceAndSyntax + partials)
    func renders(_ test: RenderCase) {
        #expect(renderChecked(test.template, test.context, partials: test.partials) == test.expected)
    }
}

/// A list made one item at a time (`TemplateValue.generated`, the sitemap's addresses)
/// renders exactly as the same items in a `.list`.
@Suite("Generated lists")
struct GeneratedListTests {
    static let templates = [
        "{{#urls}}<url>{{loc}}{{#alternates}} {{lang}}={{href}}{{/alternates}}</url>\n{{/urls}}",
        "{{#urls}}{{.}}{{/urls}}{{^urls}}none{{/urls}}",
        "{{#urls}}[{{loc}}|{{top}}]{{/urls}}",
    ]

    static func item(_ index: Int) -> TemplateValue {
        .object(["loc": .text("sida-\(index).html?a=1&b=2"),
                 "alternates": .list(index.isMultiple(of: 2) ? [["lang": "sv", "href": "x"], ["lang": "en", "href": "en/x"]] : [])])
    }

    @Test("renders as the list of the same items", arguments: templates, [0, 1, 3])
    func sameAsList(template: String, count: Int) {
        let items = (0..<count).map(Self.item)
        let listed = renderChecked(template, ["urls": .list(items), "top": "t"])
        let generated = renderChecked(template, ["urls": .generated(TemplateItems(count: count, make: Self.item)), "top": "t"])
        #expect(generated == listed)
    }

    @Test("an empty generated list is falsy, a non-empty one truthy")
    func truthiness() {
        #expect(!TemplateValue.generated(TemplateItems(count: 0) { _ in .null }).isTruthy)
        #expect(TemplateValue.generated(TemplateItems(count: 2) { _ in .null }).isTruthy)
    }
}
