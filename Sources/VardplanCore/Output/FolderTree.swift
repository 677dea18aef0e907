#if canImport(Glibc)
import Glibc
#endif

/// Folder operations of the output writer that never follow symbolic links: a link
/// inside an output folder is an entry of its own, listed and removed as such.
enum FolderTree {
    /// What an entry is, as `lstat` sees it.
    enum Kind: Sendable { case folder, file, other }

    /// The kind of the entry at `path` itself (a link is `.other`); nil when nothing is there.
    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// The entries of a folder with their kinds, sorted by name; empty when unreadable.
    static func entries(_ path: String) -> [(name: String, kind: Kind)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var result: [(name: String, kind: Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type = Int32(entry.pointee.d_type)
            let kind: Kind
            if type == Int32(DT_DIR) {
                kind = .folder
            } else if type == Int32(DT_REG) {
                kind = .file
            } else if type == Int32(DT_UNKNOWN) {
                kind = Self.kind(path + "/" + name) ?? .other
            } else {
                kind = .other
            }
            result.append((name, kind))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Removes a folder and everything in it; nothing when it does not exist. Symbolic
    /// links are removed, never followed.
    static func remove(_ path: String) {
        guard let kind = kind(path) else { return }
        if kind == .folder {
            for entry in entries(path) { remove(path + "/" + entry.name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// The modification time of `path` in nanoseconds, or nil.
    static func modificationTime(_ path: String) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
