#if canImport(Glibc)
import Glibc
#endif

/// Writes a finished build into the output folder, all or nothing, and never over
/// anything it did not write (unless told to with `replaceAnything`, `--force`).
///
/// `begin` resolves the output (a symbolic link to a folder means its target), takes
/// the output's lock, recovers from stopped builds (`AbandonedBuilds`), and refuses a
/// folder that holds anything a build did not write (`OutputSurvey`) — all before
/// anything is rendered. The new tree is assembled in a staging folder beside the
/// output: files whose bytes did not change are hard-linked from the old output (not
/// rewritten, their modification time kept), changed files are written, files the
/// build no longer makes are left out (stale files disappear), and the build stamp is
/// written last. `commit` swaps it in with one atomic exchange (`FolderExchange`), so
/// the output is always a complete site, and keeps the old copy beside it as the spare
/// that the next build starts its staging folder from (`SpareOutput`). If anything fails,
/// the staging folder is removed and the previous output stays as it was. Files and
/// folders whose names start with `.` at the top of the output folder (a `.gitignore`,
/// a deploy repo's `.git`) are kept. The rules: docs/output-safety.md.
public struct SiteWriter: Sendable {
    public struct Report: Equatable, Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    /// Where a swap can be stopped, for tests that stop a build there (kill -9).
    public enum Checkpoint: String, Sendable {
        /// Dot entries moved into the staging folder; the output not yet swapped.
        case beforeSwap = "before-swap"
        /// Two-rename fallback: the old output moved aside, the new one not yet in.
        case betweenRenames = "between-renames"
        /// The new output in place; the old copy not yet removed.
        case afterSwap = "after-swap"
    }

    let outputPath: String
    let replaceAnything: Bool
    /// Whether to try the atomic exchange; false tests the two-rename fallback.
    var useExchange = true
    /// Called at each checkpoint of a swap (tests only).
    var checkpoint: (@Sendable (Checkpoint) -> Void)?

    /// A writer for `outputPath`. With `replaceAnything` (`--force`), a folder that holds
    /// files a build did not write is replaced too (its top-level dot entries are kept).
    public init(outputPath: String, replaceAnything: Bool = false) {
        self.outputPath = outputPath
        self.replaceAnything = replaceAnything
    }

    /// A writer whose swaps stop at `checkpoint` and may skip the atomic exchange (tests).
    public init(outputPath: String, replaceAnything: Bool = false, useExchange: Bool,
                checkpoint: (@Sendable (Checkpoint) -> Void)?) {
        self.init(outputPath: outputPath, replaceAnything: replaceAnything)
        self.useExchange = useExchange
        self.checkpoint = checkpoint
    }

    /// Replaces the output folder's content with `files`, adding a build stamp (with an
    /// empty fingerprint) when they have none, so that a later write may replace it.
    public func write(_ files: [OutputFile]) throws(WriteError) -> Report {
        var files = files
        if !files.contains(where: { $0.path == BuildStamp.fileName }) {
            files.append(BuildStamp(fingerprint: "", files: files).outputFile)
        }
        let staging = try begin()
        let counts: (written: Int, unchanged: Int)
        do {
            counts = try staging.accept(files.filter { $0.path != BuildStamp.fileName })
            _ = try staging.accept(files.filter { $0.path == BuildStamp.fileName })
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
    /// (`accept`), then `commit` swaps it in, or `abort` throws it away. Throws, before
    /// anything is rendered: `.notAFolder`, `.linkToNonFolder`, `.danglingLink`,
    /// `.busy` (another build holds the lock), `.notReplaceable`, `.io`.
    public func begin() throws(WriteError) -> Staging {
        let location = try OutputLocation.resolve(outputPath)
        let lock = try OutputLock.acquire(location)
        let restored = AbandonedBuilds.restoreMissingOutput(location)
        AbandonedBuilds.giveBackDotEntries(location)
        if FolderTree.kind(location.path) == .folder && access(location.path, R_OK | W_OK | X_OK) != 0 {
            // An unreadable folder would look empty; refuse it instead.
            let reason = String(cString: strerror(errno))
            lock.release()
            throw .io(path: outputPath, reason: "the folder cannot be read and changed: " + reason)
        }
        // The file system's time now, from the lock file's change time: `commit` trusts
        // folder times older than this (`FolderTimes`).
        let reference = utimensat(AT_FDCWD, location.lockPath, nil, 0) == 0
            ? FolderTimes.changeTime(location.lockPath) : nil
        let stamp = BuildStamp.read(outputPath: location.path)
        // The stamp's files by folder, made once: for the survey, and for the mirror of
        // the output that the staging folder may start from (`SpareOutput`).
        let listed = stamp?.filesByFolder
        let survey = OutputSurvey.survey(location.path, stamp: .some(stamp), listed: listed)
        if !survey.isReplaceable && !replaceAnything {
            lock.release()
            throw .notReplaceable(path: outputPath, survey: survey)
        }
        let times = survey.isReplaceable && reference != nil
            ? FolderTimes.read(root: location.path, holding: survey.filePaths) : nil
        let staging = Staging(location: location, lock: lock, writer: self, restoredFrom: restored, stamp: stamp,
                              stampIsIntact: survey.stampIsIntact, outputIsOurs: survey.isReplaceable, listed: listed,
                              survey: times.map { (survey, $0, reference!) })
        if FolderTree.kind(staging.folder) != nil {
            // Left by an earlier process with our (reused) id.
            guard AbandonedBuilds.isComplete(location.path) else {
                lock.release()
                throw .io(path: staging.folder, reason: "a folder left by a stopped build is in the way; move it away")
            }
            AbandonedBuilds.remove(staging.folder, givingBackTo: location)
        }
        guard mkdir(staging.folder, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            lock.release()
            throw .io(path: staging.folder, reason: "the staging folder could not be created: " + reason)
        }
        return staging
    }
}
