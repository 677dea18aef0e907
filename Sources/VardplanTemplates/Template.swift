import VardplanDiagnostics

/// One Mustache template, compiled once from its source file into a node tree.
///
/// Supports the required modules of Mustache spec v1.4.2 (variables, sections,
/// inverted sections, comments, partials, set delimiters). Lambdas, template
/// inheritance and dynamic partial names are deliberately not supported: a
/// context holds only data (`TemplateValue`), never code.
struct Template: Sendable {
    /// The template's name in its library (`base`, `partials/header`).
    let name: String
    /// The source file's path, as used in diagnostics.
    let path: String
    let nodes: [TemplateNode]
    /// How many variable and section tags the template has (their ids are `0..<tagCount`).
    let tagCount: Int
    let partialReferences: [TemplateParser.PartialReference]

    /// Parses `file`, appending every syntax error to `diagnostics`. A template with
    /// errors still renders what could be parsed.
    init(name: String, file: SourceFile, diagnostics: inout Diagnostics) {
        let result = TemplateParser.parse(file, diagnostics: &diagnostics)
        self.name = name
        self.path = file.path
        self.nodes = result.nodes
        self.tagCount = result.tagCount
        self.partialReferences = result.partials
    }

    /// The names of the partials this template includes, in order of appearance.
    var partialNames: [String] { partialReferences.map(\.name) }

    /// Renders the template on its own, appending render-time errors (work bounds,
    /// recursion) to `diagnostics`; partial tags other than the template's own name
    /// render as the empty string. Use `TemplateLibrary` for partials.
    func render(_ context: TemplateValue, diagnostics: inout Diagnostics) -> String {
        var renderer = TemplateRenderer<String>(templates: [name: TemplateLibrary.Entry(template: self, firstTagID: 0)])
        renderer.render(name, context)
        diagnostics.append(contentsOf: renderer.diagnostics)
        return renderer.output
    }
}
