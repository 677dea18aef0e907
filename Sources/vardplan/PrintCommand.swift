import Foundation
import VardplanCore
import VardplanSystem
import VardplanDiagnostics

/// `vardplan print MANIFEST`: one patient's care plan as a self-contained A4 page;
/// `vardplan print A.yaml B.json … --out-dir DIR`: many plans in one run.
///
/// Patient data never goes to the public site: an output inside any built site (a
/// folder with the build stamp), the site output folder, the content or the templates
/// is refused however the path reaches it (`PrintOutputGuard`); nothing from a
/// manifest is printed to the terminal; files are private (0600) and no temporary
/// copy survives a signal (`PrivateTemporaries`).
enum PrintCommand {
    static let options: [Arguments.Option] = [
        .init(name: "output", short: "o", takesValue: true, help: "file to write (default: the manifest's name with .html or .pdf)"),
        .init(name: "out-dir", takesValue: true, help: "print every manifest given into this folder, as <manifest name>.html (or .pdf)"),
        .init(name: "large-print", takesValue: false, help: "large print: body text of at least 16 pt"),
        .init(name: "pdf", takesValue: false, help: "write a PDF through headless Chromium, with page numbers and bookmarks (needs chromium and poppler-utils)"),
        .init(name: "content", takesValue: true, help: "content folder (default: content)"),
        .init(name: "templates", takesValue: true, help: "templates folder (default: templates)"),
        .init(name: "site-output", takesValue: true, help: "the public site's folder, never written to (default: output)"),
        .init(name: "today", takesValue: true, help: "the print date, also used for the 730-day rule (YYYY-MM-DD)"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan print MANIFEST [-o FILE] [--large-print] [--pdf]\n       vardplan print MANIFEST... --out-dir DIR [--large-print] [--pdf]"

    /// What every print in one run shares.
    struct Settings {
        var pdf: Bool
        var protected: [(path: String, what: String)]
        var job: PrintJob
    }

    static func run(_ argv: [String]) throws(UsageError) -> ExitCode {
        let started = Clock.now()
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, "Prints patients' care plans from manifests, laid out for A4.", options))
            return .success
        }
        let manifests = arguments.positionals
        guard !manifests.isEmpty else { throw UsageError(.missingArgument("the manifest file (vardplan print MANIFEST)")) }
        let outDirectory = arguments.value("out-dir")
        if outDirectory == nil, manifests.count > 1 {
            Terminal.report(.severalManifestsWithoutOutDirectory)
            return .usage
        }
        if outDirectory != nil, arguments.value("output") != nil {
            Terminal.report(.outputAndOutDirectory)
            return .usage
        }
        let today = try Clock.today(arguments)
        let pdf = arguments.flag("pdf")
        let content = arguments.value("content") ?? "content"
        let templates = arguments.value("templates") ?? "templates"
        let siteOutput = arguments.value("site-output") ?? "output"
        let protected = [(siteOutput, "the public site's output folder"), (content, "the content folder"),
                         (templates, "the templates folder")]

        PrivateTemporaries.installSignalHandlers()
        if pdf, PDFPrinter.engine() == nil {
            Terminal.report(PDFPrinter.missingEngine)
            return .problems
        }
        let output: String
        if let outDirectory {
            if let problem = prepareFolder(outDirectory, protected: protected) {
                Terminal.report(problem)
                return .usage
            }
            output = outDirectory
        } else {
            output = arguments.value("output") ?? defaultOutput(for: manifests[0], pdf: pdf)
            if let problem = PrintOutputGuard.problem(output: output, manifests: manifests, protected: protected) {
                Terminal.report(problem)
                return .usage
            }
        }
        PrivateTemporaries.removeLeftovers(besides: outDirectory ?? PrintOutputGuard.resolvedFolder(of: output))

        let job = PrintJob(content: DiskFileSystem(root: content), contentDisplay: content,
                           templates: DiskFileSystem(root: templates), templatesDisplay: templates,
                           today: today, largePrint: arguments.flag("large-print"),
                           index: IndexCache.store(content: content), templatesIndex: IndexCache.store(content: templates))
        // Kept until the process exits: taking the loaded diagnosis apart object by object
        // was 3 % of a printout's instructions, work that exiting does at once.
        _ = Unmanaged.passRetained(job)
        let settings = Settings(pdf: pdf, protected: protected, job: job)
        guard let outDirectory else {
            guard let steps = printOne(manifests[0], to: output, settings: settings, allManifests: manifests) else { return .problems }
            let elapsed = (Clock.now() - started) * 1000
            Terminal.out("wrote \(output): \(steps) steps in \(LocalTime.decimal(elapsed, places: 0)) ms")
            return .success
        }

        var printed = 0
        var targets: [String: String] = [:]
        for manifest in manifests {
            let name = ((manifest as NSString).lastPathComponent as NSString).deletingPathExtension
            let target = (outDirectory as NSString).appendingPathComponent(name + (pdf ? ".pdf" : ".html"))
            if let first = targets[target] {
                Terminal.report(.printoutsCollide(manifest, first: first, target: target))
                continue
            }
            targets[target] = manifest
            if printOne(manifest, to: target, settings: settings, allManifests: manifests) != nil { printed += 1 }
        }
        let refused = manifests.count - printed
        let elapsed = Clock.now() - started
        Terminal.out("printed \(printed) of \(manifests.count) \(manifests.count == 1 ? "plan" : "plans") into \(outDirectory); \(refused) refused (\(LocalTime.decimal(elapsed, places: 2)) s)")
        return refused == 0 ? .success : .problems
    }

    /// Prints one manifest to `output`; returns the number of steps printed, or nil
    /// when it was refused (the reasons are on stderr).
    private static func printOne(_ manifest: String, to output: String, settings: Settings, allManifests: [String]) -> Int? {
        let manifestStart = SourceLocation(path: manifest, line: 1, column: 1)
        if let problem = PrintOutputGuard.problem(output: output, manifests: allManifests, protected: settings.protected) {
            Terminal.report(problem.at(manifestStart))
            return nil
        }
        let file: SourceFile
        switch ManifestFile.read(manifest) {
        case .success(let read): file = read
        case .failure(let problem):
            Terminal.report(problem.diagnostic.at(manifestStart))
            return nil
        }
        let result = settings.job.print(manifest: file)
        Terminal.report(result.diagnostics)
        guard let bytes = result.bytes else {
            Terminal.error("print failed for \(manifest): \(Terminal.counts(result.diagnostics)); nothing was written")
            return nil
        }
        do {
            if settings.pdf {
                let document = PDFPrinter.Document(
                    render: { numbers in numbers == nil ? result.html : settings.job.print(manifest: file, pageNumbers: numbers).html },
                    headingIDs: result.headingIDs, author: result.author)
                if try PDFPrinter.print(document, to: output) == .withoutPageNumbers {
                    Terminal.report(.pdfPageNumbersUnsettled(manifest, layouts: PDFPrinter.maximumLayouts))
                }
            } else {
                try PrivateFile.write(bytes, to: output)
            }
        } catch let failure as DiagnosticFailure {
            Terminal.report(failure.diagnostic)
            return nil
        } catch {
            Terminal.report(.fileNotWritten(output, explanation: error.localizedDescription))
            return nil
        }
        return result.visibleStepTitles.count
    }

    /// Checks the folder for `--out-dir` and makes it (0700) when it does not exist.
    private static func prepareFolder(_ folder: String, protected: [(path: String, what: String)]) -> Diagnostic? {
        if let problem = PrintOutputGuard.folderProblem(folder, shownAs: folder, protected: protected) { return problem }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : .printFolderIsFile(folder)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return .printFolderNotMade(folder, reason: error.localizedDescription)
        }
        return nil
    }

    static func defaultOutput(for manifest: String, pdf: Bool) -> String {
        let base = (manifest as NSString).deletingPathExtension
        return base + (pdf ? ".pdf" : ".html")
    }
}
