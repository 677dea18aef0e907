import VardplanCore

/// `vardplan check`: loads the whole content tree and reports every problem at once.
enum CheckCommand {
    static let options: [Arguments.Option] = [
        .init(name: "content", takesValue: true, help: "content folder (default: content)"),
        .init(name: "today", takesValue: true, help: "date to check review dates against (YYYY-MM-DD)"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan check [--content DIR] [--today YYYY-MM-DD]"

    static func run(_ argv: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, "Checks every file of the content folder and reports every problem.", options))
            return 0
        }
        if let extra = arguments.positionals.first { throw .extraArgument(extra) }
        let today = try Clock.today(arguments)
        let root = arguments.value("content") ?? "content"
        let result = ContentPipeline.run(fileSystem: DiskFileSystem(root: root), displayRoot: root, today: today)
        Terminal.report(result.diagnostics)
        if result.diagnostics.hasErrors {
            Terminal.error("check failed: \(Terminal.counts(result.diagnostics))")
            return 1
        }
        let summary = result.summary.map(\.line) ?? "nothing found"
        let warnings = result.diagnostics.warningCount
        Terminal.out("checked \(root): \(summary)" + (warnings > 0 ? " (\(Terminal.counts(result.diagnostics)))" : ""))
        return 0
    }
}
