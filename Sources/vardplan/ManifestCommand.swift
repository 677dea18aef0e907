import Foundation
import VardplanCore
import VardplanDiagnostics

/// `vardplan manifest new DIAGNOSIS`: the nurse's start — every module with its default
/// status and every step with its default visibility.
enum ManifestCommand {
    static let options: [Arguments.Option] = [
        .init(name: "output", short: "o", takesValue: true, help: "file to write (default: print to the terminal)"),
        .init(name: "content", takesValue: true, help: "content folder (default: content)"),
        .init(name: "today", takesValue: true, help: "start date of the plan (YYYY-MM-DD, default today)"),
        .init(name: "force", takesValue: false, help: "replace the file if it exists"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan manifest new DIAGNOSIS [-o FILE]"

    static func run(_ argv: [String]) throws(UsageError) -> ExitCode {
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") || arguments.positionals.isEmpty {
            Terminal.out(Help.text(usage, "Writes a new manifest for one patient, listing every module and step.", options))
            return arguments.flag("help") ? .success : .usage
        }
        guard arguments.positionals[0] == "new" else {
            throw UsageError(.unknownCommand("manifest " + arguments.positionals[0],
                                             suggestion: NameSuggester.suggestion(for: arguments.positionals[0], among: ["new"]).map { "manifest " + $0 }))
        }
        guard arguments.positionals.count >= 2 else { throw UsageError(.missingArgument("the diagnosis id (vardplan manifest new brostcancer)")) }
        if arguments.positionals.count > 2 { throw UsageError(.extraArgument(arguments.positionals[2])) }
        let id = arguments.positionals[1]
        let today = try Clock.today(arguments)
        let content = arguments.value("content") ?? "content"
        let result = ContentPipeline.run(fileSystem: DiskFileSystem(root: content), displayRoot: content, today: today)
        if result.diagnostics.hasErrors {
            Terminal.report(result.diagnostics)
            Terminal.error("the content has errors; fix them first (vardplan check)")
            return .problems
        }
        guard let model = result.model, let diagnosis = model.diagnosis(withID: id) else {
            let ids = result.model?.diagnoses.map(\.id) ?? []
            let hint = NameSuggester.didYouMean(id, among: ids)
            Terminal.report(.unknownDiagnosis(id, hint: hint, known: ids))
            return .problems
        }
        let text = ManifestTemplateWriter.write(for: diagnosis, startDate: today, language: model.config.language)
        guard let output = arguments.value("output") else {
            Terminal.out(text, terminator: "")
            return .success
        }
        let protected = [("output", "the public site's output folder"), (content, "the content folder")]
        if let problem = PrintOutputGuard.problem(output: output, protected: protected, holder: "a manifest") {
            Terminal.report(problem)
            return .usage
        }
        PrivateTemporaries.installSignalHandlers()
        if FileManager.default.fileExists(atPath: output) && !arguments.flag("force") {
            Terminal.report(.manifestExists(output))
            return .problems
        }
        do {
            try PrivateFile.write(Array(text.utf8), to: output)
        } catch let failure as DiagnosticFailure {
            Terminal.report(failure.diagnostic)
            return .problems
        } catch {
            Terminal.report(.fileNotWritten(output, explanation: error.localizedDescription))
            return .problems
        }
        Terminal.out("wrote \(output): \(diagnosis.modules.count) modules, \(diagnosis.steps.count) steps")
        return .success
    }
}
