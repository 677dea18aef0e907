#if canImport(Glibc)
import Glibc
#endif

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

    public init(outputPath: String) {
        self.outputPath = outputPath.hasSuffix("/") && outputPath.count > 1 ? String(outputPath.dropLast()) : outputPath
    }

    /// What happened to one file.
    private enum Outcome: Sendable { case written, unchanged, failed(String) }

    /// Replaces the output folder's content with `files`.
    public func write(_ files: [OutputFile]) throws(WriteError) -> Report {
        let slash = outputPath.lastIndex(of: "/")
        let parent = slash.map { String(outputPath[..<$0]) } ?? ""
        let name = slash.map { String(outputPath[outputPath.index(after: $0)...]) } ?? outputPath
        let prefix = parent.isEmpty ? "" : parent + "/"
        let staging = prefix + ".\(name).staging-\(getpid())"
        let previous = prefix + ".\(name).previous-\(getpid())"
        let output = outputPath
        Self.removeTree(staging)

        guard FileIO.makeDirectories(staging) else {
            throw .io(path: staging, reason: "the staging folder could not be created")
        }
        let hadOutput = FileIO.isDirectory(output)
        // Folders first, once each, then the files on every core.
        var folders = Set<String>()
        for file in files {
            if let last = file.path.lastIndex(of: "/") { folders.insert(String(file.path[..<last])) }
        }
        for folder in folders.sorted() where !FileIO.makeDirectories(staging + "/" + folder) {
            Self.removeTree(staging)
            throw .io(path: folder, reason: "the folder could not be created")
        }
        let outcomes = ParallelMap.map(files) { file -> Outcome in
            let target = staging + "/" + file.path
            let old = output + "/" + file.path
            if hadOutput, let existing = FileIO.read(old), existing == file.bytes, link(old, target) == 0 {
                return .unchanged
            }
            return FileIO.write(file.bytes, to: target) ? .written : .failed(file.path)
        }
        var report = Report()
        for outcome in outcomes {
            switch outcome {
            case .written: report.written += 1
            case .unchanged: report.unchanged += 1
            case .failed(let path):
                Self.removeTree(staging)
                throw .io(path: path, reason: String(cString: strerror(errno)))
            }
        }
        if hadOutput {
            let newPaths = Set(files.map(\.path))
            report.removed = FileIO.files(below: output).filter { !newPaths.contains($0) && !$0.hasPrefix(".") }.count
            // Dot entries at the top are the user's: carry them over by rename, and back on failure.
            let kept = (FileIO.entries(output) ?? []).map(\.name).filter { $0.hasPrefix(".") && !newPaths.contains($0) }
            for name in kept { rename(output + "/" + name, staging + "/" + name) }
            func giveBack(from folder: String) {
                for name in kept { rename(folder + "/" + name, output + "/" + name) }
            }
            guard rename(output, previous) == 0 else {
                let reason = String(cString: strerror(errno))
                giveBack(from: staging)
                Self.removeTree(staging)
                throw .io(path: output, reason: "the old output could not be moved aside: " + reason)
            }
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                rename(previous, output)
                giveBack(from: staging)
                Self.removeTree(staging)
                throw .io(path: output, reason: "the new output could not be moved in: " + reason)
            }
            Self.removeTree(previous)
        } else if rename(staging, output) != 0 {
            Self.removeTree(staging)
            throw .io(path: output, reason: String(cString: strerror(errno)))
        }
        return report
    }

    /// Removes a folder and everything in it; nothing when it does not exist. Symbolic
    /// links are removed, never followed.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for entry in FileIO.entries(path) ?? [] { removeTree(path + "/" + entry.name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
