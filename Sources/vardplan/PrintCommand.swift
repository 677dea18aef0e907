import Foundation
import VardplanCore

/// `vardplan print MANIFEST`: one patient's care plan as a self-contained A4 page.
///
/// Patient data never goes to the public site: an output inside the site's output
/// folder (or the content or templates) is refused, and nothing from the manifest is
/// printed to the terminal.
enum PrintCommand {
    static let options: [Arguments.Option] = [
        .init(name: "output", short: "o", takesValue: true, help: "file to write (default: the manifest's name with .html or .pdf)"),
        .init(name: "large-print", takesValue: false, help: "large print: body text of at least 16 pt"),
        .init(name: "pdf", takesValue: false, help: "write a PDF through headless Chromium or WeasyPrint"),
        .init(name: "content", takesValue: true, help: "content folder (default: content)"),
        .init(name: "templates", takesValue: true, help: "templates folder (default: templates)"),
        .init(name: "site-output", takesValue: true, help: "the public site's folder, never written to (default: output)"),
        .init(name: "today", takesValue: true, help: "the print date, also used for the 730-day rule (YYYY-MM-DD)"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan print MANIFEST [-o FILE] [--large-print] [--pdf]"

    static func run(_ argv: [String]) throws(UsageError) -> Int32 {
        let started = Clock.now()
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, "Prints one patient's care plan from a manifest, laid out for A4.", options))
            return 0
        }
        guard let manifestPath = arguments.positionals.first else { throw .missingArgument("the manifest file (vardplan print MANIFEST)") }
        if arguments.positionals.count > 1 { throw .extraArgument(arguments.positionals[1]) }
        let today = try Clock.today(arguments)
        let pdf = arguments.flag("pdf")
        let content = arguments.value("content") ?? "content"
        let templates = arguments.value("templates") ?? "templates"
        let siteOutput = arguments.value("site-output") ?? "output"
        let output = arguments.value("output") ?? defaultOutput(for: manifestPath, pdf: pdf)

        if let problem = PrintOutputGuard.problem(output: output, manifest: manifestPath,
                                                  protected: [siteOutput, content, templates]) {
            Terminal.error("vardplan: error: \(problem)")
            return 2
        }
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            Terminal.error("\(manifestPath):1:1: error: cannot read the manifest; check the path (create one with 'vardplan manifest new DIAGNOSIS')")
            return 1
        }
        let file = SourceFile(path: manifestPath, bytes: [UInt8](data))
        let result = PrintJob.run(
            manifest: file, content: DiskFileSystem(root: content), contentDisplay: content,
            templates: DiskFileSystem(root: templates), templatesDisplay: templates,
            today: today, largePrint: arguments.flag("large-print"))
        Terminal.report(result.diagnostics)
        guard let html = result.html else {
            Terminal.error("print failed: \(Terminal.counts(result.diagnostics)); nothing was written")
            return 1
        }
        do {
            if pdf {
                try PDFPrinter.print(html: html, to: output)
            } else {
                try AtomicFile.write(Array(html.utf8), to: output)
            }
        } catch let error as PDFPrinter.Failure {
            Terminal.error("vardplan: error: \(error.message)")
            return 1
        } catch {
            Terminal.error("vardplan: error: cannot write '\(output)': \(error.localizedDescription)")
            return 1
        }
        let elapsed = (Clock.now() - started) * 1000
        Terminal.out("wrote \(output): \(result.visibleStepTitles.count) steps in \(String(format: "%.0f", elapsed)) ms")
        return 0
    }

    static func defaultOutput(for manifest: String, pdf: Bool) -> String {
        let base = (manifest as NSString).deletingPathExtension
        return base + (pdf ? ".pdf" : ".html")
    }
}

/// Refuses printout paths that would publish patient data or overwrite the manifest.
enum PrintOutputGuard {
    static func problem(output: String, manifest: String, protected: [String]) -> String? {
        let target = OutputGuard.absolute(output)
        if target == OutputGuard.absolute(manifest) {
            return "the printout would overwrite the manifest '\(manifest)'; choose another file with -o"
        }
        for folder in protected {
            let path = OutputGuard.absolute(folder)
            if target == path || target.hasPrefix(path + "/") {
                return "'\(output)' is inside '\(folder)'; a printout holds patient data and must never be written into the public site or the content: choose a file outside it with -o"
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            return "'\(output)' is a folder; give a file name with -o, such as min-vardplan.html"
        }
        return nil
    }
}

/// Writes a file through a temporary file and a rename, so a reader never sees half of it.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
