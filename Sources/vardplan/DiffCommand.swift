import Foundation
import VardplanCore
import VardplanDiagnostics

/// `vardplan diff OLD NEW`: what changed between two versions of a content tree.
enum DiffCommand {
    static let options: [Arguments.Option] = [
        .init(name: "format", takesValue: true, help: "text (default) or json"),
        .init(name: "changes", takesValue: false, help: "print the 'changes:' entry of each diagnosis, for _diagnosis.md"),
        .init(name: "write-changes", takesValue: false, help: "add that entry to each diagnosis's _diagnosis.md in NEW"),
        .init(name: "today", takesValue: true, help: "date to check review dates against (YYYY-MM-DD)"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan diff OLD_CONTENT NEW_CONTENT [--format text|json] [--changes] [--write-changes]"

    static func run(_ argv: [String]) throws(UsageError) -> ExitCode {
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, """
                Lists, per diagnosis, the modules, sections and steps added, removed, renamed (the new
                one has the old id in 'aliases') or changed (title, body, visible, phases, place).
                --write-changes records the steps whose text changed and those removed in 'changes:'
                of NEW's _diagnosis.md, under NEW's version, for the drift warning of 'print'.
                """, options))
            return .success
        }
        let positionals = arguments.positionals
        guard positionals.count >= 1 else { throw UsageError(.missingArgument("the old content folder")) }
        guard positionals.count >= 2 else { throw UsageError(.missingArgument("the new content folder")) }
        if positionals.count > 2 { throw UsageError(.extraArgument(positionals[2])) }
        let format = arguments.value("format") ?? "text"
        guard ["text", "json"].contains(format) else { throw UsageError(.badOptionValue(option: "--format", value: format, expected: "text or json")) }
        let today = try Clock.today(arguments)

        var models: [SiteModel] = []
        for root in positionals {
            let result = ContentPipeline.runWithoutBodies(fileSystem: DiskFileSystem(root: root), displayRoot: root,
                                                          today: today, onlyDiagnosis: nil)
            let errors = result.diagnostics.all.filter { $0.severity == .error }
            guard let model = result.model, errors.isEmpty else {
                var only = Diagnostics()
                for error in errors { only.append(error) }
                Terminal.report(only)
                Terminal.error("diff failed: '\(root)' has \(errors.count) \(errors.count == 1 ? "error" : "errors"); fix them with 'vardplan check --content \(root)'")
                return .problems
            }
            models.append(model)
        }
        let diff = ContentDiff(old: models[0], new: models[1])
        Terminal.out(format == "json" ? ContentDiffFormatter.json(diff) : ContentDiffFormatter.text(diff))
        if arguments.flag("changes") {
            for diagnosis in diff.diagnoses where diagnosis.oldVersion != nil && diagnosis.newVersion != nil {
                Terminal.out("\n# \(diagnosis.id)/_diagnosis.md\nchanges:\n" + ContentDiffFormatter.changesEntry(diagnosis.contentChange))
            }
        }
        guard arguments.flag("write-changes") else { return .success }
        var status = ExitCode.success
        for diagnosis in diff.diagnoses where diagnosis.oldVersion != nil && diagnosis.newVersion != nil {
            // The file in NEW, from its path inside the folder (not from a message's path).
            guard let file = models[1].diagnoses.first(where: { $0.id == diagnosis.id })?.sourcePath else { continue }
            let path = joinPath(positionals[1], file)
            if diagnosis.oldVersion == diagnosis.newVersion {
                Terminal.report(.versionUnchanged(path, version: diagnosis.newVersion!))
                status = .problems
                continue
            }
            let change = diagnosis.contentChange
            guard let data = FileManager.default.contents(atPath: path) else {
                Terminal.report(.fileNotRead(path))
                status = .problems
                continue
            }
            do {
                let text = try ChangesEntryWriter.insert(change, into: String(decoding: data, as: UTF8.self))
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                Terminal.out("wrote changes for \(change.version) to \(path): \(change.changed.count) changed, \(change.removed.count) removed")
            } catch let problem as ChangesEntryWriter.Problem {
                Terminal.report(.changesNotWritten(path, reason: problem.message))
                status = .problems
            } catch {
                Terminal.report(.fileNotWrittenCheckPermissions(path))
                status = .problems
            }
        }
        return status
    }
}
