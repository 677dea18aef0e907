import Foundation
import VardplanCore
import VardplanDiagnostics

/// `vardplan check`: loads the whole content tree and reports every problem at once.
///
/// `--format text` (the default) prints for people on stderr, with the summary after;
/// `json` and `github` print the diagnostics, and only them, on stdout for tools, and
/// the summary lines on stderr. `--strict` makes every warning an error.
enum CheckCommand {
    static let options: [Arguments.Option] = [
        .init(name: "content", takesValue: true, help: "content folder (default: content)"),
        .init(name: "templates", takesValue: true, help: "templates folder whose strings files are checked (default: templates, when it exists)"),
        .init(name: "today", takesValue: true, help: "date to check review dates against (YYYY-MM-DD)"),
        .init(name: "format", takesValue: true, help: "text (default), json (for tools) or github (GitHub Actions annotations)"),
        .init(name: "strict", takesValue: false, help: "count warnings as errors: print them as errors and fail"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan check [--content DIR] [--templates DIR] [--today YYYY-MM-DD] [--format text|json|github] [--strict]"

    static func run(_ argv: [String]) throws(UsageError) -> ExitCode {
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, "Checks every file of the content folder and reports every problem.", options))
            return .success
        }
        if let extra = arguments.positionals.first { throw UsageError(.extraArgument(extra)) }
        let format = try DiagnosticFormat.option(arguments)
        let today = try Clock.today(arguments)
        let root = arguments.value("content") ?? "content"
        var result = ContentPipeline.run(fileSystem: DiskFileSystem(root: root), displayRoot: root, today: today)
        IndexCache.refresh(content: root)
        // The templates' strings files: every site language needs every string.
        let templates = arguments.value("templates") ?? "templates"
        var isFolder: ObjCBool = false
        if let config = result.model?.config,
           arguments.value("templates") != nil || (FileManager.default.fileExists(atPath: templates, isDirectory: &isFolder) && isFolder.boolValue) {
            let loaded = TemplateFolderLoader(fileSystem: DiskFileSystem(root: templates), displayRoot: templates)
                .loadAll(required: [], diagnostics: &result.diagnostics)
            loaded.strings.check(languages: config.languages, reference: config.language, diagnostics: &result.diagnostics)
        }
        let diagnostics = arguments.flag("strict") ? result.diagnostics.strict : result.diagnostics
        Terminal.report(diagnostics, format: format)
        // The summary is for people: on stdout in the text format, else on stderr, so that
        // stdout holds only the diagnostics.
        let summaryLine: (String) -> Void = format == .text ? { Terminal.out($0) } : { Terminal.error($0) }
        if diagnostics.hasErrors {
            Terminal.error("check failed: \(Terminal.counts(diagnostics))")
            return .problems
        }
        let summary = result.summary.map(\.line) ?? "nothing found"
        let warnings = diagnostics.warningCount
        summaryLine("checked \(root): \(summary)" + (warnings > 0 ? " (\(Terminal.counts(diagnostics)))" : ""))
        if let coverage = result.model.map(TranslationCoverage.init)?.line { summaryLine(coverage) }
        return .success
    }
}

extension DiagnosticFormat {
    /// The `--format` option's value (default text).
    static func option(_ arguments: Arguments) throws(UsageError) -> DiagnosticFormat {
        guard let text = arguments.value("format") else { return .text }
        guard let format = DiagnosticFormat(rawValue: text) else {
            throw UsageError(.badOptionValue(option: "--format", value: text, expected: "text, json or github"))
        }
        return format
    }
}
