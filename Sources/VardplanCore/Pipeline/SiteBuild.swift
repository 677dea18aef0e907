/// `build`: content and templates in, a finished site out, all in memory; the caller
/// writes it with `SiteWriter` only when there are no errors.
public enum SiteBuild {
    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: Diagnostics
        public var summary: ContentSummary?
        /// True when the inputs are those of the previous build and its output is
        /// intact: nothing was rendered and nothing needs writing.
        public var upToDate = false
    }

    /// Loads, checks and renders. Diagnostics: those of `ContentLoader`,
    /// `ModelBuilder`, `LinkChecker`, `TemplateFolderLoader` and the renderer.
    /// Returns no files when there is any error. With `previous` (the stamp of the
    /// output folder, already checked to be intact), a build whose inputs did not
    /// change returns `upToDate` without rendering.
    public static func run(content: any ContentFileSystem, contentDisplay: String,
                           templates: any ContentFileSystem, templatesDisplay: String,
                           today: SimpleDate, options: SiteRenderer.Options,
                           previous: BuildStamp? = nil) -> Result {
        var diagnostics = Diagnostics()
        let tree = ContentLoader(fileSystem: content, displayRoot: contentDisplay).load(diagnostics: &diagnostics)
        let loaded = TemplateFolderLoader(fileSystem: templates, displayRoot: templatesDisplay)
            .loadAll(required: SiteRenderer.requiredTemplates, diagnostics: &diagnostics)
        let fingerprint = fingerprint(tree: tree, templates: loaded, today: today, options: options)
        if let previous, previous.fingerprint == fingerprint, !diagnostics.hasErrors {
            return Result(files: [], diagnostics: diagnostics, summary: nil, upToDate: true)
        }
        let model = ModelBuilder(today: today).build(tree, diagnostics: &diagnostics)
        if let model { LinkChecker.check(model, diagnostics: &diagnostics) }
        let summary = model.map(ContentSummary.init)
        guard let model, !diagnostics.hasErrors else {
            return Result(files: [], diagnostics: diagnostics, summary: summary)
        }
        var (files, renderDiagnostics) = SiteRenderer(model: model, templates: loaded.library, assets: loaded.assets,
                                                      options: options).render()
        diagnostics.append(contentsOf: renderDiagnostics)
        if diagnostics.hasErrors {
            return Result(files: [], diagnostics: diagnostics, summary: summary)
        }
        files.append(BuildStamp(fingerprint: fingerprint, files: files).outputFile)
        return Result(files: files, diagnostics: diagnostics, summary: summary)
    }

    /// Every input that can change the output or its diagnostics, hashed.
    static func fingerprint(tree: ContentTree, templates: TemplateFolderLoader.Loaded, today: SimpleDate,
                            options: SiteRenderer.Options) -> String {
        var hash = InputFingerprint()
        hash.add(BuildStamp.formatVersion)
        hash.add(today.description)
        hash.add(options.baseURL ?? "")
        for file in tree.allFiles {
            hash.add(file.path)
            hash.add(file.bytes)
        }
        for name in templates.sources.keys.sorted() {
            hash.add(name)
            hash.add(templates.sources[name]!.bytes)
        }
        for asset in templates.assets {
            hash.add(asset.path)
            hash.add(asset.bytes)
        }
        return hash.hex
    }
}
