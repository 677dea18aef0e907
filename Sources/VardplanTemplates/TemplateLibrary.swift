import VardplanDiagnostics

/// All templates of a site's templates folder, parsed once and checked together;
/// renders any of them by name, with the others available as partials.
///
/// Naming: a template's name is its path relative to the templates folder, with
/// `/` separators and without the `.mustache` or `.html` extension —
/// `templates/base.mustache` is `base`, `templates/partials/header.html` is
/// `partials/header`. Partial tags use the same names from every template
/// (`{{> partials/header}}`); there are no relative names.
///
/// The library is immutable after loading and `Sendable`, so many pages can be
/// rendered in parallel.
public struct TemplateLibrary: Sendable {
    /// A template and the id of its first tag in the library's tag numbering.
    struct Entry: Sendable {
        let template: Template
        let firstTagID: Int
    }

    /// The file extensions of template files, in order of preference.
    static let fileExtensions = ["mustache", "html"]

    let entries: [String: Entry]
    /// How many variable and section tags all templates have together.
    let tagCount: Int

    /// The template name for a file path relative to the templates folder
    /// (`partials/header.mustache` → `partials/header`), or `nil` when the file
    /// is not a template.
    public static func templateName(forRelativePath path: String) -> String? {
        let normalized = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).joined(separator: "/")
        for fileExtension in fileExtensions where normalized.hasSuffix("." + fileExtension) {
            let name = String(normalized.dropLast(fileExtension.count + 1))
            return name.isEmpty || name.hasSuffix("/") ? nil : name
        }
        return nil
    }

    /// Parses every template (reporting every syntax error of every file) and checks
    /// that every partial tag names an existing template (an error at the tag, with
    /// a did-you-mean suggestion).
    ///
    /// - Parameter files: the template files by template name (see the type's
    ///   naming rule and `templateName(forRelativePath:)`).
    public init(files: [String: SourceFile], diagnostics: inout Diagnostics) {
        var entries: [String: Entry] = [:]
        var tagCount = 0
        for name in files.keys.sorted() {
            let template = Template(name: name, file: files[name]!, diagnostics: &diagnostics)
            entries[name] = Entry(template: template, firstTagID: tagCount)
            tagCount += template.tagCount
        }
        self.entries = entries
        self.tagCount = tagCount

        let names = entries.keys.sorted()
        for name in names {
            for reference in entries[name]!.template.partialReferences where entries[reference.name] == nil {
                let suggestion = NameSuggester.didYouMean(reference.name, among: names)
                diagnostics.append(.templateMissingPartial(reference.name, suggestion: suggestion, at: reference.location))
            }
        }
    }

    /// The names of all templates, sorted.
    var names: [String] { entries.keys.sorted() }

    /// The template with this name, if any.
    subscript(name: String) -> Template? { entries[name]?.template }

    /// Renders the template `name`, appending render-time errors to `diagnostics`.
    public func render(_ name: String, _ context: TemplateValue, diagnostics: inout Diagnostics) -> String {
        var output = ""
        render(name, context, into: &output, diagnostics: &diagnostics)
        return output
    }

    /// Renders the template `name` at the end of `output` (reuse one buffer for
    /// many pages to avoid re-allocation).
    public func render(_ name: String, _ context: TemplateValue, into output: inout String, diagnostics: inout Diagnostics) {
        renderPlain(name, context, into: &output, diagnostics: &diagnostics)
    }

    /// The same into UTF-8 bytes (text escaped in place, no `String` per piece).
    public func render(_ name: String, _ context: TemplateValue, into output: inout [UInt8], diagnostics: inout Diagnostics) {
        renderPlain(name, context, into: &output, diagnostics: &diagnostics)
    }

    private func renderPlain<Output: TemplateOutput>(
        _ name: String, _ context: TemplateValue, into output: inout Output, diagnostics: inout Diagnostics
    ) {
        var renderer = TemplateRenderer<Output>(templates: entries)
        swap(&renderer.output, &output)
        renderer.render(name, context)
        swap(&renderer.output, &output)
        diagnostics.append(contentsOf: renderer.diagnostics)
    }

    /// Like `render(_:_:into:diagnostics:)`, also recording in `usage` which
    /// variables were found, for `reportMissingVariables(_:into:)`.
    public func render(
        _ name: String, _ context: TemplateValue, into output: inout String, diagnostics: inout Diagnostics,
        usage: inout TemplateUsage
    ) {
        renderRecording(name, context, into: &output, diagnostics: &diagnostics, usage: &usage)
    }

    /// The same into UTF-8 bytes: a large page (the sitemap) is written straight into
    /// its file's buffer, without a `String` to copy from.
    public func render(
        _ name: String, _ context: TemplateValue, into output: inout [UInt8], diagnostics: inout Diagnostics,
        usage: inout TemplateUsage
    ) {
        renderRecording(name, context, into: &output, diagnostics: &diagnostics, usage: &usage)
    }

    private func renderRecording<Output: TemplateOutput>(
        _ name: String, _ context: TemplateValue, into output: inout Output, diagnostics: inout Diagnostics,
        usage: inout TemplateUsage
    ) {
        var renderer = TemplateRenderer<Output>(templates: entries)
        swap(&renderer.output, &output)
        renderer.usage = TemplateUsage()
        swap(&renderer.usage!, &usage)
        renderer.render(name, context)
        swap(&renderer.output, &output)
        swap(&renderer.usage!, &usage)
        diagnostics.append(contentsOf: renderer.diagnostics)
    }

    /// Warns, at the tag, about every variable or section name that was looked up
    /// during the recorded renders and never found in any context.
    public func reportMissingVariables(_ usage: TemplateUsage, into diagnostics: inout Diagnostics) {
        for name in names {
            let entry = entries[name]!
            Self.forEachTag(entry.template.nodes) { tag, isSection in
                let id = entry.firstTagID + tag.id
                guard usage.isMissing(id) else { return }
                let suggestion = NameSuggester.didYouMean(tag.name.raw, among: (usage.nearbyNames[id] ?? []).sorted())
                diagnostics.append(.templateNameNeverFound(tag.name.raw, isSection: isSection, suggestion: suggestion,
                                                           at: tag.location))
            }
        }
    }

    private static func forEachTag(_ nodes: [TemplateNode], _ body: (TemplateNode.Tag, Bool) -> Void) {
        for node in nodes {
            switch node {
            case .variable(let tag, _): body(tag, false)
            case .section(let tag, _, let children):
                body(tag, true)
                forEachTag(children, body)
            case .text, .partial: break
            }
        }
    }
}
