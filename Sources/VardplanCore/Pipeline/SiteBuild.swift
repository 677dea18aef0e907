import VardplanDiagnostics
import VardplanTemplates
import VardplanSystem

/// `build`: content and templates in, a finished site out. Pages stream into a
/// `PageSink` diagnosis by diagnosis (a staging folder, or memory), so memory stays
/// small at national scale; the caller commits the staging folder only when the
/// build has no errors.
public enum SiteBuild {
    public struct Result: Sendable {
        /// The pages, when built into memory (`run` without a sink); else empty.
        public var files: [OutputFile]
        public var diagnostics: Diagnostics
        public var summary: ContentSummary?
        /// True when the inputs are those of the previous build and its output is
        /// intact: nothing was rendered and nothing needs writing.
        public var upToDate = false
        /// Every path the build made, for the writer to count stale files.
        public var paths: [String] = []
        public var written = 0
        public var unchanged = 0
    }

    /// Builds into memory: `files` holds every page, sorted. Returns no files when
    /// there is any error.
    public static func run(content: any ContentFileSystem, contentDisplay: String,
                           templates: any ContentFileSystem, templatesDisplay: String,
                           today: SimpleDate, options: SiteRenderer.Options,
                           previous: BuildStamp? = nil) -> Result {
        let sink = MemoryPageSink()
        var result = run(content: content, contentDisplay: contentDisplay, templates: templates,
                         templatesDisplay: templatesDisplay, today: today, options: options, previous: previous,
                         into: sink)
        result.files = result.diagnostics.hasErrors ? [] : sink.files
        return result
    }

    /// Reads the content and templates folders once into snapshots, then builds from
    /// them (see `run(content:templates:…into:)` on snapshots). The content snapshot
    /// keeps only the front matter of step files; each body is read again when its
    /// diagnosis is rendered (`StepBodyReader`: a file changed in between stops the
    /// build with VP021).
    public static func run(content: any ContentFileSystem, contentDisplay: String,
                           templates: any ContentFileSystem, templatesDisplay: String,
                           today: SimpleDate, options: SiteRenderer.Options,
                           previous: BuildStamp? = nil, into sink: any PageSink) -> Result {
        let (content, templates) = readInputs(content: content, contentDisplay: contentDisplay, templates: templates,
                                              templatesDisplay: templatesDisplay)
        return run(content: consume content, templates: templates, today: today, options: options, previous: previous,
                   into: sink)
    }

    /// The content and templates folders read once, as a build reads them: the
    /// content's step files keep only their front matter (`DetachedBody`).
    public static func readInputs(content: any ContentFileSystem, contentDisplay: String,
                                  templates: any ContentFileSystem, templatesDisplay: String)
        -> (content: ContentSnapshot, templates: ContentSnapshot) {
        (ContentSnapshot(reading: content, displayRoot: contentDisplay, detachingStepBodies: true),
         ContentSnapshot(reading: templates, displayRoot: templatesDisplay))
    }

    /// Loads, checks and renders into `sink`, from the content and templates as read
    /// once (nothing here reads the disk but the step bodies `content` let go, each
    /// once, under the identity check of `StepBodyReader`). Diagnostics: those of `ContentLoader`,
    /// `ModelBuilder`, `DiagnosisPass` (Markdown and links), `TemplateFolderLoader`,
    /// the renderer, and a write failure. When the diagnostics hold an error, what
    /// the sink received must be thrown away. With `previous` (the stamp of the
    /// output folder, already checked to be intact), a build whose inputs did not
    /// change returns `upToDate` without rendering.
    ///
    /// Memory: `content` is consumed and let go once the model is built (pass the
    /// last copy, as `run(content: any ContentFileSystem…)` does); each diagnosis's
    /// step bytes go once `DiagnosisPass` is done with it.
    public static func run(content: consuming ContentSnapshot, templates: ContentSnapshot,
                           today: SimpleDate, options: SiteRenderer.Options,
                           previous: BuildStamp? = nil, into sink: any PageSink) -> Result {
        FreedMemory.returnLargeBlocksWhenFreed()
        // First, cheaply: did any input change since the last build?
        let inputs = fingerprint(content: content, templates: templates, today: today, options: options)
        if let previous, previous.fingerprint == inputs.fingerprint {
            return Result(files: [], diagnostics: Diagnostics(), summary: nil, upToDate: true)
        }
        sink.willWrite()
        // Which diagnoses to render: all, or (when the previous output can be kept
        // from) only those whose files changed, and of those where only step bodies
        // changed only the pages that show them.
        var changedFolders: Set<String>? = nil
        var bodyChanges: [String: Set<String>] = [:]
        if let previous, sink.keepsPreviousPages,
           case .diagnoses(let whole, let bodies) = BuildChanges.between(previous: previous, settings: inputs.settings,
                                                                         inputs: inputs.files) {
            changedFolders = whole.union(bodies.keys)
            bodyChanges = bodies
        }
        var diagnostics = Diagnostics()
        let bodies = content.stepBodies
        let built = buildModel(content: consume content, today: today, diagnostics: &diagnostics)
        let loaded = TemplateFolderLoader(fileSystem: templates, displayRoot: templates.displayRoot)
            .loadAll(required: SiteRenderer.requiredTemplates, diagnostics: &diagnostics)
        guard var model = consume built else {
            return Result(files: [], diagnostics: diagnostics, summary: nil)
        }
        if let regionID = options.region {
            if let region = model.region(withID: regionID) {
                model = model.applying(region)
            } else {
                diagnostics.append(.unknownRegion(regionID, known: model.regions.map(\.id), requestedBy: .option))
            }
        }
        let summary = ContentSummary(model)
        loaded.strings.check(languages: model.config.languages, reference: model.config.language, diagnostics: &diagnostics)
        // The renderer needs no step bytes: only the pass's copy of the model keeps them.
        // When the snapshot kept front matter only, the renderer shares the model's
        // arrays instead (a stripped copy is 15 MB of steps at 100 diagnoses, the
        // front matter it would free a few).
        let renderer = SiteRenderer(model: bodies.isEmpty ? model.withoutStepSources() : model,
                                    templates: loaded.library, assets: loaded.assets, options: options,
                                    strings: loaded.strings)
        // Render only while the content is sound; keep checking either way, so every
        // problem is reported at once.
        let render = !diagnostics.hasErrors
        // Diagnoses whose files did not change keep their pages of the previous build.
        var keptPages: [(path: String, size: Int, owner: String)] = []
        let previousPages = changedFolders == nil ? [:] : previous?.filesByOwner ?? [:]
        if let changedFolders, render {
            for diagnosis in model.diagnoses where !changedFolders.contains(folderName(of: diagnosis)) {
                keptPages += (previousPages[diagnosis.id] ?? []).map { ($0.path, $0.size, diagnosis.id) }
            }
        }
        let rendered = changedFolders.map { folders in
            model.diagnoses.filter { folders.contains(folderName(of: $0)) }.map(\.id)
        }
        // Fewer diagnoses than cores: each one's languages render in parallel.
        let fewDiagnoses = (rendered?.count ?? model.diagnoses.count) < ParallelMap.coreCount
        let pass = Pass(renderer: renderer, sink: sink, render: render, fewDiagnoses: fewDiagnoses,
                        changedBodies: bodyChanges)
        // The unchanged diagnoses' pages are linked into the new output while the changed
        // ones render: the links are the file system's work, the rendering the cores'.
        let linkedEarly = keptPages.map(\.path)
        var linked: Swift.Result<Int, SiteWriter.WriteError> = .success(0)
        let perDiagnosis: [DiagnosisOutput]
        if linkedEarly.isEmpty {
            perDiagnosis = pass.run(consume model, only: rendered.map(Set.init), bodies: consume bodies,
                                    diagnostics: &diagnostics)
        } else {
            let handOver = HandOver(model: consume model, bodies: consume bodies)
            let only = rendered.map(Set.init)
            let (outcome, keep) = ParallelMap.both({ () -> ([DiagnosisOutput], Diagnostics) in
                var local = Diagnostics()
                let (model, bodies) = handOver.take()
                return (pass.run(consume model, only: only, bodies: consume bodies, diagnostics: &local), local)
            }, {
                Swift.Result { () throws(SiteWriter.WriteError) -> Int in try sink.keep(linkedEarly) }
            })
            perDiagnosis = outcome.0
            diagnostics.append(contentsOf: outcome.1)
            linked = keep
        }
        // Every diagnosis's bytes, trees and pages are freed by now, mostly in worker
        // threads' arenas: give them back before the last pages are made.
        FreedMemory.release()
        var result = Result(files: [], diagnostics: diagnostics, summary: summary)
        guard render, !result.diagnostics.hasErrors else { return result }

        var state = renderer.makeState()
        switch linked {
        case .success(let count): result.unchanged += count
        case .failure(let error):
            result.diagnostics.append(.outputWrite(error))
            return result
        }
        // The pages of diagnoses rendered in part that were not rendered again: the
        // previous build's (the same pages: nothing but step bodies changed).
        var keptInPart: [(path: String, size: Int, owner: String)] = []
        for output in perDiagnosis {
            guard let id = output.renderedInPart else { continue }
            let rendered = Set(output.pages.lazy.map(\.path))
            keptInPart += (previousPages[id] ?? []).lazy.filter { !rendered.contains($0.path) }.map { ($0.path, $0.size, id) }
        }
        if !keptInPart.isEmpty {
            do {
                result.unchanged += try sink.keep(keptInPart.map(\.path))
            } catch {
                result.diagnostics.append(.outputWrite(error))
                return result
            }
            keptPages += keptInPart
        }
        // Every page with its size and diagnosis (nil: shared), for the stamp.
        var sizes: [(path: String, size: Int, owner: String?)] = []
        sizes.append(contentsOf: keptPages.map { ($0.path, $0.size, $0.owner) })
        result.paths.append(contentsOf: keptPages.map(\.path))
        for output in consume perDiagnosis {
            if let other = output.state { state.merge(other) }
            sizes.append(contentsOf: output.pages.map { ($0.path, $0.size, $0.owner) })
            result.paths.append(contentsOf: output.pages.map { $0.path })
            result.written += output.counts.written
            result.unchanged += output.counts.unchanged
        }
        let shared = renderer.renderSharedPages(pagePaths: result.paths, sitemap: false, &state)
        func accept(_ batch: [OutputFile]) throws(SiteWriter.WriteError) {
            let counts = try sink.accept(batch)
            result.written += counts.written
            result.unchanged += counts.unchanged
            result.paths.append(contentsOf: batch.map(\.path))
        }
        // The sitemap's files are written one at a time as they are made (at 100
        // diagnoses, 93 000 addresses: parts of ≈ 4 MB instead of 38 MB at once).
        var sitemapError: SiteWriter.WriteError?
        let pagePaths = result.paths
        // A partial build with the previous build's pages keeps its sitemap (`KeptSitemap`).
        // Each page is made once: a list is enough (no set of 23 000 paths to build).
        let ownedPages = changedFolders == nil ? [] : sizes.filter { $0.owner != nil }.map(\.path)
        if changedFolders != nil, let previous, let kept = KeptSitemap.files(of: previous, pagePaths: ownedPages) {
            do {
                result.unchanged += try sink.keep(kept.map(\.path))
                result.paths.append(contentsOf: kept.map(\.path))
                sizes.append(contentsOf: kept.map { ($0.path, $0.size, nil) })
            } catch {
                sitemapError = error
            }
        } else {
            renderer.renderSitemap(pagePaths: pagePaths, &state) { file in
                guard sitemapError == nil else { return }
                do throws(SiteWriter.WriteError) {
                    try accept([file])
                    sizes.append((file.path, file.bytes.count, nil))
                } catch {
                    sitemapError = error
                }
            }
        }
        // Template variables no page had are only known when every page was rendered.
        result.diagnostics.append(contentsOf: changedFolders == nil ? renderer.finish(state) : state.diagnostics)
        if let sitemapError { result.diagnostics.append(.outputWrite(sitemapError)) }
        guard !result.diagnostics.hasErrors else { return result }
        sizes.append(contentsOf: shared.map { ($0.path, $0.bytes.count, nil) })
        do throws(SiteWriter.WriteError) {
            try accept(consume shared)
            // The stamp goes last and alone: a folder with a stamp holds the whole build.
            // It is made once the shared pages and the sitemap are let go (the stamp is
            // 12 MB at 100 diagnoses: not on top of them).
            try accept([BuildStamp.outputFile(fingerprint: inputs.fingerprint, settings: inputs.settings,
                                              inputs: inputs.files, files: consume sizes)])
        } catch {
            result.diagnostics.append(.outputWrite(error))
        }
        // The model and the renderer are freed on another thread: the caller's commit
        // and exit need neither.
        FreedMemory.letGoInBackground(consume renderer)
        return result
    }

    /// The model of `content`, which is let go on return with the loaded tree (the
    /// model's steps share the bytes they need).
    private static func buildModel(content: consuming ContentSnapshot, today: SimpleDate,
                                   diagnostics: inout Diagnostics) -> SiteModel? {
        let tree = ContentLoader(snapshot: content).load(diagnostics: &diagnostics)
        return ModelBuilder(today: today).build(tree, diagnostics: &diagnostics)
    }

    /// How many of a diagnosis's pages a build hands to the sink at once.
    static let pageBatch = 64

    /// Parses, checks and renders the diagnoses to render, each one's pages into the sink
    /// as they are made (`DiagnosisPass`).
    private struct Pass: Sendable {
        let renderer: SiteRenderer
        let sink: any PageSink
        /// False when the content has errors: checked, not rendered.
        let render: Bool
        /// Fewer diagnoses than cores: each one's languages render in parallel.
        let fewDiagnoses: Bool
        /// Folder name → the step files of which only the body changed.
        let changedBodies: [String: Set<String>]

        func run(_ model: consuming SiteModel, only: Set<String>?, bodies: consuming StepBodyReader,
                 diagnostics: inout Diagnostics) -> [DiagnosisOutput] {
            DiagnosisPass.run(consume model, only: only, bodies: consume bodies, diagnostics: &diagnostics) {
                diagnosis, local -> DiagnosisOutput in
                guard render, !local.hasErrors else { return DiagnosisOutput(state: nil, pages: [], counts: (0, 0)) }
                var state = renderer.makeState()
                var output = DiagnosisOutput(state: nil, pages: [], counts: (0, 0))
                // Only some step bodies changed: those steps' pages, the others kept below.
                let onlySteps = changedBodies[folderName(of: diagnosis)].map { paths in
                    Set(diagnosis.steps.filter { paths.contains($0.source.relativePath) }.map(\.id))
                }
                output.renderedInPart = onlySteps == nil ? nil : diagnosis.id
                var failure: SiteWriter.WriteError?
                func deliver(_ pages: [OutputFile]) {
                    guard failure == nil else { return }
                    do throws(SiteWriter.WriteError) {
                        let counts = try sink.accept(pages)
                        output.counts.written += counts.written
                        output.counts.unchanged += counts.unchanged
                        output.pages += pages.map { ($0.path, $0.bytes.count, diagnosis.id) }
                    } catch {
                        failure = error
                    }
                }
                // Pages go to the sink as they are made, a batch at a time (two diagnoses in
                // flight held every page of both until the last was rendered).
                if fewDiagnoses {
                    deliver(renderer.renderPages(of: diagnosis, onlySteps: onlySteps, parallel: true, &state))
                } else {
                    renderer.renderPages(of: diagnosis, onlySteps: onlySteps, batchSize: SiteBuild.pageBatch, &state,
                                         deliver: deliver)
                }
                if let failure {
                    local.append(.outputWrite(failure))
                    return DiagnosisOutput(state: state, pages: [], counts: (0, 0))
                }
                output.state = state
                return output
            }
        }
    }

    /// The model and step bodies handed to the pass on another thread: the only
    /// reference to them once taken, so that the pass frees each diagnosis as before.
    private final class HandOver: @unchecked Sendable {
        private var contents: (SiteModel, StepBodyReader)?
        init(model: consuming SiteModel, bodies: consuming StepBodyReader) { contents = (model, bodies) }
        func take() -> (SiteModel, StepBodyReader) {
            defer { contents = nil }
            return contents!
        }
    }

    private struct DiagnosisOutput: Sendable {
        var state: SiteRenderer.RenderState?
        var pages: [(path: String, size: Int, owner: String)]
        var counts: (written: Int, unchanged: Int)
        /// The diagnosis's id when only the pages that show its changed step bodies were
        /// rendered (its other pages are the previous build's).
        var renderedInPart: String?
    }

    /// The name of a diagnosis's folder (`diagnoses/<name>/_diagnosis.md`).
    private static func folderName(of diagnosis: Diagnosis) -> String {
        let parts = diagnosis.sourcePath.pathParts()
        return parts.count >= 2 ? String(parts[parts.count - 2]) : diagnosis.id
    }

    /// A build's inputs, fingerprinted.
    struct Inputs {
        /// Every input and setting.
        var fingerprint: String
        /// Format, date and options.
        var settings: String
        /// Each file's fingerprint, by `content/…` or `templates/…` path.
        var files: [String: String]
    }

    /// Every input that can change the output or its diagnostics, hashed: the path
    /// and bytes of every file in the content and templates folders (dot files
    /// aside), the date and the options; each file also on its own, so the next build
    /// can tell what changed. Files are hashed on every core, without parsing, so an
    /// unchanged site is recognised in a fraction of a build.
    static func fingerprint(content: ContentSnapshot, templates: ContentSnapshot, today: SimpleDate,
                            options: SiteRenderer.Options) -> Inputs {
        var settings = InputFingerprint()
        settings.add(BuildStamp.formatVersion)
        settings.add(today.description)
        settings.add(options.baseURL ?? "")
        settings.add(options.region ?? "")
        var hash = InputFingerprint()
        hash.add(settings.hex)
        let folders: [(label: String, snapshot: ContentSnapshot, paths: [String])] = [
            ("content", content, content.filePaths()), ("templates", templates, templates.filePaths()),
        ]
        var files: [String: String] = [:]
        files.reserveCapacity(folders.reduce(0) { $0 + $1.paths.count })
        for (label, snapshot, paths) in folders {
            let digests = ParallelMap.map(paths) { path in snapshot.fingerprint(of: path) }
            hash.add(label)
            for (path, digest) in zip(paths, digests) {
                hash.add(digest)
                files[label + "/" + path] = digest
            }
        }
        return Inputs(fingerprint: hash.hex, settings: settings.hex, files: files)
    }
}
