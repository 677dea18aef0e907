/// `build`: content and templates in, a finished site out, all in memory; the caller
/// writes it with `SiteWriter` only when there are no errors.
public enum SiteBuild {
    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: Diagnostics
        public var summary: ContentSummary?
    }

    /// Loads, checks and renders. Diagnostics: those of `ContentPipeline` and
    /// `TemplateFolderLoader`. Returns no files when there is any error.
    public static func run(content: any ContentFileSystem, contentDisplay: String,
                           templates: any ContentFileSystem, templatesDisplay: String,
                           today: SimpleDate, options: SiteRenderer.Options) -> Result {
        var checked = ContentPipeline.run(fileSystem: content, displayRoot: contentDisplay, today: today)
        let (library, assets) = TemplateFolderLoader(fileSystem: templates, displayRoot: templatesDisplay)
            .load(required: SiteRenderer.requiredTemplates, diagnostics: &checked.diagnostics)
        guard let model = checked.model, !checked.diagnostics.hasErrors else {
            return Result(files: [], diagnostics: checked.diagnostics, summary: checked.summary)
        }
        let (files, renderDiagnostics) = SiteRenderer(model: model, templates: library, assets: assets, options: options).render()
        checked.diagnostics.append(contentsOf: renderDiagnostics)
        if checked.diagnostics.hasErrors {
            return Result(files: [], diagnostics: checked.diagnostics, summary: checked.summary)
        }
        return Result(files: files, diagnostics: checked.diagnostics, summary: checked.summary)
    }
}
