import Foundation

/// Writes a finished build into the output folder, all or nothing.
///
/// The new tree is assembled in a staging folder beside the output: files whose
/// bytes did not change are hard-linked from the old output (not rewritten, their
/// modification time kept), changed files are written, files the build no longer
/// makes are left out (stale files disappear). Then the staging folder is swapped in
/// by renames. If anything fails, the staging folder is removed and the previous
/// output stays as it was. Files and folders whose names start with `.` at the top
/// of the output folder (a `.gitignore`, a deploy repo's `.git`) are kept.
public struct SiteWriter {
    public struct Report: Equatable, Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public enum WriteError: Error, CustomStringConvertible {
        case io(path: String, reason: String)

        public var description: String {
            switch self {
            case .io(let path, let reason): return "cannot write '\(path)': \(reason)"
            }
        }
    }

    let outputPath: String
    let fileManager = FileManager.default

    public init(outputPath: String) {
        self.outputPath = outputPath.hasSuffix("/") && outputPath.count > 1 ? String(outputPath.dropLast()) : outputPath
    }

    /// Replaces the output folder's content with `files`.
    public func write(_ files: [OutputFile]) throws(WriteError) -> Report {
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        let staging = (parent.isEmpty ? "" : parent + "/") + ".\(name).staging-\(getpid())"
        let previous = (parent.isEmpty ? "" : parent + "/") + ".\(name).previous-\(getpid())"
        try? fileManager.removeItem(atPath: staging)
        var report = Report()
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let hadOutput = fileManager.fileExists(atPath: outputPath)
            let oldFiles = hadOutput ? listFiles(outputPath) : []
            var newPaths = Set<String>()
            for file in files {
                newPaths.insert(file.path)
                let target = staging + "/" + file.path
                try fileManager.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
                let old = outputPath + "/" + file.path
                if hadOutput, let existing = fileManager.contents(atPath: old), existing.elementsEqual(file.bytes) {
                    if link(old, target) == 0 {
                        report.unchanged += 1
                        continue
                    }
                }
                guard fileManager.createFile(atPath: target, contents: Data(file.bytes)) else {
                    throw WriteError.io(path: file.path, reason: "the file could not be created")
                }
                report.written += 1
            }
            for old in oldFiles where !newPaths.contains(old) {
                if old.hasPrefix(".") {
                    try fileManager.copyItem(atPath: outputPath + "/" + old, toPath: staging + "/" + old)
                } else if !old.contains("/.") {
                    report.removed += 1
                }
            }
            if hadOutput {
                try fileManager.moveItem(atPath: outputPath, toPath: previous)
                do {
                    try fileManager.moveItem(atPath: staging, toPath: outputPath)
                } catch {
                    try? fileManager.moveItem(atPath: previous, toPath: outputPath)
                    throw error
                }
                try? fileManager.removeItem(atPath: previous)
            } else {
                try fileManager.moveItem(atPath: staging, toPath: outputPath)
            }
        } catch let error as WriteError {
            try? fileManager.removeItem(atPath: staging)
            throw error
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw WriteError.io(path: outputPath, reason: (error as NSError).localizedDescription)
        }
        return report
    }

    /// Relative paths of every file below a folder; top-level dot entries are listed whole.
    private func listFiles(_ root: String) -> [String] {
        var result: [String] = []
        for top in ((try? fileManager.contentsOfDirectory(atPath: root)) ?? []).sorted() {
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: root + "/" + top, isDirectory: &isDirectory)
            if top.hasPrefix(".") || !isDirectory.boolValue {
                result.append(top)
                continue
            }
            let enumerator = fileManager.enumerator(atPath: root + "/" + top)
            while let sub = enumerator?.nextObject() as? String {
                var subIsDirectory: ObjCBool = false
                _ = fileManager.fileExists(atPath: root + "/" + top + "/" + sub, isDirectory: &subIsDirectory)
                if !subIsDirectory.boolValue { result.append(top + "/" + sub) }
            }
        }
        return result
    }
}
