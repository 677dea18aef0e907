#if canImport(Glibc)
import Glibc
#endif

/// Recovery from builds that were stopped (Ctrl-C, kill -9, a crash, a power cut's
/// restart) and left `.NAME.staging-PID` or `.NAME.previous-PID` folders beside the
/// output. Runs under the output's lock, so no other build is using them; a leftover
/// counts as abandoned when its process no longer runs (or when the process id is
/// our own, reused by the system).
///
/// The rule: recovery never deletes the only complete copy. A copy is *complete* when
/// its build stamp is readable and every file it lists is there with its size (the
/// writer writes the stamp last, whole, by a rename). So:
/// - when the output is missing, the most recent complete leftover is renamed back
///   into its place (a build stopped between the two renames of the fallback swap);
/// - leftovers are deleted only when the output is there and complete, and only
///   after the top-level dot entries (`.git`, …) the output lacks are moved back into it
///   (which `begin` also does at once: moving deletes nothing).
enum AbandonedBuilds {
    struct Leftover: Equatable {
        var path: String
        var isStaging: Bool
        var pid: Int32
    }

    /// The leftovers of stopped builds beside `location`, sorted by name.
    static func find(_ location: OutputLocation) -> [Leftover] {
        var found: [Leftover] = []
        for entry in FolderTree.entries(location.parent) where entry.kind == .folder {
            for (prefix, isStaging) in location.leftoverPrefixes where entry.name.hasPrefix(prefix) {
                guard let pid = Int32(entry.name.dropFirst(prefix.count)), pid > 0 else { continue }
                if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                    found.append(Leftover(path: location.sibling(entry.name), isStaging: isStaging, pid: pid))
                }
            }
        }
        return found
    }

    /// Whether the folder at `path` holds a whole build: a readable stamp, every file in place.
    static func isComplete(_ path: String) -> Bool {
        BuildStamp.read(outputPath: path)?.isIntact(outputPath: path) ?? false
    }

    /// When the output is missing, puts the most recent complete leftover in its place:
    /// a build's staging folder before its own previous output, else the newest stamp.
    /// Returns the name of the folder restored, or nil. Deletes nothing.
    static func restoreMissingOutput(_ location: OutputLocation) -> String? {
        guard FolderTree.kind(location.path) == nil else { return nil }
        var complete = find(location).filter { isComplete($0.path) }
        // A staging folder is newer than the previous output of the same build.
        let stagingPIDs = Set(complete.filter(\.isStaging).map(\.pid))
        complete.removeAll { !$0.isStaging && stagingPIDs.contains($0.pid) }
        let candidates = complete.map { leftover in
            (leftover, FolderTree.modificationTime(leftover.path + "/" + BuildStamp.fileName) ?? 0)
        }
        let best = candidates.max { a, b in a.1 != b.1 ? a.1 < b.1 : (!a.0.isStaging && b.0.isStaging) }
        guard let best, rename(best.0.path, location.path) == 0 else { return nil }
        return String(best.0.path.pathParts().last ?? "")
    }

    /// Moves the top-level dot entries (`.git`, …) that the output lacks back into it
    /// from every leftover: a build stopped just before its swap has them in its
    /// staging folder. Deletes nothing.
    static func giveBackDotEntries(_ location: OutputLocation) {
        guard FolderTree.kind(location.path) == .folder else { return }
        for leftover in find(location) { giveBackDotEntries(from: leftover.path, to: location) }
    }

    static func giveBackDotEntries(from leftover: String, to location: OutputLocation) {
        for entry in FolderTree.entries(leftover) where entry.name.hasPrefix(".") && !entry.name.hasPrefix(BuildStamp.fileName) {
            let destination = location.path + "/" + entry.name
            if FolderTree.kind(destination) == nil {
                rename(leftover + "/" + entry.name, destination)
            }
        }
    }

    /// Deletes the leftovers, when the output is there and complete; moves the
    /// top-level dot entries the output lacks back into it first.
    static func removeLeftovers(_ location: OutputLocation) {
        let leftovers = find(location)
        guard !leftovers.isEmpty, isComplete(location.path) else { return }
        for leftover in leftovers { remove(leftover.path, givingBackTo: location) }
    }

    /// Deletes one leftover folder after moving the top-level dot entries the output
    /// lacks back into the output. Only for an output that is there and complete.
    static func remove(_ leftover: String, givingBackTo location: OutputLocation) {
        giveBackDotEntries(from: leftover, to: location)
        FolderTree.remove(leftover)
    }
}
