#if canImport(Glibc)
import Glibc
#endif
import VardplanSystem

/// Notices saved changes in folders by polling: each poll lists every file with its
/// size, modification time and inode, and compares with the last poll. Portable,
/// and an editor's save-by-rename is seen like any write. The times are only
/// compared, never shown or written anywhere.
public struct FolderWatcher: Sendable {
    /// What one file looked like.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt
    }

    /// The folders (or single files) watched, each with the label its changes are reported under.
    public let roots: [(label: String, path: String)]
    private var stamps: [String: Stamp] = [:]

    public init(roots: [(label: String, path: String)]) {
        self.roots = roots
        stamps = Self.scan(roots)
    }

    /// The paths (`label/relative/path`) added, removed or changed since the last poll, sorted.
    public mutating func poll() -> [String] {
        let now = Self.scan(roots)
        var changed: [String] = []
        for (path, stamp) in now where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where now[path] == nil { changed.append(path) }
        stamps = now
        return changed.sorted()
    }

    static func scan(_ roots: [(label: String, path: String)]) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in roots {
            var info = stat()
            if stat(root.path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                result[root.label] = Stamp(size: Int(info.st_size), seconds: info.st_mtim.tv_sec,
                                           nanoseconds: info.st_mtim.tv_nsec, inode: UInt(info.st_ino))
            } else {
                walk(root.path, label: root.label, into: &result, depth: 0)
            }
        }
        return result
    }

    private static func walk(_ folder: String, label: String, into result: inout [String: Stamp], depth: Int) {
        guard depth < 32, let entries = FileIO.listing(folder) else { return }
        for (name, _) in entries {
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, label: label + "/" + name, into: &result, depth: depth + 1)
            } else {
                result[label + "/" + name] = Stamp(size: Int(info.st_size), seconds: info.st_mtim.tv_sec,
                                                   nanoseconds: info.st_mtim.tv_nsec, inode: UInt(info.st_ino))
            }
        }
    }
}

/// A watcher woken by the system (`InotifyWatcher`): waits for changes and reports
/// the changed paths as `FolderWatcher.poll()` does.
protocol ChangeSource: AnyObject, Sendable {
    /// The changed paths, sorted; empty when nothing changed within `milliseconds`.
    func wait(milliseconds: Int32) -> [String]
    /// Set when the source can no longer see every change (the caller polls instead).
    var limitReached: Bool { get }
}

#if os(Linux)
extension InotifyWatcher: ChangeSource {}
#endif
