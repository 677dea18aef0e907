import Testing

@testable import VardplanTemplates
import VardplanDiagnostics

/// Rendering costs at most the template's size times the data's: the shapes that
/// multiply the work per level of nesting are errors at the template position.
@Suite("Template work bounds")
struct TemplateWorkBoundTests {
    static func render(_ templates: [String: String], _ name: String, _ context: TemplateValue)
        -> (output: String, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let library = makeLibrary(templates, diagnostics: &diagnostics)
        let output = library.render(name, context, diagnostics: &diagnostics)
        return (output, formatted(diagnostics))
    }

    @Test("a section over the list its enclosing section iterates is an error at the inner tag")
    func sameListNested() {
        let depth = 40
        let text = "<ul>\n" + String(repeating: "{{#urls}}", count: depth) + "x" + String(repeating: "{{/urls}}", count: depth)
        let result = Self.render(["t": text], "t", ["urls": [["loc": "a"], ["loc": "b"], ["loc": "c"]]])
        #expect(result.diagnostics == [
            "templates/t.mustache:2:10: error: section 'urls' iterates the list that the section around it already iterates, so every item "
                + "would repeat the whole list; close the outer section before opening it again, or name the item's own field",
            "templates/t.mustache:2:1: note: the outer section 'urls' opened here",
        ])
    }

    @Test("nested lists of the data's own items (a tree) render in full")
    func treeOfLists() {
        let text = "{{#items}}[{{name}}{{#items}}({{name}}{{#items}}<{{name}}>{{/items}}){{/items}}]{{/items}}"
        let leaf: TemplateValue = ["name": "c", "items": []]
        let middle: TemplateValue = ["name": "b", "items": [leaf, leaf]]
        let result = Self.render(["t": text], "t", ["items": [["name": "a", "items": [middle, middle]], ["name": "d", "items": []]]])
        #expect(result.diagnostics == [])
        #expect(result.output == "[a(b<c><c>)(b<c><c>)][d]")
    }

    @Test("the same list nested inside a partial included from its own section is an error too")
    func sameListThroughPartial() {
        let result = Self.render(["t": "{{#urls}}{{> p}}{{/urls}}", "p": "{{#urls}}{{loc}}{{/urls}}"], "t",
                                 ["urls": [["loc": "a"], ["loc": "b"]]])
        #expect(result.diagnostics.first?.hasPrefix("templates/p.mustache:1:1: error: section 'urls' iterates the list") == true)
    }

    @Test("a page that would write more than 64 MB stops with an error at a tag")
    func outputBound() {
        var templates: [String: String] = ["p30": String(repeating: "<p>x</p>", count: 128)]
        for level in 0..<30 { templates["p\(level)"] = "{{> p\(level + 1)}}{{> p\(level + 1)}}" }
        let result = Self.render(templates, "p0", [:])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.contains("error: rendering stopped here: the page would write more than 64 MB") == true)
        #expect(result.output.utf8.count <= (64 << 20) + 1024)
    }

    @Test("partials that include the next one twice, level after level, stop with an error at a tag")
    func doublingPartials() {
        var templates: [String: String] = ["p23": ""]
        for level in 0..<23 { templates["p\(level)"] = "{{> p\(level + 1)}}{{> p\(level + 1)}}" }
        let result = Self.render(templates, "p0", [:])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.contains(
            "error: rendering stopped here: the page would visit more than 4 million template nodes; "
                + "a section or partial repeats itself inside itself") == true)
        #expect(result.diagnostics.first?.hasPrefix("templates/p2") == true)
    }
}
