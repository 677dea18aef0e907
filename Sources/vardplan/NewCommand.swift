import Foundation
import VardplanCore

/// `vardplan new step|section|module PATH "Title"`: writes a new item with valid front
/// matter, named with the next free order prefix in its folder.
enum NewCommand {
    static let options: [Arguments.Option] = [
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan new step|section|module FOLDER/NAME \"Title\""

    static func run(_ argv: [String]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, """
                Writes a new step file, or a section or module folder with its metadata file, in FOLDER.
                NAME becomes the id; the file or folder gets the next free order prefix (03-NAME)
                unless NAME has one. Example:
                  vardplan new step content/diagnoses/brostcancer/04-utredning/01-din-utredning/provsvar "Att få provsvar"
                """, options))
            return 0
        }
        let positionals = arguments.positionals
        guard let kindName = positionals.first else { throw .missingArgument("what to make: step, section or module") }
        guard let kind = ContentScaffold.Kind(rawValue: kindName) else {
            throw .badValue(option: "new", value: kindName, expected: "step, section or module")
        }
        guard positionals.count >= 2 else { throw .missingArgument("FOLDER/NAME of the new \(kindName)") }
        guard positionals.count >= 3 else { throw .missingArgument("the title, in quotes") }
        if positionals.count > 3 { throw .extraArgument(positionals[3]) }
        var path = positionals[1]
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(".md") { path.removeLast(3) }
        let slash = path.lastIndex(of: "/")
        let parent = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            Terminal.error("vardplan: error: the folder '\(parent)' does not exist; give FOLDER/NAME inside an existing folder")
            return 1
        }
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        let plan: ContentScaffold.Plan
        do {
            plan = try ContentScaffold.plan(kind: kind, name: name, title: positionals[2], siblings: siblings)
        } catch {
            Terminal.error("vardplan: error: \(error.message)")
            return 1
        }
        let target = (parent == "." ? "" : parent == "/" ? "/" : parent + "/") + plan.relativePath
        do {
            if let folder = plan.folder {
                try FileManager.default.createDirectory(atPath: parent + "/" + folder, withIntermediateDirectories: false)
            }
            guard FileManager.default.createFile(atPath: target, contents: Data(plan.text.utf8)) else {
                Terminal.error("vardplan: error: cannot write '\(target)'; check the folder's permissions")
                return 1
            }
        } catch {
            Terminal.error("vardplan: error: cannot create '\(parent + "/" + (plan.folder ?? ""))'; check the folder's permissions")
            return 1
        }
        Terminal.out("wrote \(target)")
        if kind != .step {
            Terminal.out("next: add a step inside it with 'vardplan new step \(parent)/\(plan.folder ?? "")/NAME \"Title\"'")
        }
        return 0
    }
}
