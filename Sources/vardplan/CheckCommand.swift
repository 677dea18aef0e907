import Foundation
import VardplanCore

/// `vardplan check`: loads the whole content tree and reports every problem at once.
enum CheckCommand {
    static let options: [Arguments.Option] = [
        .init(name: "content", takesValue: true, help: "content folder (default: content)"),
        .init(name: "templates", takesValue: true, help: "templates folder whose strings files are checked (default: templates, when it exists)"),
        .init(name: "today", takesValue: true, help: "date to check review dates against (YYYY-MM-DD)"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan check [--content DIR] [--templates DIR] [--today YYYY-MM-DD]"

    static func run(_ argv: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, "Checks every file of the content folder and reports every problem.", options))
            return 0
        }
        if let extra = arguments.positionals.first { throw .extraArgument(extra) }
        let today = try Clock.today(arguments)
        let root = arguments.value("content") ?? "content"
        var result = ContentPipeline.run(fileSystem: DiskFileSystem(root: root), displayRoot: root, today: today)
        // The templates' strings files: every site language needs every string.
        let templates = arguments.value("templates") ?? "templates"
        var isFolder: ObjCBool = false
        if let config = result.model?.config,
           arguments.value("templates") != nil || (FileManager.default.fileExists(atPath: templates, isDirectory: &isFolder) && isFolder.boolValue) {
            let loaded = TemplateFolderLoader(fileSystem: DiskFileSystem(root: templates), displayRoot: templates)
                .loadAll(required: [], diagnostics: &result.diagnostics)
            loaded.strings.check(languages: config.languages, reference: config.language, diagnostics: &result.diagnostics)
        }
        Terminal.report(result.diagnostics)
        if result.diagnostics.hasErrors {
            Terminal.error("check failed: \(Terminal.counts(result.diagnostics))")
            return 1
        }
        let summary = result.summary.map(\.line) ?? "nothing found"
        let warnings = result.diagnostics.warningCount
        Terminal.out("checked \(root): \(summary)" + (warnings > 0 ? " (\(Terminal.counts(result.diagnostics)))" : ""))
        if let coverage = result.model.map(TranslationCoverage.init)?.line { Terminal.out(coverage) }
        return 0
    }
}
