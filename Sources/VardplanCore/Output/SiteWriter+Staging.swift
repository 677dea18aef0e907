#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import VardplanSystem

extension SiteWriter {
    /// What happened to one file.
    /// What writing one page gave; a failure carries the `errno` read on the thread
    /// that failed, right after the failing call.
    private enum Outcome: Sendable { case written, unchanged, failed(path: String, errno: Int32) }

    /// A write in progress: a staging folder that receives pages from any thread, and
    /// the output's lock, held until `commit`, `abort` or `finishUnchanged`.
    public struct Staging: PageSink {
        let location: OutputLocation
        let lock: OutputLock
        let folder: String
        let previous: String
        let hadOutput: Bool
        let replaceAnything: Bool
        let useExchange: Bool
        let checkpoint: (@Sendable (Checkpoint) -> Void)?
        /// The output's stamp when it is intact (every file it lists is there), else nil.
        public let previousStamp: BuildStamp?
        /// The leftover of a stopped build that was put back as the output, when the
        /// output was missing (`AbandonedBuilds`).
        public let restoredFrom: String?
        /// The survey of the output at `begin`, with its folders' change times and the
        /// file system's time before it: `commit` uses it again when no folder changed.
        let survey: (survey: OutputSurvey, times: FolderTimes, reference: FolderTimes.Time)?
        /// The previous output kept by the last build (`SpareOutput`).
        let spare: String
        /// Whether the spare may become the staging folder: the output is complete and
        /// holds nothing a build did not write.
        let mayUseSpare: Bool
        /// Whether the staging folder is still the empty one `begin` made, or started as
        /// the spare; decided by `willWrite` or the first `accept` or `keep`.
        let start: Start

        /// How the staging folder started.
        final class Start: Sendable {
            enum State: Sendable {
                /// Not decided yet; the output's files by folder, as `begin` read them from
                /// its stamp, for the mirror (nil: no stamp).
                case undecided(listed: [String: [String: Int]]?)
                /// Empty, as `begin` made it.
                case empty
                /// The spare, mirrored from the output: it holds the output's listed
                /// `paths` already.
                case mirrored(paths: Set<String>)

                var mirroredPaths: Set<String>? {
                    if case .mirrored(let paths) = self { return paths }
                    return nil
                }
            }

            let state: Mutex<State>
            /// A preparation started by `willWrite`, waited for before the staging folder
            /// is committed or put away.
            let pending = DispatchGroup()

            init(listed: [String: [String: Int]]?) {
                state = Mutex(.undecided(listed: listed))
            }
        }

        /// `stampIsIntact`: whether `stamp` is intact, as the survey at `begin` found it
        /// (`OutputSurvey.stampIsIntact`).
        init(location: OutputLocation, lock: OutputLock, writer: SiteWriter, restoredFrom: String?, stamp: BuildStamp?,
             stampIsIntact: Bool, outputIsOurs: Bool, listed: [String: [String: Int]]? = nil,
             survey: (OutputSurvey, FolderTimes, FolderTimes.Time)? = nil) {
            self.survey = survey
            self.start = Start(listed: listed)
            self.spare = location.spare
            self.location = location
            self.lock = lock
            self.folder = location.staging(pid: getpid())
            self.previous = location.previous(pid: getpid())
            self.hadOutput = FolderTree.kind(location.path) == .folder
            self.replaceAnything = writer.replaceAnything
            self.useExchange = writer.useExchange
            self.checkpoint = writer.checkpoint
            self.previousStamp = stampIsIntact ? stamp : nil
            self.restoredFrom = restoredFrom
            self.mayUseSpare = hadOutput && previousStamp != nil && outputIsOurs
        }

        /// Decides, once, how the staging folder starts: as the spare, mirrored from the
        /// output (returns the paths it holds already), or empty (returns nil).
        private func prepare() -> Set<String>? {
            start.state.withLock { state -> Set<String>? in
                guard case .undecided(let listed) = state else { return state.mirroredPaths }
                state = .empty
                // `listed` is there whenever `previousStamp` is.
                guard mayUseSpare, let stamp = previousStamp, let listed, FolderTree.kind(spare) == .folder else {
                    return nil
                }
                AbandonedBuilds.giveBackDotEntries(from: spare, to: location)
                if rmdir(folder) == 0, rename(spare, folder) == 0 {
                    if SpareOutput.mirror(folder, of: location.path, listed: listed) {
                        state = .mirrored(paths: Set(stamp.files.lazy.map(\.path)))
                    } else {
                        FolderTree.remove(folder)
                    }
                }
                if FolderTree.kind(folder) == nil { mkdir(folder, 0o755) }
                return state.mirroredPaths
            }
        }

        /// The paths the staging folder held from the start (the spare's), or nil; waits
        /// for a preparation `willWrite` started.
        private var mirroredPaths: Set<String>? {
            start.pending.wait()
            return start.state.withLock { $0.mirroredPaths }
        }

        /// Makes the staging folder from the spare in the background while the build
        /// makes its model (the first page would otherwise wait for it).
        public func willWrite() {
            start.pending.enter()
            DispatchQueue.global().async { [self] in
                _ = prepare()
                start.pending.leave()
            }
        }

        /// Removes whatever is at `path` in the staging folder before a page is written or
        /// linked there (a mirrored link to the output's file must never be written into).
        private static func clear(_ path: String) {
            if unlink(path) != 0 && errno == EISDIR { FolderTree.remove(path) }
        }

        /// Whether two paths are the same file (one inode on one device), links not followed.
        private static func sameFile(_ first: String, _ second: String) -> Bool {
            guard let identity = FileIO.identity(first, followingLinks: false) else { return false }
            return FileIO.identity(second, followingLinks: false) == identity
        }

        /// Writes pages into the staging folder; an unchanged page is hard-linked
        /// from the current output instead of written. The build stamp is written
        /// whole (to a temporary name, then renamed), and must come last, alone.
        public func accept(_ files: [OutputFile]) throws(WriteError) -> (written: Int, unchanged: Int) {
            let mirrored = prepare()
            try makeFolders(Set(files.compactMap { $0.path.folderAndName.map { String($0.folder) } }),
                            replacingFiles: mirrored != nil)
            let output = location.path, folder = self.folder, hadOutput = self.hadOutput
            let checkKind = replaceAnything
            let outcomes = ParallelMap.map(files) { file -> Outcome in
                let target = folder + "/" + file.path
                let old = output + "/" + file.path
                let unchanged = hadOutput && (!checkKind || FolderTree.kind(old) == .file)
                    && FileIO.read(old).map { FileIO.sameBytes($0, file.bytes) } == true
                // A mirrored spare may hold the output's file at this path already; any
                // other entry there goes before the page is linked or written.
                if unchanged, let mirrored, mirrored.contains(file.path), Self.sameFile(old, target) { return .unchanged }
                if mirrored != nil { Self.clear(target) }
                if unchanged, link(old, target) == 0 { return .unchanged }
                if file.path == BuildStamp.fileName {
                    let partial = target + ".partial"
                    guard FileIO.write(file.bytes, to: partial) else { return .failed(path: file.path, errno: errno) }
                    return rename(partial, target) == 0 ? .written : .failed(path: file.path, errno: errno)
                }
                return FileIO.write(file.bytes, to: target) ? .written : .failed(path: file.path, errno: errno)
            }
            var counts = (written: 0, unchanged: 0)
            for outcome in outcomes {
                switch outcome {
                case .written: counts.written += 1
                case .unchanged: counts.unchanged += 1
                case .failed(let path, let code): throw .io(path: path, reason: String(cString: strerror(code)))
                }
            }
            return counts
        }

        /// Creates these folders (relative paths) in the staging folder; `replacingFiles`
        /// (a mirrored spare): a previous page where a folder must be is removed first.
        private func makeFolders(_ folders: Set<String>, replacingFiles: Bool) throws(WriteError) {
            for name in folders.sorted() where !FileIO.makeDirectories(folder + "/" + name) {
                if replacingFiles {
                    var path = folder
                    let made = name.split(separator: "/").allSatisfy { part in
                        path += "/" + part
                        return SpareOutput.makeFolder(path)
                    }
                    if made { continue }
                }
                throw .io(path: name, reason: "the folder could not be created")
            }
        }

        /// True when the output holds a complete previous build (its stamp intact).
        public var keepsPreviousPages: Bool { previousStamp != nil }

        /// Carries pages of the current output into the staging folder by hard link
        /// (a copy where links are refused), without reading them. Folder by folder:
        /// each link is made between the two folders, opened once (23 000 pages at 25
        /// diagnoses, in 650 folders: a path lookup per folder, not two per page).
        public func keep(_ paths: [String]) throws(WriteError) -> Int {
            guard previousStamp != nil else {
                throw .io(path: paths.first ?? "", reason: "the output holds no complete previous build")
            }
            let mirrored = prepare()
            // A mirrored spare holds the output's pages already.
            let toLink = mirrored.map { held in paths.filter { !held.contains($0) } } ?? paths
            guard !toLink.isEmpty else { return paths.count }
            var byFolder: [String: [String]] = [:]
            for path in toLink {
                let split = path.folderAndName
                byFolder[split.map { String($0.folder) } ?? "", default: []].append(split.map { String($0.name) } ?? path)
            }
            try makeFolders(Set(byFolder.keys.filter { !$0.isEmpty }), replacingFiles: mirrored != nil)
            let output = location.path, staging = self.folder
            let failed = ParallelMap.map(Array(byFolder), minimumCount: 2) { folder, names -> String? in
                let prefix = folder.isEmpty ? "" : folder + "/"
                let from = open(folder.isEmpty ? output : output + "/" + folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                let into = open(folder.isEmpty ? staging : staging + "/" + folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                defer {
                    if from >= 0 { close(from) }
                    if into >= 0 { close(into) }
                }
                for name in names {
                    if from >= 0, into >= 0, linkat(from, name, into, name, 0) == 0 { continue }
                    let old = output + "/" + prefix + name, target = staging + "/" + prefix + name
                    if link(old, target) == 0 { continue }
                    guard FolderTree.kind(old) == .file, let bytes = FileIO.read(old), FileIO.write(bytes, to: target)
                    else { return prefix + name }
                }
                return nil
            }
            if let path = failed.compactMap({ $0 }).min() {
                throw .io(path: path, reason: "the page of the previous build could not be kept")
            }
            return paths.count
        }

        /// Throws the staging folder away and lets go of the lock; the output stays as it
        /// was. A staging folder that started as the spare becomes the spare again (the
        /// next build mirrors it, whatever it holds).
        public func abort() {
            putAway()
            lock.release()
        }

        /// Ends a build that found the output up to date: throws the staging folder
        /// away, removes what stopped builds left (the output being complete), lets go.
        public func finishUnchanged() {
            putAway()
            AbandonedBuilds.removeLeftovers(location)
            lock.release()
        }

        /// Removes the staging folder, or gives it back as the spare when it was one (after
        /// a preparation `willWrite` started has finished).
        private func putAway() {
            if mirroredPaths != nil, FolderTree.kind(spare) == nil, rename(folder, spare) == 0 { return }
            FolderTree.remove(folder)
        }

        /// After a swap: keeps the old output `old` as the spare when it held only what
        /// builds write (`isOurs`), else removes it; a spare this build did not take up
        /// is removed first.
        private func keepAsSpare(_ old: String, isOurs: Bool) {
            FolderTree.removeInParallel(spare)
            if isOurs, rename(old, spare) == 0 { return }
            FolderTree.removeInParallel(old)
        }

        /// Swaps the staging folder in. `paths` are the pages of the build, to count
        /// the stale files left out. Top-level dot entries of the old output are kept.
        /// Checks again, just before, that the output holds nothing a build did not write:
        /// by the survey made at `begin` when none of the output's folders changed since
        /// (`FolderTimes`: no entry added, removed or renamed), else by a new survey.
        public func commit(paths: [String]) throws(WriteError) -> Report {
            defer { lock.release() }
            let output = location.path
            var report = Report()
            let newPaths = Set(paths)
            if let mirrored = mirroredPaths {
                // The spare held every page of the output: those this build does not make go.
                SpareOutput.removeStale(mirrored.filter { !newPaths.contains($0) }, in: folder, keeping: newPaths)
            }
            guard FolderTree.kind(output) == .folder else {
                guard rename(folder, output) == 0 else {
                    let reason = String(cString: strerror(errno))
                    abort()
                    throw .io(path: location.display, reason: reason)
                }
                FolderTree.removeInParallel(spare)  // a spare of an output removed by hand
                AbandonedBuilds.removeLeftovers(location)
                return report
            }
            let survey: OutputSurvey
            if let begun = self.survey, begun.times.unchanged(root: output, olderThan: begun.reference) {
                survey = begun.survey
            } else {
                survey = OutputSurvey.survey(output, checkingStamp: false)
            }
            guard survey.isReplaceable || replaceAnything else {
                abort()
                throw .notReplaceable(path: location.display, survey: survey)
            }
            report.removed = survey.filePaths.filter { !newPaths.contains($0) }.count
            // Dot entries at the top are the user's: carry them over by rename, and back on failure.
            let kept = FolderTree.entries(output).map(\.name).filter {
                $0.hasPrefix(".") && !newPaths.contains($0) && !$0.hasPrefix(BuildStamp.fileName)
            }
            for name in kept { rename(output + "/" + name, folder + "/" + name) }
            func giveBack() {
                for name in kept { rename(folder + "/" + name, output + "/" + name) }
            }
            checkpoint?(.beforeSwap)
            switch useExchange ? FolderExchange.exchange(folder, output) : .unsupported {
            case .exchanged:
                // The staging folder's name now holds the old output.
                checkpoint?(.afterSwap)
                keepAsSpare(folder, isOurs: survey.isReplaceable)
            case .failed(let code):
                giveBack()
                abort()
                throw .io(path: location.display, reason: "the new output could not be swapped in: " + String(cString: strerror(code)))
            case .unsupported:
                guard rename(output, previous) == 0 else {
                    let reason = String(cString: strerror(errno))
                    giveBack()
                    abort()
                    throw .io(path: location.display, reason: "the old output could not be moved aside: " + reason)
                }
                checkpoint?(.betweenRenames)
                guard rename(folder, output) == 0 else {
                    let reason = String(cString: strerror(errno))
                    rename(previous, output)
                    giveBack()
                    abort()
                    throw .io(path: location.display, reason: "the new output could not be moved in: " + reason)
                }
                checkpoint?(.afterSwap)
                keepAsSpare(previous, isOurs: survey.isReplaceable)
            }
            AbandonedBuilds.removeLeftovers(location)
            return report
        }
    }
}
