import VardplanDiagnostics
import VardplanMarkdown
import VardplanTemplates
import VardplanSystem

/// Builds the site for the preview into memory and, after a change, rebuilds only
/// what the change touches:
///
/// - only the bodies of steps of one diagnosis (their front matter and every other
///   file of the diagnosis as before) → those step pages and the diagnosis's
///   overview pages (diagnosis, modules, staff overview with its LIX column);
/// - any other file inside one diagnosis's folder (a step's front matter, a section
///   or module) → that diagnosis alone: its folder is loaded again (from the kept
///   files: `KeptFileSystem` reads from the disk only the changed paths), only the step
///   files whose bytes changed are parsed again, and its pages are rendered again;
/// - `site.yaml`, `general/`, a `_diagnosis.md` (the start page lists diagnoses), a
///   template or an asset, a new or removed diagnosis, or errors elsewhere →
///   everything (step bodies whose files did not change are still not parsed again).
///
/// Every page equals what `build` writes for the same content (PreviewBuilderTests
/// compares them after a sequence of edits). The nurse's pages' printed step bodies
/// are kept (`PrintBodyCache`) and forgotten with what a change touches.
///
/// With a manifest, the site is the one diagnosis as that patient sees it
/// (`ManifestPreview`), rebuilt whole on any change (it is one diagnosis).
///
/// Diagnostics: those of `ContentPipeline`, `TemplateFolderLoader` and the renderer
/// (as `build` reports them), and with a manifest those of `ManifestReader` and
/// `PlanResolver`.
public final class PreviewBuilder: @unchecked Sendable {
    public struct Settings: Sendable {
        /// The content folder as the user named it (paths in messages start with it).
        public var content: String
        public var templates: String
        public var today: SimpleDate
        /// A manifest to preview the site as one patient sees it.
        public var manifest: String?

        public init(content: String, templates: String, today: SimpleDate, manifest: String? = nil) {
            self.content = content
            self.templates = templates
            self.today = today
            self.manifest = manifest
        }
    }

    /// What a build or rebuild gave.
    public struct Outcome: Sendable {
        /// Every page of the site after this build (the last good pages kept for
        /// assets when there are errors).
        public var pages: [String: [UInt8]]
        public var diagnostics: Diagnostics
        /// What was rebuilt: `everything` or `diagnosis 'brostcancer'`.
        public var scope: String
        public var pagesRendered: Int
    }

    /// A step file's parse (with its translations'), kept while their bytes stay the same.
    private struct ParsedBody {
        var bytes: [UInt8]
        /// Language code → the translation file's bytes and parsed body (translations with a body).
        var translations: [String: (bytes: [UInt8], body: MarkdownDocument)]
        var body: MarkdownDocument
        /// The body's LIX, for the staff overview.
        var readability: ReadabilityIndex
        var diagnostics: Diagnostics
    }

    public let settings: Settings
    private var bodies: [String: ParsedBody] = [:]
    private var pages: [String: [UInt8]] = [:]
    private var diagnostics = Diagnostics()
    /// Diagnosis folder name → the diagnosis's id, from the last full build.
    private var diagnosisIDs: [String: String] = [:]
    private var hasSharedPages = false
    /// Diagnosis id → a hash of everything in its folder but step bodies.
    private var structures: [String: String] = [:]
    /// The nurse's pages' printed step bodies, kept while their steps and diagnosis stay the same.
    private let printBodies = PrintBodyCache()
    /// Diagnosis id → the paths of its pages (in every language), for the sitemap and
    /// to drop the pages a rebuilt diagnosis no longer has.
    private var diagnosisPages: [String: Set<String>] = [:]

    /// The content folder's listings and files as last read; a rebuild reads again only what changed.
    private let kept: KeptFileSystem

    public init(settings: Settings) {
        self.settings = settings
        kept = KeptFileSystem(root: settings.content, label: "content")
    }

    /// Builds everything.
    public func buildAll() -> Outcome {
        let result = build(onlyDiagnosis: nil)
        diagnostics = result.diagnostics
        diagnosisIDs = result.diagnosisIDs
        // A build with errors rendered nothing: the next one renders whole diagnoses.
        structures = result.diagnostics.hasErrors ? [:] : result.structures
        if !result.diagnostics.hasErrors {
            pages = result.pages
            diagnosisPages = result.diagnosisPages
            hasSharedPages = true
        }
        return Outcome(pages: pages, diagnostics: diagnostics, scope: "everything", pagesRendered: result.pages.count)
    }

    /// Rebuilds after `changed` (paths labelled `content/…`, `templates/…` or
    /// `manifest`, as `FolderWatcher` reports them).
    public func rebuild(changed: [String]) -> Outcome {
        kept.forget(changed)
        if changed.contains("content/site.yaml") { bodies = [:] }  // the readability limits may have changed
        guard settings.manifest == nil, hasSharedPages, let folder = Self.onlyDiagnosisFolder(changed),
              let id = diagnosisIDs[folder] else {
            return buildAll()
        }
        // Errors outside this diagnosis would keep the site down whatever it does.
        let prefix = joinPath(settings.content, "diagnoses/" + folder + "/")
        let inside: (Diagnostic) -> Bool = { $0.location?.path.hasPrefix(prefix) ?? false }
        guard !diagnostics.all.contains(where: { $0.severity == .error && !inside($0) }) else { return buildAll() }

        let kept = diagnosisPages
        let result = build(onlyDiagnosis: ContentID.fromName(folder)) { kept.filter { $0.key != id }.values.flatMap { $0 } }
        guard result.diagnosisIDs[folder] == id else { return buildAll() }
        var merged = Diagnostics()
        var seen = Set<Diagnostic>()
        for item in diagnostics.all where !inside(item) {
            merged.append(item)
            seen.insert(item)
        }
        for item in result.diagnostics.all where inside(item) || (!seen.contains(item) && item.location?.path.hasPrefix(settings.templates) == true) {
            merged.append(item)
        }
        diagnostics = merged
        structures[id] = merged.hasErrors ? nil : result.structures[id]
        if !merged.hasErrors {
            // Its pages in every language tree; the sitemap when the set of pages may have changed.
            if result.onlySteps == nil, let old = diagnosisPages[id] {
                for path in old { pages[path] = nil }
                diagnosisPages[id] = result.diagnosisPages[id]
            }
            for (path, bytes) in result.pages { pages[path] = bytes }
        }
        let scope = result.onlySteps.map { "\($0.count == 1 ? "1 step" : "\($0.count) steps") of '\(id)'" } ?? "diagnosis '\(id)'"
        return Outcome(pages: pages, diagnostics: diagnostics, scope: scope, pagesRendered: result.pages.count)
    }

    /// The diagnosis folder every change is inside, when the changes touch only one
    /// diagnosis's modules, sections and steps.
    static func onlyDiagnosisFolder(_ changed: [String]) -> String? {
        var folder: String?
        for path in changed {
            let parts = path.pathParts(omittingEmpty: false)
            guard parts.count >= 5, parts[0] == "content", parts[1] == "diagnoses" else { return nil }
            if parts.count == 4 || parts[3] == Substring(ContentLoader.diagnosisFile) { return nil }
            let name = String(parts[2])
            if let known = folder, known != name { return nil }
            folder = name
        }
        return folder
    }

    // MARK: - One build

    private struct Built {
        var pages: [String: [UInt8]]
        var diagnostics: Diagnostics
        var diagnosisIDs: [String: String]
        var structures: [String: String] = [:]
        /// Set when only these steps' bodies changed and only their pages were rendered.
        var onlySteps: Set<String>?
        /// Diagnosis id → the paths of the pages rendered for it.
        var diagnosisPages: [String: Set<String>] = [:]
    }

    /// `otherPages`: with `onlyDiagnosis`, the pages of every other diagnosis, for the sitemap.
    private func build(onlyDiagnosis: String?, otherPages: () -> [String] = { [] }) -> Built {
        var diagnostics = Diagnostics()
        var manifestDiagnosis: String?
        var manifest: Manifest?
        if let path = settings.manifest {
            if let bytes = FileIO.read(path) {
                manifest = ManifestReader.read(SourceFile(path: path, bytes: bytes), diagnostics: &diagnostics)
                manifestDiagnosis = manifest?.diagnosis.value
            } else {
                diagnostics.append(.previewManifestUnreadable(at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        // The inputs, read once: nothing below reads the disk.
        var only: (@Sendable (String) -> Bool)?
        if let id = onlyDiagnosis ?? manifestDiagnosis {
            only = { name in ContentID.fromName(name) == id }
        }
        let disk = kept
        let content = ContentSnapshot(reading: disk, displayRoot: settings.content,
                                      entering: ContentLoader.folderFilter(only, in: disk))
        let templateFolder = ContentSnapshot(reading: DiskFileSystem(root: settings.templates), displayRoot: settings.templates)
        let tree = ContentLoader(snapshot: content, onlyDiagnosisFolders: only).load(diagnostics: &diagnostics)
        let templates = TemplateFolderLoader(fileSystem: templateFolder, displayRoot: settings.templates)
            .loadAll(required: SiteRenderer.requiredTemplates, diagnostics: &diagnostics)
        guard var model = ModelBuilder(today: settings.today, countsWords: false).build(tree, diagnostics: &diagnostics) else {
            return Built(pages: [:], diagnostics: diagnostics, diagnosisIDs: [:])
        }
        var ids: [String: String] = [:]
        for diagnosis in model.diagnoses {
            let parts = diagnosis.sourcePath.pathParts()
            if parts.count >= 2 { ids[String(parts[parts.count - 2])] = diagnosis.id }
        }
        if let manifest {
            let checked = model.config
            guard let plan = PlanResolver(model: model, today: settings.today).resolve(manifest, diagnostics: &diagnostics) else {
                return Built(pages: [:], diagnostics: diagnostics, diagnosisIDs: ids)
            }
            model = SiteModel(config: checked, diagnoses: [ManifestPreview.diagnosis(plan)], generalModules: [])
        }
        templates.strings.check(languages: model.config.languages, reference: model.config.language, diagnostics: &diagnostics)
        let reparsed = parseBodies(&model, diagnostics: &diagnostics)
        let structures = manifest == nil ? Self.structures(of: model, files: tree.allFiles) : [:]
        var onlySteps: Set<String>?
        if onlyDiagnosis != nil, let diagnosis = model.diagnoses.first, let structure = structures[diagnosis.id],
           self.structures[diagnosis.id] == structure {
            onlySteps = Set(diagnosis.steps.filter { reparsed.contains($0.source.relativePath) }.map(\.id))
        }
        // What the kept printed bodies of the nurse's pages may no longer match.
        if onlyDiagnosis == nil || manifest != nil {
            printBodies.removeAll()
        } else if onlySteps != nil {
            printBodies.forget(steps: reparsed)
        } else {
            for diagnosis in model.diagnoses { printBodies.forget(diagnosis: diagnosis.id) }
        }
        for diagnosis in model.diagnoses where manifest == nil {
            diagnostics.append(contentsOf: LinkChecker.broken(in: diagnosis))
        }
        if let manifest { model.diagnoses = model.diagnoses.map { ManifestPreview.addComments(manifest, to: $0) } }
        guard !diagnostics.hasErrors else {
            return Built(pages: [:], diagnostics: diagnostics, diagnosisIDs: ids, structures: structures)
        }

        let renderOnly = onlySteps
        let renderer = SiteRenderer(model: model, templates: templates.library, assets: templates.assets,
                                    options: .init(printBodies: printBodies), strings: templates.strings)
        let rendered = ParallelMap.map(model.diagnoses, minimumCount: 2) { diagnosis -> ([OutputFile], SiteRenderer.RenderState) in
            var state = renderer.makeState()
            let files = renderOnly.map { renderer.renderPages(of: diagnosis, onlySteps: $0, &state) }
                ?? renderer.renderPages(of: diagnosis, &state)
            return (files, state)
        }
        var state = renderer.makeState()
        var files: [OutputFile] = []
        var diagnosisPages: [String: Set<String>] = [:]
        for (diagnosis, (pagesOfOne, stateOfOne)) in zip(model.diagnoses, rendered) {
            files.append(contentsOf: pagesOfOne)
            diagnosisPages[diagnosis.id] = Set(pagesOfOne.map(\.path))
            state.merge(stateOfOne)
        }
        if onlyDiagnosis == nil {
            files.append(contentsOf: renderer.renderSharedPages(pagePaths: files.map(\.path), &state))
            diagnostics.append(contentsOf: renderer.finish(state))
        } else {
            diagnostics.append(contentsOf: state.diagnostics)
            if onlySteps == nil {
                // Pages may have come or gone: the sitemap again, from every diagnosis's pages.
                var scratch = renderer.makeState()
                let shared = renderer.renderSharedPages(pagePaths: otherPages() + files.map(\.path), &scratch)
                files.append(contentsOf: shared.filter { SitePaths.isSitemap($0.path) })
            }
        }
        var pages: [String: [UInt8]] = [:]
        for file in files { pages[file.path] = file.bytes }
        return Built(pages: pages, diagnostics: diagnostics, diagnosisIDs: ids, structures: structures, onlySteps: onlySteps,
                     diagnosisPages: diagnosisPages)
    }

    /// For each diagnosis, a hash of its folder's files with step bodies left out: when
    /// it is unchanged, only step bodies changed.
    static func structures(of model: SiteModel, files: [SourceFile]) -> [String: String] {
        var bodyStart: [String: Int] = [:]
        for diagnosis in model.diagnoses { for step in diagnosis.steps { bodyStart[step.source.relativePath] = step.bodyRange.lowerBound } }
        var result: [String: String] = [:]
        for diagnosis in model.diagnoses {
            guard !diagnosis.folder.isEmpty else { continue }
            let folder = diagnosis.folder + "/"
            var hash = InputFingerprint()
            for file in files where file.relativePath.hasPrefix(folder) {
                hash.add(file.relativePath)
                if let start = bodyStart[file.relativePath] { hash.add(Array(file.bytes[..<start])) } else { hash.add(file.bytes) }
            }
            result[diagnosis.id] = hash.hex
        }
        return result
    }

    /// Parses the step bodies of the model, reusing the parse of every file whose
    /// bytes did not change; adds their Markdown and readability diagnostics once per file.
    /// Returns the paths of the step files parsed again.
    @discardableResult
    private func parseBodies(_ model: inout SiteModel, diagnostics: inout Diagnostics) -> Set<String> {
        let language = model.config.language, limits = model.config.readability
        var unique: [String: Step] = [:]
        for diagnosis in model.diagnoses { for step in diagnosis.steps { unique[step.source.relativePath] = step } }
        let known = bodies
        let toParse = unique.values.filter { step in
            guard let kept = known[step.source.relativePath], kept.bytes == step.source.bytes else { return true }
            let translated = step.translations.filter { !$0.value.bodyIsEmpty }
            return translated.count != kept.translations.count
                || translated.contains { kept.translations[$0.key]?.bytes != $0.value.source.bytes }
        }
        .sorted { $0.source.relativePath < $1.source.relativePath }
        let parsed = ParallelMap.map(toParse) { step -> ParsedBody in
            var local = Diagnostics()
            var complete = step
            complete.body = step.parseBody(language: language, diagnostics: &local)
            let readability = ReadabilityChecker.check(complete, limits: limits, diagnostics: &local)
            // As `build` (DiagnosisPass): the translations with a body, in the order of the dictionary.
            var translations: [String: (bytes: [UInt8], body: MarkdownDocument)] = [:]
            for (code, translation) in step.translations where !translation.bodyIsEmpty {
                translations[code] = (translation.source.bytes, translation.parseBody(diagnostics: &local))
            }
            return ParsedBody(bytes: step.source.bytes, translations: translations, body: complete.body,
                              readability: readability, diagnostics: local)
        }
        for (step, body) in zip(toParse, parsed) { bodies[step.source.relativePath] = body }
        for path in unique.keys.sorted() { diagnostics.append(contentsOf: bodies[path]!.diagnostics) }
        for d in model.diagnoses.indices {
            for m in model.diagnoses[d].modules.indices {
                for s in model.diagnoses[d].modules[m].sections.indices {
                    for t in model.diagnoses[d].modules[m].sections[s].steps.indices {
                        let path = model.diagnoses[d].modules[m].sections[s].steps[t].source.relativePath
                        let parsed = bodies[path]!
                        model.diagnoses[d].modules[m].sections[s].steps[t].body = parsed.body
                        model.diagnoses[d].modules[m].sections[s].steps[t].readability = parsed.readability
                        for (code, translation) in parsed.translations {
                            model.diagnoses[d].modules[m].sections[s].steps[t].translations[code]?.body = translation.body
                        }
                    }
                }
            }
        }
        return Set(toParse.map(\.source.relativePath))
    }
}
