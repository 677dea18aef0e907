import Dispatch
import Foundation
import VardplanDiagnostics
import VardplanSystem
#if canImport(Glibc)
import Glibc
#endif

/// Everything a print leaves on disk before it is done — its private temporary folder
/// (the page for the PDF engine, Chromium's profile), the temporary copy of a printout
/// before its rename, and the PDF engine's process group — and their removal.
///
/// A printout holds patient data, so no copy may survive the command: on SIGINT,
/// SIGTERM or SIGHUP the PDF engine is killed, every registered path removed, and the
/// command exits 128 + the signal's number (`ExitCode(signal:)`). A kill that cannot be caught (SIGKILL)
/// leaves files named with the process id; the next print removes those of processes
/// that no longer run (`removeLeftovers`).
enum PrivateTemporaries {
    /// The prefix of a print's temporary folder in `$TMPDIR`: `vardplan-PID-RANDOM`.
    static let folderPrefix = "vardplan-"
    /// The prefix of a printout's temporary copy beside it: `.vardplan-print-PID-NAME.tmp`.
    static let filePrefix = ".vardplan-print-"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var engineGroup: pid_t = 0
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP. Call once, before any
    /// temporary is made.
    static func installSignalHandlers() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stop(signal: signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs `body` (making or renaming a temporary) so that a signal's cleanup waits
    /// until it is done and then sees every path it made.
    static func guarded<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Registers a path to remove on a signal; call inside `guarded` before making it.
    static func register(_ path: String) {
        paths.insert(path)
    }

    /// Forgets a path that is gone or no longer temporary; call inside `guarded`.
    static func forget(_ path: String) {
        paths.remove(path)
    }

    /// The PDF engine's process group, killed on a signal (0: none running).
    static func setEngineGroup(_ group: pid_t) {
        guarded { engineGroup = group }
    }

    /// `setEngineGroup` for a caller already inside `guarded` (as it spawns the engine).
    static func setEngineGroupLocked(_ group: pid_t) {
        engineGroup = group
    }

    /// Kills the engine, removes every temporary and exits 128 + the signal number
    /// (`ExitCode.hangUp`, `.interrupted`, `.terminated`).
    private static func stop(signal signalNumber: Int32) {
        lock.lock()  // never unlocked: the process ends here
        if engineGroup > 0 {
            kill(-engineGroup, SIGKILL)
            var status: Int32 = 0
            waitpid(engineGroup, &status, 0)
        }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        _exit(ExitCode(signal: signalNumber).rawValue)
    }

    /// Makes a private temporary folder (mode 0700) in `$TMPDIR`, registered for removal.
    static func makeFolder() throws -> String {
        let base = temporaryFolder()
        // Short, so that sockets the PDF engine makes inside stay within Linux's path limit.
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let path = base + "/" + folderPrefix + "\(getpid())-\(random)"
        try guarded {
            register(path)
            guard mkdir(path, 0o700) == 0 else {
                forget(path)
                throw DiagnosticFailure(.temporaryFolderNotMade(in: base, reason: String(cString: strerror(errno))))
            }
        }
        return path
    }

    /// Removes a temporary folder made by `makeFolder`.
    static func removeFolder(_ path: String) {
        guarded {
            try? FileManager.default.removeItem(atPath: path)
            forget(path)
        }
    }

    /// `$TMPDIR` when it is set and not empty (made absolute), else `/tmp`, without a
    /// trailing `/`: the folder Foundation's `temporaryDirectory` names on Linux (which
    /// takes an empty `$TMPDIR` for `/`), without the cost of its first use — a third
    /// of a printout's check for leftovers.
    static func temporaryFolder() -> String {
        guard let value = Environment.value("TMPDIR") else { return "/tmp" }
        var folder = value.hasPrefix("/") ? value : FileManager.default.currentDirectoryPath + "/" + value
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder
    }

    /// Removes what killed prints left behind: temporary folders in `$TMPDIR` and
    /// temporary copies in `folder`, whose process id is not a running process.
    static func removeLeftovers(besides folder: String) {
        // Only the names with the prefix, unsorted (`FileIO.names`): a busy `$TMPDIR`
        // holds thousands of entries.
        let temporary = temporaryFolder()
        for name in FileIO.names(in: temporary, beginningWith: folderPrefix) ?? [] {
            if let pid = processID(in: name, after: folderPrefix), !isRunning(pid) {
                try? FileManager.default.removeItem(atPath: temporary + "/" + name)
            }
        }
        for name in FileIO.names(in: folder, beginningWith: filePrefix) ?? [] where name.hasSuffix(".tmp") {
            if let pid = processID(in: name, after: filePrefix), !isRunning(pid) {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// The process id in `PREFIX<pid>-…`, if the name has that shape.
    static func processID(in name: String, after prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return nil }
        return pid
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
