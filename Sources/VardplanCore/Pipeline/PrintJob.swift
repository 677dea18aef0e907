import VardplanDiagnostics
import VardplanMarkdown
import VardplanSystem
import VardplanTemplates

/// `print`: manifests in, self-contained HTML pages for A4 out, in memory.
///
/// One job loads the templates once and each diagnosis's content once, however many
/// manifests it prints (`vardplan print A.yaml B.json … --out-dir DIR`).
public final class PrintJob {
    public struct Result: Sendable {
        /// The printout as UTF-8, or nil when there is any error.
        public var bytes: [UInt8]?
        /// The printout as text, or nil when there is any error.
        public var html: String? { bytes.map { String(decoding: $0, as: UTF8.self) } }
        public var diagnostics: Diagnostics
        public var visibleStepTitles: [String]
        /// The ids of the headings the table of contents links to, in order: the ones
        /// whose pages a PDF's layout must agree on (`PageNumbers`).
        public var headingIDs: [String] = []
        /// The printout's author for the PDF's metadata: the national text's publisher.
        public var author: String = ""
    }

    /// One diagnosis's content as loaded for printing, with the errors that block it.
    private struct LoadedContent: Sendable {
        var model: SiteModel?
        var errors: [Diagnostic]
        /// Step bodies parsed so far, by step id.
        var bodies: [String: MarkdownDocument] = [:]
        /// The index the model was built through, when it was.
        var indexed: IndexedFileSystem?
    }

    /// The templates as loaded for printing, with the errors that block every printout.
    private struct LoadedTemplates: Sendable {
        var library: TemplateLibrary
        var strings: InterfaceStrings
        var errors: [Diagnostic]
    }

    /// Where the templates come from: loaded when the first manifest is printed.
    private struct TemplatesSource: Sendable {
        var fileSystem: any ContentFileSystem
        var display: String
        var index: ContentIndexStore?
    }

    private let content: any ContentFileSystem
    private let contentDisplay: String
    private let today: SimpleDate
    private let largePrint: Bool
    private let templatesSource: TemplatesSource
    private var loadedTemplates: LoadedTemplates?
    /// The content's index (`ContentIndex`), when there is a cache to keep it in.
    private let index: ContentIndexStore?
    private var loadedContent: [String: LoadedContent] = [:]

    /// Content is loaded per diagnosis when a manifest needs it, each diagnosis's
    /// folder read once into a snapshot; the templates once, with the first
    /// manifest's diagnosis, on another core. With `index` (and content on disk),
    /// files unchanged since they were indexed are not read, steps not printed only
    /// by their front matter, and the index is brought up to date; with
    /// `templatesIndex`, an unchanged templates folder that loaded cleanly before has
    /// only `print` and its partials parsed. The printout and its messages are the
    /// same as without them.
    public init(content: any ContentFileSystem, contentDisplay: String,
                templates: any ContentFileSystem, templatesDisplay: String,
                today: SimpleDate, largePrint: Bool, index: ContentIndexStore? = nil,
                templatesIndex: ContentIndexStore? = nil) {
        self.content = content
        self.index = content is DiskFileSystem ? index : nil
        self.contentDisplay = contentDisplay
        self.today = today
        self.largePrint = largePrint
        self.templatesSource = TemplatesSource(fileSystem: templates, display: templatesDisplay, index: templatesIndex)
    }

    /// Loads `print` and its partials, and the interface strings.
    private static func loadTemplates(_ source: TemplatesSource) -> LoadedTemplates {
        var templateDiagnostics = Diagnostics()
        let loaded: TemplateFolderLoader.Loaded
        if let templatesIndex = source.index, let disk = source.fileSystem as? DiskFileSystem {
            // Through the templates folder's index: when no file changed since a load
            // that gave no diagnostic, only `print` and its partials are parsed.
            let indexed = IndexedFileSystem(base: disk, store: templatesIndex, indexing: { _ in true })
            let snapshot = ContentSnapshot(reading: indexed, displayRoot: source.display)
            let clean = indexed.servedEverything && indexed.hasMarker(Self.templatesLoadClean)
            loaded = TemplateFolderLoader(fileSystem: snapshot, displayRoot: source.display)
                .loadAll(required: PrintRenderer.requiredTemplates,
                         parsingOnly: clean ? PrintRenderer.requiredTemplates : nil, diagnostics: &templateDiagnostics)
            // A clean load served whole from the index leaves it as it is (marker included).
            if !clean {
                if templateDiagnostics.isEmpty { indexed.setMarker(Self.templatesLoadClean) }
                indexed.save()
            }
        } else {
            let snapshot = ContentSnapshot(reading: source.fileSystem, displayRoot: source.display)
            loaded = TemplateFolderLoader(fileSystem: snapshot, displayRoot: source.display)
                .loadAll(required: PrintRenderer.requiredTemplates, diagnostics: &templateDiagnostics)
        }
        return LoadedTemplates(library: loaded.library, strings: loaded.strings,
                               errors: templateDiagnostics.all.filter { $0.severity == .error })
    }

    /// The templates index's record that the folder, as indexed, loaded without any
    /// diagnostic (NUL: no file has this name).
    static let templatesLoadClean = "\u{0}loaded without diagnostics"

    /// One manifest in, one printout out; with `pageNumbers`, the pages of a previous
    /// layout in the table of contents and after in-document references.
    ///
    /// Diagnostics: those of `ContentPipeline` (errors only: content warnings are the
    /// editors' business), `ManifestReader`, `PlanResolver` and the templates, loading
    /// and rendering alike; any error means no printout.
    public func print(manifest file: SourceFile) -> Result {
        print(manifest: file, pageNumbers: nil)
    }

    /// One manifest in, one printout out, with the page numbers of a previous layout.
    public func print(manifest file: SourceFile, pageNumbers: PageNumbers?) -> Result {
        var diagnostics = Diagnostics()
        let manifest = ManifestReader.read(file, diagnostics: &diagnostics)
        let (templates, loaded) = prepare(manifest?.diagnosis.value)
        let library = templates.library, strings = templates.strings
        for item in loaded?.errors ?? [] { diagnostics.append(item) }
        for item in templates.errors { diagnostics.append(item) }
        guard let manifest, var model = loaded?.model else {
            return Result(bytes: nil, diagnostics: diagnostics, visibleStepTitles: [])
        }
        // The region's supplements and steps, before the plan is resolved (a manifest
        // may show or hide a regional step).
        if let regionID = manifest.region {
            if let region = model.region(withID: regionID) {
                model = model.applying(region)
            } else {
                let location = manifest.regionLocation ?? manifest.file.location(line: 1, column: 1)
                diagnostics.append(.unknownRegion(regionID, known: model.regions.map(\.id), requestedBy: .manifest(location)))
                return Result(bytes: nil, diagnostics: diagnostics, visibleStepTitles: [])
            }
        }
        let resolved = PlanResolver(model: model, today: today).resolve(manifest, diagnostics: &diagnostics)
        guard var plan = resolved, !diagnostics.hasErrors else {
            return Result(bytes: nil, diagnostics: diagnostics, visibleStepTitles: [])
        }
        let diagnosis = manifest.diagnosis.value
        if let indexed = loaded?.indexed, !IndexedStepSources.complete(&plan, from: indexed) {
            // A printed step changed since it was stat'ed: print from the files themselves.
            loadedContent[diagnosis] = load(diagnosis, through: nil)
            return print(manifest: file, pageNumbers: pageNumbers)
        }
        let language = manifest.language ?? model.config.language
        plan.parseVisibleStepBodies(language: model.config.language,
                                    translation: language == model.config.language ? nil : language,
                                    cache: &loadedContent[diagnosis, default: LoadedContent(model: nil, errors: [])].bodies)
        strings.check(languages: [language], reference: model.config.language, diagnostics: &diagnostics)
        let printout = PrintRenderer(plan: plan, config: model.config, templates: library,
                                 options: .init(largePrint: largePrint, printDate: today, pageNumbers: pageNumbers),
                                 language: PageLanguage(code: language, config: model.config, strings: strings),
                                 images: model.images)
            .renderBytes(diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else {
            return Result(bytes: nil, diagnostics: diagnostics, visibleStepTitles: [])
        }
        var headings: [String] = []
        for module in plan.patientModules {
            headings.append("rubrik-modul-" + module.module.id)
            for section in module.visibleSections {
                if !PrintRenderer.headingOnce(section.section) { headings.append("avsnitt-" + section.section.id) }
                headings += section.visibleSteps.map { "rubrik-steg-" + $0.step.id }
            }
        }
        return Result(bytes: printout, diagnostics: diagnostics, visibleStepTitles: plan.visibleSteps.map(\.step.title),
                      headingIDs: headings, author: plan.diagnosis.publisher)
    }

    /// The templates and the content of `diagnosis` (none without a manifest), each
    /// loaded once per job; when both are needed they load at once on two cores (they
    /// share nothing). Only the manifest's diagnosis is loaded, and no step body is
    /// parsed until a plan shows it.
    private func prepare(_ diagnosis: String?) -> (LoadedTemplates, LoadedContent?) {
        let contentLoader = diagnosis.flatMap { loadedContent[$0] == nil ? contentLoad(for: $0) : nil }
        switch (loadedTemplates, contentLoader) {
        case (nil, let load?):
            let source = templatesSource
            // The content on this thread: its reading and parsing use both cores.
            let (content, templates) = ParallelMap.both({ load() }, { Self.loadTemplates(source) })
            loadedTemplates = templates
            loadedContent[diagnosis!] = content
        case (nil, nil):
            loadedTemplates = Self.loadTemplates(templatesSource)
        case (_?, let load?):
            loadedContent[diagnosis!] = load()
        case (_?, nil):
            break
        }
        return (loadedTemplates!, diagnosis.flatMap { loadedContent[$0] })
    }

    /// Loads one diagnosis's content through the index, when there is one, and saves it.
    private func contentLoad(for diagnosis: String) -> @Sendable () -> LoadedContent {
        let index = index, content = content, display = contentDisplay, today = today
        return {
            let indexed = index.map { IndexedFileSystem(base: content as! DiskFileSystem, store: $0) }
            let loaded = Self.load(diagnosis, from: content, display: display, today: today, through: indexed)
            indexed?.save()
            return loaded
        }
    }

    /// One diagnosis's content, from the folder or through its index.
    private func load(_ diagnosis: String, through indexed: IndexedFileSystem?) -> LoadedContent {
        Self.load(diagnosis, from: content, display: contentDisplay, today: today, through: indexed)
    }

    private static func load(_ diagnosis: String, from content: any ContentFileSystem, display: String,
                             today: SimpleDate, through indexed: IndexedFileSystem?) -> LoadedContent {
        let checked = ContentPipeline.runWithoutBodies(fileSystem: indexed ?? content, displayRoot: display,
                                                       today: today, onlyDiagnosis: diagnosis)
        return LoadedContent(model: checked.model, errors: checked.diagnostics.all.filter { $0.severity == .error },
                             indexed: indexed)
    }

    /// One manifest, one printout: a job of one.
    public static func run(manifest file: SourceFile, content: any ContentFileSystem, contentDisplay: String,
                           templates: any ContentFileSystem, templatesDisplay: String,
                           today: SimpleDate, largePrint: Bool) -> Result {
        PrintJob(content: content, contentDisplay: contentDisplay, templates: templates, templatesDisplay: templatesDisplay,
                 today: today, largePrint: largePrint).print(manifest: file)
    }
}
