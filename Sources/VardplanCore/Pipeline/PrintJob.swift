/// `print`: manifests in, self-contained HTML pages for A4 out, in memory.
///
/// One job loads the templates once and each diagnosis's content once, however many
/// manifests it prints (`vardplan print A.yaml B.json … --out-dir DIR`).
public final class PrintJob {
    public struct Result: Sendable {
        /// The printout, or nil when there is any error.
        public var html: String?
        public var diagnostics: Diagnostics
        public var visibleStepTitles: [String]
    }

    /// One diagnosis's content as loaded for printing, with the errors that block it.
    private struct LoadedContent {
        var model: SiteModel?
        var errors: [Diagnostic]
        /// Step bodies parsed so far, by step id.
        var bodies: [String: MarkdownDocument] = [:]
    }

    private let content: any ContentFileSystem
    private let contentDisplay: String
    private let today: SimpleDate
    private let largePrint: Bool
    private let library: TemplateLibrary
    private let templateErrors: [Diagnostic]
    private var loadedContent: [String: LoadedContent] = [:]

    /// Loads the templates; content is loaded per diagnosis when a manifest needs it.
    public init(content: any ContentFileSystem, contentDisplay: String,
                templates: any ContentFileSystem, templatesDisplay: String,
                today: SimpleDate, largePrint: Bool) {
        self.content = content
        self.contentDisplay = contentDisplay
        self.today = today
        self.largePrint = largePrint
        var templateDiagnostics = Diagnostics()
        let (library, _) = TemplateFolderLoader(fileSystem: templates, displayRoot: templatesDisplay)
            .load(required: PrintRenderer.requiredTemplates, diagnostics: &templateDiagnostics)
        self.library = library
        self.templateErrors = templateDiagnostics.all.filter { $0.severity == .error }
    }

    /// One manifest in, one printout out.
    ///
    /// Diagnostics: those of `ContentPipeline` (errors only: content warnings are the
    /// editors' business), `ManifestReader`, `PlanResolver` and the templates, loading
    /// and rendering alike; any error means no printout.
    public func print(manifest file: SourceFile) -> Result {
        var diagnostics = Diagnostics()
        let manifest = ManifestReader.read(file, diagnostics: &diagnostics)
        let loaded = manifest.map { content(for: $0.diagnosis.value) }
        for item in loaded?.errors ?? [] { diagnostics.append(item) }
        for item in templateErrors { diagnostics.append(item) }
        guard let manifest, let model = loaded?.model else {
            return Result(html: nil, diagnostics: diagnostics, visibleStepTitles: [])
        }
        let resolved = PlanResolver(model: model, today: today).resolve(manifest, diagnostics: &diagnostics)
        guard var plan = resolved, !diagnostics.hasErrors else {
            return Result(html: nil, diagnostics: diagnostics, visibleStepTitles: [])
        }
        let diagnosis = manifest.diagnosis.value
        plan.parseVisibleStepBodies(language: model.config.language, cache: &loadedContent[diagnosis, default: LoadedContent(model: nil, errors: [])].bodies)
        let html = PrintRenderer(plan: plan, config: model.config, templates: library,
                                 options: .init(largePrint: largePrint, printDate: today)).render(diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else {
            return Result(html: nil, diagnostics: diagnostics, visibleStepTitles: [])
        }
        return Result(html: html, diagnostics: diagnostics, visibleStepTitles: plan.visibleSteps.map(\.step.title))
    }

    /// Only the manifest's diagnosis is loaded (once per job), and no step body is
    /// parsed until a plan shows it.
    private func content(for diagnosis: String) -> LoadedContent {
        if let loaded = loadedContent[diagnosis] { return loaded }
        let checked = ContentPipeline.run(fileSystem: content, displayRoot: contentDisplay, today: today,
                                          onlyDiagnosis: diagnosis, parseStepBodies: false)
        let loaded = LoadedContent(model: checked.model, errors: checked.diagnostics.all.filter { $0.severity == .error })
        loadedContent[diagnosis] = loaded
        return loaded
    }

    /// One manifest, one printout: a job of one.
    public static func run(manifest file: SourceFile, content: any ContentFileSystem, contentDisplay: String,
                           templates: any ContentFileSystem, templatesDisplay: String,
                           today: SimpleDate, largePrint: Bool) -> Result {
        PrintJob(content: content, contentDisplay: contentDisplay, templates: templates, templatesDisplay: templatesDisplay,
                 today: today, largePrint: largePrint).print(manifest: file)
    }
}
