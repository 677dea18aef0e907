#if canImport(Glibc)
import Glibc
#endif
import VardplanSystem

/// Folder operations of the output writer that never follow symbolic links: a link
/// inside an output folder is an entry of its own, listed and removed as such.
enum FolderTree {
    /// What an entry is, as `lstat` sees it.
    enum Kind: Sendable {
        case folder, file, other

        init(_ type: FileIO.EntryType) {
            switch type {
            case .directory: self = .folder
            case .file: self = .file
            case .symbolicLink, .special: self = .other
            }
        }
    }

    /// The kind of the entry at `path` itself (a link is `.other`); nil when nothing is there.
    static func kind(_ path: String) -> Kind? {
        FileIO.entryType(path).map(Kind.init)
    }

    /// The entries of a folder with their kinds, sorted by name (`sorted`: false, in the
    /// folder's own order: for work that does not depend on it); empty when unreadable.
    static func entries(_ path: String, sorted: Bool = true) -> [(name: String, kind: Kind)] {
        (FileIO.listing(path, sorted: sorted) ?? []).map { ($0.name, $0.type.map(Kind.init) ?? .other) }
    }

    /// Removes a folder and everything in it; nothing when it does not exist. Symbolic
    /// links are removed, never followed.
    static func remove(_ path: String) {
        guard let kind = kind(path) else { return }
        remove(path, kind: kind)
    }

    /// Removes a folder as `remove` does, the entries two levels down on every core (the
    /// old output after a swap: 23 000 files at 25 diagnoses, in folders by diagnosis
    /// and by language).
    static func removeInParallel(_ path: String) {
        guard kind(path) == .folder else { return remove(path) }
        let top = entries(path, sorted: false).map { (path: path + "/" + $0.name, kind: $0.kind) }
        var tasks: [(path: String, kind: Kind)] = []
        for entry in top {
            if entry.kind == .folder {
                tasks += entries(entry.path, sorted: false).map { (entry.path + "/" + $0.name, $0.kind) }
            } else {
                tasks.append(entry)
            }
        }
        _ = ParallelMap.map(tasks, minimumCount: 2) { task in remove(task.path, kind: task.kind) }
        for entry in top { remove(entry.path, kind: entry.kind) }
        rmdir(path)
    }

    /// Removes an entry whose kind is known (from its folder's listing: no `lstat` per file).
    /// A folder's files are unlinked relative to the folder, opened once (one path
    /// lookup per folder, not per file).
    private static func remove(_ path: String, kind: Kind) {
        if kind == .folder {
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            for entry in entries(path, sorted: false) {
                if entry.kind == .folder {
                    remove(path + "/" + entry.name, kind: .folder)
                } else if descriptor < 0 || unlinkat(descriptor, entry.name, 0) != 0 {
                    unlink(path + "/" + entry.name)
                }
            }
            if descriptor >= 0 { close(descriptor) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// `folders` (relative paths) and every folder above each of them; the top (`""`)
    /// is never in it.
    static func withParents(_ folders: some Sequence<String>) -> Set<String> {
        var result = Set<String>()
        for folder in folders where !folder.isEmpty {
            var folder = Substring(folder)
            while result.insert(String(folder)).inserted, let slash = folder.lastSlash { folder = folder[..<slash] }
        }
        return result
    }

    /// The modification time of `path` in nanoseconds, or nil.
    static func modificationTime(_ path: String) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
