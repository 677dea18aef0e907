import Foundation
import Testing

@testable import VardplanTemplates
import VardplanDiagnostics
import VardplanHTML

/// Builds a library from `name: text` pairs; files are `templates/<name>.mustache`.
func makeLibrary(_ templates: [String: String], diagnostics: inout Diagnostics) -> TemplateLibrary {
    let files = templates.reduce(into: [String: SourceFile]()) { files, entry in
        files[entry.key] = SourceFile(path: "templates/\(entry.key).mustache", text: entry.value)
    }
    return TemplateLibrary(files: files, diagnostics: &diagnostics)
}

/// Diagnostics as `path:line:column: severity: message` lines, notes included.
func formatted(_ diagnostics: Diagnostics) -> [String] {
    DiagnosticFormatter.format(diagnostics).split(separator: "\n").map(String.init)
}

@Suite("Template library")
struct TemplateLibraryTests {
    @Test(arguments: [
        ("base.mustache", "base"),
        ("step.html", "step"),
        ("partials/header.mustache", "partials/header"),
        ("partials\\footer.html", "partials/footer"),
        ("./a//b.mustache", "./a/b"),
        ("notes.txt", nil),
        (".mustache", nil),
        ("style.css", nil),
    ] as [(String, String?)])
    func templateNames(_ path: String, _ name: String?) {
        #expect(TemplateLibrary.templateName(forRelativePath: path) == name)
    }

    @Test("a missing partial is an error at the tag, with did-you-mean")
    func missingPartial() {
        var diagnostics = Diagnostics()
        _ = makeLibrary([
            "base": "<html>\n  åäö {{> partials/hedaer}}\n{{> footer}}\n",
            "partials/header": "<header>",
        ], diagnostics: &diagnostics)
        #expect(formatted(diagnostics) == [
            "templates/base.mustache:2:7: error: partial 'partials/hedaer' does not exist; did you mean 'partials/header'?",
            "templates/base.mustache:3:1: error: partial 'footer' does not exist; create 'footer.mustache' in the templates folder or fix the name",
        ])
    }

    @Test("syntax errors of every file are reported at once")
    func everyFileEveryError() {
        var diagnostics = Diagnostics()
        let library = makeLibrary([
            "a": "{{#x}}",
            "b": "{{/y}}\n{{z",
            "c": "fine {{> a}}",
        ], diagnostics: &diagnostics)
        #expect(formatted(diagnostics) == [
            "templates/a.mustache:1:7: error: unclosed section 'x' at end of file; add '{{/x}}' to close it",
            "templates/a.mustache:1:1: note: section 'x' opened here",
            "templates/b.mustache:1:1: error: closing tag '{{/y}}' has no open section; remove it or add '{{#y}}' before it",
            "templates/b.mustache:2:1: error: unclosed tag '{{z'; add '}}' to close it",
        ])
        #expect(library.names == ["a", "b", "c"])
        #expect(library["c"]?.partialNames == ["a"])
    }

    @Test("rendering an unknown template is an error with did-you-mean")
    func unknownTemplate() {
        var diagnostics = Diagnostics()
        let library = makeLibrary(["base": "x", "step": "y"], diagnostics: &diagnostics)
        let output = library.render("stepp", [:], diagnostics: &diagnostics)
        #expect(output == "")
        #expect(formatted(diagnostics) == ["vardplan: error: no template named 'stepp'; did you mean 'step'?"])
    }

    @Test("partial recursion without end is an error at the tag, and rendering stops")
    func recursionCycle() {
        var diagnostics = Diagnostics()
        let library = makeLibrary([
            "page": "start\n{{> a}}\nend",
            "a": "A{{> b}}",
            "b": "ä {{#x}}B{{> a}}{{/x}}",
        ], diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let output = library.render("page", ["x": true], diagnostics: &diagnostics)
        #expect(output.hasPrefix("start\nAä BAä BAä B"))
        #expect(!output.hasSuffix("end"))
        #expect(formatted(diagnostics) == [
            "templates/b.mustache:1:10: error: partial 'a' is nested too deep (more than 64 partials, or 256 sections and partials), "
                + "so it probably includes itself without end; make sure the recursion stops (for example inside a section over a list that becomes empty)",
            "vardplan: note: the partials include each other in a loop: 'a' → 'b' → 'a'",
        ])
        // The same library renders fine when the data ends the recursion.
        var clean = Diagnostics()
        #expect(library.render("page", ["x": false], diagnostics: &clean) == "start\nAä end")
        #expect(clean.isEmpty)
    }

    @Test("a partial including itself twice stops at the first overflow (no exponential work)")
    func branchingRecursion() {
        var diagnostics = Diagnostics()
        let library = makeLibrary(["a": "{{> a}}{{> a}}"], diagnostics: &diagnostics)
        let output = library.render("a", [:], diagnostics: &diagnostics)
        #expect(output == "")
        #expect(diagnostics.errorCount == 1)
    }

    @Test("render(into:) appends to a reused buffer")
    func renderInto() {
        var diagnostics = Diagnostics()
        let library = makeLibrary(["p": "<{{x}}>"], diagnostics: &diagnostics)
        var buffer = "head"
        library.render("p", ["x": 1], into: &buffer, diagnostics: &diagnostics)
        library.render("p", ["x": 2], into: &buffer, diagnostics: &diagnostics)
        #expect(buffer == "head<1><2>")
        #expect(library.render("p", ["x": "&"], diagnostics: &diagnostics) == "<&amp;>")
        #expect(diagnostics.isEmpty)
    }

    @Test("a template renders on its own, partials as empty")
    func templateAlone() {
        var diagnostics = Diagnostics()
        let template = Template(name: "t", file: SourceFile(path: "t", text: "{{a}}[{{> other}}]"), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(template.render(["a": "ä"], diagnostics: &diagnostics) == "ä[]")
        #expect(diagnostics.isEmpty)
    }

    @Test("names never found in any render are warned about, with did-you-mean")
    func missingVariables() {
        var diagnostics = Diagnostics()
        let library = makeLibrary([
            "page": "<title>{{tittle}}</title>\n{{#draft}}D{{/draft}}{{subtitle}}\n{{page.autor}}{{#list}}{{.}}{{nme}}{{/list}}\n{{> footer}}",
            "footer": "{{year}}",
        ], diagnostics: &diagnostics)
        var usage = TemplateUsage(for: library)
        var output = ""
        // Page one has a subtitle, page two does not: 'subtitle' is optional, not a typo.
        let pages: [TemplateValue] = [
            ["title": "A", "subtitle": "s", "page": ["author": "x"], "list": [["name": "n"]]],
            ["title": "B", "page": ["author": "y"], "list": []],
        ]
        var parallelUsage = TemplateUsage(for: library)
        library.render("page", pages[0], into: &output, diagnostics: &diagnostics, usage: &usage)
        library.render("page", pages[1], into: &output, diagnostics: &diagnostics, usage: &parallelUsage)
        usage.merge(parallelUsage)
        library.reportMissingVariables(usage, into: &diagnostics)
        #expect(diagnostics.errorCount == 0)
        #expect(formatted(diagnostics) == [
            "templates/footer.mustache:1:1: warning: variable 'year' was never found in any context; check the name",
            "templates/page.mustache:1:8: warning: variable 'tittle' was never found in any context; did you mean 'title'?",
            "templates/page.mustache:2:1: warning: section 'draft' was never found in any context; check the name",
            "templates/page.mustache:3:1: warning: variable 'page.autor' was never found in any context; did you mean 'page.author'?",
            "templates/page.mustache:3:29: warning: variable 'nme' was never found in any context; did you mean 'name'?",
        ])
    }
}

@Suite("Template values")
struct TemplateValueTests {
    @Test(arguments: [
        (TemplateValue.int(85), "85"),
        (.double(1.210), "1.21"),
        (.double(85.0), "85"),
        (.double(-0.5), "-0.5"),
        (.double(1e20), "1e+20"),
        (.bool(true), "true"),
        (.text("<"), "<"),
        (.html(SafeHTML(trusted: "<b>")), "<b>"),
    ] as [(TemplateValue, String)])
    func interpolatedText(_ value: TemplateValue, _ text: String) {
        #expect(value.interpolatedText == text)
    }

    @Test(arguments: [
        (TemplateValue.null, false), (.bool(false), false), (.list([]), false), (.text(""), false),
        (.html(.empty), false), (.int(0), false), (.double(.nan), false),
        (.bool(true), true), (.list([.null]), true), (.text("0"), true), (.int(-1), true), (.object([:]), true),
    ] as [(TemplateValue, Bool)])
    func truthiness(_ value: TemplateValue, _ truthy: Bool) {
        #expect(value.isTruthy == truthy)
    }

    @Test("JSON decodes booleans, integers and decimals apart")
    func json() throws {
        let json = #"{"b": true, "f": false, "i": 85, "one": 1, "zero": 0, "d": 1.21, "n": null, "s": "x", "l": [1, "a"], "o": {"k": 2.0}}"#
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let value = TemplateValue(jsonObject: object)
        #expect(value == [
            "b": true, "f": false, "i": 85, "one": 1, "zero": 0, "d": 1.21, "n": nil, "s": "x", "l": [1, "a"], "o": ["k": 2.0],
        ])
        #expect(TemplateValue(jsonObject: [true, 3, 2.5, "s"] as [Any]) == [true, 3, 2.5, "s"])
    }
}
