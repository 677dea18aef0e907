import Foundation
import VardplanCore
import VardplanSystem
import VardplanDiagnostics

/// `vardplan build`: turns `content/` and `templates/` into the national site in `output/`.
enum BuildCommand {
    static let options: [Arguments.Option] = [
        .init(name: "content", takesValue: true, help: "content folder (default: content)"),
        .init(name: "templates", takesValue: true, help: "templates folder (default: templates)"),
        .init(name: "output", short: "o", takesValue: true, help: "output folder (default: output)"),
        .init(name: "base-url", takesValue: true, help: "address the site is published at, for sitemap.xml"),
        .init(name: "region", takesValue: true, help: "publish the site as this region's patients see it (regions/<ID>/); default: national"),
        .init(name: "today", takesValue: true, help: "date to check review dates against (YYYY-MM-DD)"),
        .init(name: "force", takesValue: false, help: "render even when nothing changed; replace an output folder with files vardplan did not write"),
        .init(name: "strict", takesValue: false, help: "count warnings as errors: print them as errors and write nothing (always checks and renders everything)"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan build [--content DIR] [--templates DIR] [--output DIR] [--base-url URL] [--region ID] [--strict]"

    static func run(_ argv: [String]) throws(UsageError) -> ExitCode {
        let started = Clock.now()
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, """
                Builds the national site: every diagnosis, module and step.

                The output folder must be new, empty, or one vardplan built; --force replaces any other
                folder, deleting its files (entries at its top whose names start with '.' are kept).
                A symbolic link to a folder builds into that folder. One build at a time per output.
                """, options))
            return .success
        }
        if let extra = arguments.positionals.first { throw UsageError(.extraArgument(extra)) }
        let today = try Clock.today(arguments)
        let content = arguments.value("content") ?? "content"
        let templates = arguments.value("templates") ?? "templates"
        let output = arguments.value("output") ?? "output"
        var baseURL = arguments.value("base-url")
        if let url = baseURL {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw UsageError(.badOptionValue(option: "--base-url", value: url, expected: "an absolute http(s) address"))
            }
            if !url.hasSuffix("/") { baseURL = url + "/" }
        }
        if let problem = OutputGuard.problem(output: output, protecting: [content, templates]) {
            Terminal.report(problem)
            return .usage
        }

        let force = arguments.flag("force")
        // An up-to-date build is not checked again, so --strict (which must see every
        // warning) always builds.
        let strict = arguments.flag("strict")
        // The output is surveyed (its lock taken, its stamp checked) while the inputs are
        // read: neither needs the other, and reading changes nothing.
        let writer = DebugStops.writer(outputPath: output, replaceAnything: force)
        let (begun, (contentFolder, templatesFolder)) = ParallelMap.both({
            Result { () throws(SiteWriter.WriteError) -> SiteWriter.Staging in try writer.begin() }
        }, {
            let inputs = readInputs(content: content, templates: templates)
            FreedMemory.release()  // what the index took, freed on this thread (its arena)
            return inputs
        })
        let staging: SiteWriter.Staging
        switch begun {
        case .success(let begun): staging = begun
        case .failure(let error):
            Terminal.report(.outputFolderUnusable(reason: error.description))
            return error.isRefusal ? .usage : .problems
        }
        if let restored = staging.restoredFrom {
            Terminal.error("vardplan: note: '\(output)' was missing after a stopped build; put back the complete copy '\(restored)'")
        }
        let result = SiteBuild.run(
            content: consume contentFolder, templates: templatesFolder,
            today: today, options: SiteRenderer.Options(baseURL: baseURL, region: arguments.value("region")),
            previous: force || strict ? nil : staging.previousStamp, into: staging)
        let diagnostics = strict ? result.diagnostics.strict : result.diagnostics
        Terminal.report(diagnostics)
        if result.upToDate {
            staging.finishUnchanged()
            let elapsed = Clock.now() - started
            Terminal.out("\(output) is up to date: nothing changed since the last build (\(LocalTime.decimal(elapsed, places: 2)) s; --force rebuilds)")
            return .success
        }
        if diagnostics.hasErrors {
            staging.abort()
            Terminal.error("build failed: \(Terminal.counts(diagnostics)); nothing was written to \(output)")
            return .problems
        }
        var report: SiteWriter.Report
        do {
            report = try staging.commit(paths: result.paths)
        } catch {
            Terminal.report(.outputFolderNotReplaced(output, reason: error.description))
            return .problems
        }
        report.written = result.written
        report.unchanged = result.unchanged
        let elapsed = Clock.now() - started
        let summary = result.summary.map(\.line) ?? ""
        Terminal.out("built \(output): \(result.paths.count) files (\(report.written) written, \(report.unchanged) unchanged, \(report.removed) removed) from \(summary) in \(LocalTime.decimal(elapsed, places: 2)) s")
        return .success
    }
}

extension BuildCommand {
    /// The content and templates folders read once (`SiteBuild.readInputs`), the content
    /// through its index: an unchanged step file is stat'ed, not read — its front matter,
    /// words and fingerprint are the index's, and its body is read for its pass from the
    /// disk. What the read found is indexed for the next build and printout (only the
    /// index files of parts that changed are written), and the index is let go on return:
    /// the caller gives back the memory it took (34 000 front matters at 100 diagnoses)
    /// before anything is rendered.
    static func readInputs(content: String, templates: String) -> (content: ContentSnapshot, templates: ContentSnapshot) {
        let disk = DiskFileSystem(root: content)
        let indexed = IndexCache.store(content: content).map { IndexedFileSystem(base: disk, store: $0) }
        let inputs = SiteBuild.readInputs(content: indexed ?? disk, contentDisplay: content,
                                          templates: DiskFileSystem(root: templates), templatesDisplay: templates)
        indexed?.save()
        return inputs
    }
}

/// Refuses output folders that would overwrite the user's own files.
enum OutputGuard {
    static func problem(output: String, protecting sources: [String]) -> Diagnostic? {
        let outputPath = absolute(output)
        if outputPath == absolute(".") || outputPath == "/" {
            return .outputIsCurrentFolder(output)
        }
        for source in sources {
            let sourcePath = absolute(source)
            if outputPath == sourcePath || sourcePath.hasPrefix(outputPath + "/") || outputPath.hasPrefix(sourcePath + "/") {
                return .outputOverlaps(output, source: source)
            }
        }
        return nil
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        return url.path
    }
}
