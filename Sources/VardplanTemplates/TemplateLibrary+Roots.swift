import VardplanDiagnostics

extension TemplateLibrary {
    /// Parses only the templates `roots` and the partials they include, directly or
    /// through other partials: what rendering them can need (a printout renders `print`,
    /// not the site's pages). The other files are not parsed, so their errors are not
    /// reported: for a folder already known to load without any.
    public init(files: [String: SourceFile], parsingOnly roots: [String], diagnostics: inout Diagnostics) {
        var parsed: [String: Template] = [:]
        var pending = roots
        while let name = pending.popLast() {
            guard parsed[name] == nil, let file = files[name] else { continue }
            let template = Template(name: name, file: file, diagnostics: &diagnostics)
            parsed[name] = template
            pending += template.partialNames
        }
        var entries: [String: Entry] = [:]
        var tagCount = 0
        for name in parsed.keys.sorted() {
            entries[name] = Entry(template: parsed[name]!, firstTagID: tagCount)
            tagCount += parsed[name]!.tagCount
        }
        self.init(entries: entries, tagCount: tagCount)
        for name in parsed.keys.sorted() {
            for reference in parsed[name]!.partialReferences where parsed[reference.name] == nil {
                let suggestion = NameSuggester.didYouMean(reference.name, among: files.keys.sorted())
                diagnostics.append(.templateMissingPartial(reference.name, suggestion: suggestion, at: reference.location))
            }
        }
    }

    private init(entries: [String: Entry], tagCount: Int) {
        self.entries = entries
        self.tagCount = tagCount
    }
}
