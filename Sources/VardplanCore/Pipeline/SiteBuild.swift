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

    /// Loads, checks and renders into `sink`. Diagnostics: those of `ContentLoader`,
    /// `ModelBuilder`, `DiagnosisPass` (Markdown and links), `TemplateFolderLoader`,
    /// the renderer, and a write failure. When the diagnostics hold an error, what
    /// the sink received must be thrown away. With `previous` (the stamp of the
    /// output folder, already checked to be intact), a build whose inputs did not
    /// change returns `upToDate` without rendering.
    public static func run(content: any ContentFileSystem, contentDisplay: String,
                           templates: any ContentFileSystem, templatesDisplay: String,
                           today: SimpleDate, options: SiteRenderer.Options,
                           previous: BuildStamp? = nil, into sink: any PageSink) -> Result {
        // First, cheaply: did any input change since the last build?
        let (fingerprint, contentBytes) = fingerprint(content: content, templates: templates, today: today, options: options)
        if let previous, previous.fingerprint == fingerprint {
            return Result(files: [], diagnostics: Diagnostics(), summary: nil, upToDate: true)
        }
        var diagnostics = Diagnostics()
        // The fingerprint already read every content file: the loader takes those bytes.
        let tree = ContentLoader(fileSystem: PrefetchedFileSystem(base: content, contents: contentBytes),
                                 displayRoot: contentDisplay).load(diagnostics: &diagnostics)
        let loaded = TemplateFolderLoader(fileSystem: templates, displayRoot: templatesDisplay)
            .loadAll(required: SiteRenderer.requiredTemplates, diagnostics: &diagnostics)
        guard let model = ModelBuilder(today: today, parseStepBodies: false).build(tree, diagnostics: &diagnostics) else {
            return Result(files: [], diagnostics: diagnostics, summary: nil)
        }
        let summary = ContentSummary(model)
        let renderer = SiteRenderer(model: model, templates: loaded.library, assets: loaded.assets, options: options)
        // Render only while the content is sound; keep checking either way, so every
        // problem is reported at once.
        let render = !diagnostics.hasErrors
        let perDiagnosis = DiagnosisPass.run(model, diagnostics: &diagnostics) { diagnosis, local -> DiagnosisOutput in
            guard render, !local.hasErrors else { return DiagnosisOutput(state: nil, pages: [], counts: (0, 0)) }
            var state = renderer.makeState()
            let pages = renderer.renderPages(of: diagnosis, &state)
            do {
                let counts = try sink.accept(pages)
                return DiagnosisOutput(state: state, pages: pages.map { ($0.path, $0.bytes.count) }, counts: counts)
            } catch {
                local.error("\(error)", at: nil)
                return DiagnosisOutput(state: state, pages: [], counts: (0, 0))
            }
        }
        var result = Result(files: [], diagnostics: diagnostics, summary: summary)
        guard render, !result.diagnostics.hasErrors else { return result }

        var state = renderer.makeState()
        var sizes: [(path: String, size: Int)] = []
        for output in perDiagnosis {
            if let other = output.state { state.merge(other) }
            sizes.append(contentsOf: output.pages)
            result.paths.append(contentsOf: output.pages.map { $0.path })
            result.written += output.counts.written
            result.unchanged += output.counts.unchanged
        }
        let shared = renderer.renderSharedPages(pagePaths: result.paths, &state)
        result.diagnostics.append(contentsOf: renderer.finish(state))
        guard !result.diagnostics.hasErrors else { return result }
        sizes.append(contentsOf: shared.map { ($0.path, $0.bytes.count) })
        // The stamp goes last and alone: a folder with a stamp holds the whole build.
        let stamp = BuildStamp(fingerprint: fingerprint, files: sizes).outputFile
        do {
            for batch in [shared, [stamp]] {
                let counts = try sink.accept(batch)
                result.written += counts.written
                result.unchanged += counts.unchanged
                result.paths.append(contentsOf: batch.map(\.path))
            }
        } catch {
            result.diagnostics.error("\(error)", at: nil)
        }
        return result
    }

    private struct DiagnosisOutput: Sendable {
        var state: SiteRenderer.RenderState?
        var pages: [(path: String, size: Int)]
        var counts: (written: Int, unchanged: Int)
    }

    /// Every input that can change the output or its diagnostics, hashed: the path
    /// and bytes of every file in the content and templates folders (dot files
    /// aside), the date and the options. Files are read and hashed on every core,
    /// without parsing, so an unchanged site is recognised in a fraction of a build.
    /// Returns the content files' bytes too, for the loader.
    static func fingerprint(content: any ContentFileSystem, templates: any ContentFileSystem, today: SimpleDate,
                            options: SiteRenderer.Options) -> (String, [String: [UInt8]]) {
        var hash = InputFingerprint()
        hash.add(BuildStamp.formatVersion)
        hash.add(today.description)
        hash.add(options.baseURL ?? "")
        var contentBytes: [String: [UInt8]] = [:]
        for (label, fileSystem) in [("content", content), ("templates", templates)] {
            let paths = fileSystem.filePaths()
            let read = ParallelMap.map(paths) { path -> (digest: String, bytes: [UInt8]?) in
                let bytes = try? fileSystem.contents(of: path)
                var one = InputFingerprint()
                one.add(path)
                one.add(bytes ?? [])
                return (one.hex, bytes)
            }
            hash.add(label)
            for (path, file) in zip(paths, read) {
                hash.add(file.digest)
                if label == "content", let bytes = file.bytes { contentBytes[path] = bytes }
            }
        }
        return (hash.hex, contentBytes)
    }
}
