@testable import VardplanCore
@testable import VardplanTemplates
@testable import VardplanDiagnostics
@testable import VardplanHTML

// Fuzz target `template`: the Mustache engine. The input is a template (`page`) in a
// library beside two fixed templates, parsed and rendered with a fixed context the way
// `SiteRenderer` renders a page, usage recorded and missing variables reported.

let fuzzPartials: [String: SourceFile] = [
    "partials/item": SourceFile(path: "templates/partials/item.mustache",
                                text: "<li>{{title}}{{#children}}{{> partials/item}}{{/children}}</li>"),
    "base": SourceFile(path: "templates/base.mustache",
                       text: "<html><title>{{title}}</title>{{{content}}}{{> page}}</html>"),
]

let fuzzContext: TemplateValue = [
    "title": "Bröstcancer <b>&\"'",
    "content": .html(SafeHTML(trusted: "<p>trusted</p>")),
    "count": 3, "ratio": 0.5, "yes": true, "no": false, "nothing": nil, "empty": [],
    "steps": [
        ["title": "Utredning", "url": "/utredning/", "current": true, "children": []],
        ["title": "Behandling", "url": "/behandling/", "children": [["title": "Cytostatika", "children": []]]],
    ],
    "site": ["name": "Min vårdplan", "language": "sv", "nested": ["deep": ["deeper": "botten"]]],
    "a": ["b": ["c": ["d": "abcd"]]],
]

func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    let file = fuzzSourceFile(data, size, path: "templates/page.mustache")
    var files = fuzzPartials
    files["page"] = file
    var diagnostics = Diagnostics()
    let library = TemplateLibrary(files: files, diagnostics: &diagnostics)
    var output = ""
    var usage = TemplateUsage(for: library)
    library.render("page", fuzzContext, into: &output, diagnostics: &diagnostics, usage: &usage)
    library.render("base", fuzzContext, into: &output, diagnostics: &diagnostics, usage: &usage)
    library.reportMissingVariables(usage, into: &diagnostics)
    checkDiagnostics(diagnostics, in: file)
}
