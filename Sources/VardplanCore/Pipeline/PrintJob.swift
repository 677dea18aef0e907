/// `print`: one manifest in, one self-contained HTML page for A4 out, in memory.
public enum PrintJob {
    public struct Result: Sendable {
        /// The printout, or nil when there is any error.
        public var html: String?
        public var diagnostics: Diagnostics
        public var visibleStepTitles: [String]
    }

    /// Diagnostics: those of `ContentPipeline` (errors only reported when they block),
    /// `ManifestReader`, `PlanResolver` and the templates.
    public static func run(manifest file: SourceFile, content: any ContentFileSystem, contentDisplay: String,
                           templates: any ContentFileSystem, templatesDisplay: String,
                           today: SimpleDate, largePrint: Bool) -> Result {
        var diagnostics = Diagnostics()
        let manifest = ManifestReader.read(file, diagnostics: &diagnostics)
        // Only the manifest's diagnosis is loaded, and only the bodies of steps shown are parsed.
        let checked = ContentPipeline.run(fileSystem: content, displayRoot: contentDisplay, today: today,
                                          onlyDiagnosis: manifest?.diagnosis.value, parseStepBodies: false)
        // Content warnings are the editors' business; a printout only stops on content errors.
        for item in checked.diagnostics.all where item.severity == .error { diagnostics.append(item) }
        var templateDiagnostics = Diagnostics()
        let (library, _) = TemplateFolderLoader(fileSystem: templates, displayRoot: templatesDisplay)
            .load(required: PrintRenderer.requiredTemplates, diagnostics: &templateDiagnostics)
        for item in templateDiagnostics.all where item.severity == .error { diagnostics.append(item) }
        guard let manifest, let model = checked.model else {
            return Result(html: nil, diagnostics: diagnostics, visibleStepTitles: [])
        }
        let resolved = PlanResolver(model: model, today: today).resolve(manifest, diagnostics: &diagnostics)
        guard var plan = resolved, !diagnostics.hasErrors else {
            return Result(html: nil, diagnostics: diagnostics, visibleStepTitles: [])
        }
        plan.parseVisibleStepBodies(language: model.config.language)
        let html = PrintRenderer(plan: plan, config: model.config, templates: library,
                                 options: .init(largePrint: largePrint, printDate: today)).render()
        return Result(html: html, diagnostics: diagnostics, visibleStepTitles: plan.visibleSteps.map(\.step.title))
    }
}
