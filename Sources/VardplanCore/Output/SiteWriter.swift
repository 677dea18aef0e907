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
        let staging = try begin()
        let counts: (written: Int, unchanged: Int)
        do {
            counts = try staging.accept(files)
        } catch {
            staging.abort()
            throw error
        }
        var report = try staging.commit(paths: files.map(\.path))
        report.written = counts.written
        report.unchanged = counts.unchanged
        return report
    }

    /// Starts a write: pages go into a staging folder beside the output as they come
    /// (`accept`), then `commit` swaps it in, or `abort` throws it away.
    public func begin() throws(WriteError) -> Staging {
        let slash = outputPath.lastIndex(of: "/")
        let parent = slash.map { String(outputPath[..<$0]) } ?? ""
        let name = slash.map { String(outputPath[outputPath.index(after: $0)...]) } ?? outputPath
        let prefix = parent.isEmpty ? "" : parent + "/"
        let staging = Staging(output: outputPath, folder: prefix + ".\(name).staging-\(getpid())",
                              previous: prefix + ".\(name).previous-\(getpid())")
        Self.removeTree(staging.folder)
        Self.removeAbandonedStaging(in: parent.isEmpty ? "." : parent, name: name)
        guard FileIO.makeDirectories(staging.folder) else {
            throw .io(path: staging.folder, reason: "the staging folder could not be created")
        }
        return staging
    }

    /// A write in progress: a staging folder that receives pages from any thread.
    public struct Staging: PageSink {
        let output: String
        let folder: String
        let previous: String
        let hadOutput: Bool

        init(output: String, folder: String, previous: String) {
            self.output = output
            self.folder = folder
            self.previous = previous
            self.hadOutput = FileIO.isDirectory(output)
        }

        /// Writes pages into the staging folder; an unchanged page is hard-linked
        /// from the current output instead of written.
        public func accept(_ files: [OutputFile]) throws(WriteError) -> (written: Int, unchanged: Int) {
            var folders = Set<String>()
            for file in files {
                if let last = file.path.lastIndex(of: "/") { folders.insert(String(file.path[..<last])) }
            }
            for name in folders.sorted() where !FileIO.makeDirectories(folder + "/" + name) {
                throw .io(path: name, reason: "the folder could not be created")
            }
            let output = self.output, folder = self.folder, hadOutput = self.hadOutput
            let outcomes = ParallelMap.map(files) { file -> Outcome in
                let target = folder + "/" + file.path
                let old = output + "/" + file.path
                if hadOutput, let existing = FileIO.read(old), existing == file.bytes, link(old, target) == 0 {
                    return .unchanged
                }
                return FileIO.write(file.bytes, to: target) ? .written : .failed(file.path)
            }
            var counts = (written: 0, unchanged: 0)
            for outcome in outcomes {
                switch outcome {
                case .written: counts.written += 1
                case .unchanged: counts.unchanged += 1
                case .failed(let path): throw .io(path: path, reason: String(cString: strerror(errno)))
                }
            }
            return counts
        }

        /// Throws the staging folder away; the output stays as it was.
        public func abort() {
            SiteWriter.removeTree(folder)
        }

        /// Swaps the staging folder in. `paths` are the pages of the build, to count
        /// the stale files left out. Top-level dot entries of the old output are kept.
        public func commit(paths: [String]) throws(WriteError) -> Report {
            var report = Report()
            guard hadOutput else {
                guard rename(folder, output) == 0 else {
                    let reason = String(cString: strerror(errno))
                    abort()
                    throw .io(path: output, reason: reason)
                }
                return report
            }
            let newPaths = Set(paths)
            report.removed = FileIO.files(below: output).filter { !newPaths.contains($0) && !$0.hasPrefix(".") }.count
            // Dot entries at the top are the user's: carry them over by rename, and back on failure.
            let kept = (FileIO.entries(output) ?? []).map(\.name).filter { $0.hasPrefix(".") && !newPaths.contains($0) }
            for name in kept { rename(output + "/" + name, folder + "/" + name) }
            func giveBack() {
                for name in kept { rename(folder + "/" + name, output + "/" + name) }
            }
            guard rename(output, previous) == 0 else {
                let reason = String(cString: strerror(errno))
                giveBack()
                abort()
                throw .io(path: output, reason: "the old output could not be moved aside: " + reason)
            }
            guard rename(folder, output) == 0 else {
                let reason = String(cString: strerror(errno))
                rename(previous, output)
                giveBack()
                abort()
                throw .io(path: output, reason: "the new output could not be moved in: " + reason)
            }
            SiteWriter.removeTree(previous)
            return report
        }
    }

    /// Removes staging and previous-output folders left by builds that were stopped
    /// (Ctrl-C, a crash): those whose process no longer runs.
    static func removeAbandonedStaging(in parent: String, name: String) {
        for entry in FileIO.entries(parent) ?? [] where entry.isDirectory {
            for marker in [".\(name).staging-", ".\(name).previous-"] where entry.name.hasPrefix(marker) {
                guard let pid = Int32(entry.name.dropFirst(marker.count)), pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH {
                    removeTree(parent + "/" + entry.name)
                }
            }
        }
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
