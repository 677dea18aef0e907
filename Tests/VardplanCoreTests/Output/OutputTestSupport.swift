import Foundation
@testable import VardplanCore
import VardplanSystem

/// A scratch folder for output tests, and small ways to lay out and read a disk state.
struct OutputScratch {
    let root: String

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-output-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `text` at `path` below the root, making folders.
    func file(_ path: String, _ text: String = "x") {
        let full = root + "/" + path
        FileIO.makeDirectories(String(full[..<full.lastIndex(of: "/")!]))
        _ = FileIO.write(Array(text.utf8), to: full)
    }

    func folder(_ path: String) { FileIO.makeDirectories(root + "/" + path) }

    /// Every file below the root (links not followed), relative, sorted.
    var files: [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            for entry in FolderTree.entries(relative.isEmpty ? root : root + "/" + relative) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.kind == .folder { walk(path) } else { result.append(path) }
            }
        }
        walk("")
        return result
    }

    /// The names at the root, sorted.
    var names: [String] { FolderTree.entries(root).map(\.name) }

    func read(_ path: String) -> String? { FileIO.read(root + "/" + path).map { String(decoding: $0, as: UTF8.self) } }

    /// A complete site made by hand, as a writer would have left it: pages and a stamp.
    func site(_ folder: String, _ pages: [String: String]) {
        let files = pages.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value) }
        for page in files { file(folder + "/" + page.path, String(decoding: page.bytes, as: UTF8.self)) }
        let stamp = BuildStamp(fingerprint: "0123456789abcdef", files: files).outputFile
        file(folder + "/" + stamp.path, String(decoding: stamp.bytes, as: UTF8.self))
    }

    /// A process id that no running process has.
    static let deadPID: Int32 = {
        var pid: Int32 = 999_999
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }()
}

extension [OutputFile] {
    static func pages(_ pages: [String: String]) -> [OutputFile] {
        pages.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value) }
    }
}
