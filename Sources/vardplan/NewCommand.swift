import Foundation
import VardplanCore
import VardplanDiagnostics

/// `vardplan new step|section|module PATH "Title"`: writes a new item with valid front
/// matter, named with the next free order prefix in its folder.
enum NewCommand {
    static let options: [Arguments.Option] = [
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan new step|section|module FOLDER/NAME \"Title\""

    static func run(_ argv: [String]) throws(UsageError) -> ExitCode {
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, """
                Writes a new step file, or a section or module folder with its metadata file, in FOLDER.
                NAME becomes the id; the file or folder gets the next free order prefix (03-NAME)
                unless NAME has one. Example:
                  vardplan new step content/diagnoses/brostcancer/04-utredning/01-din-utredning/provsvar "Att få provsvar"
                """, options))
            return .success
        }
        let positionals = arguments.positionals
        guard let kindName = positionals.first else { throw UsageError(.missingArgument("what to make: step, section or module")) }
        guard let kind = ContentScaffold.Kind(rawValue: kindName) else {
            throw UsageError(.badOptionValue(option: "new", value: kindName, expected: "step, section or module"))
        }
        guard positionals.count >= 2 else { throw UsageError(.missingArgument("FOLDER/NAME of the new \(kindName)")) }
        guard positionals.count >= 3 else { throw UsageError(.missingArgument("the title, in quotes")) }
        if positionals.count > 3 { throw UsageError(.extraArgument(positionals[3])) }
        var path = positionals[1]
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(".md") { path.removeLast(3) }
        let slash = path.lastIndex(of: "/")
        let parent = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            Terminal.report(.newFolderMissing(parent))
            return .problems
        }
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        let plan: ContentScaffold.Plan
        do {
            plan = try ContentScaffold.plan(kind: kind, name: name, title: positionals[2], siblings: siblings)
        } catch {
            Terminal.report(.newItemRefused(reason: error.message))
            return .problems
        }
        let target = (parent == "." ? "" : parent == "/" ? "/" : parent + "/") + plan.relativePath
        do {
            if let folder = plan.folder {
                try FileManager.default.createDirectory(atPath: parent + "/" + folder, withIntermediateDirectories: false)
            }
            guard FileManager.default.createFile(atPath: target, contents: Data(plan.text.utf8)) else {
                Terminal.report(.fileNotWrittenCheckFolder(target))
                return .problems
            }
        } catch {
            Terminal.report(.folderNotCreated(parent + "/" + (plan.folder ?? "")))
            return .problems
        }
        Terminal.out("wrote \(target)")
        if kind != .step {
            Terminal.out("next: add a step inside it with 'vardplan new step \(parent)/\(plan.folder ?? "")/NAME \"Title\"'")
        }
        return .success
    }
}
