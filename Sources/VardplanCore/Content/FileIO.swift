#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file access for the hot paths (reading every content file, writing
/// every page): Foundation's `FileManager` costs several times more per file here.
public enum FileIO {
    /// The whole file, or nil when it cannot be opened or read.
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 { if errno == EINTR { continue }; return nil }
            if count == 0 { break }
            offset += count
        }
        // A file that shrank while being read ends where reading ended.
        if offset < bytes.count { bytes.removeLast(bytes.count - offset) }
        return bytes
    }

    /// Writes a new file (replacing any), with mode 0644; false on any failure.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 { if errno == EINTR { continue }; close(descriptor); return false }
            offset += count
        }
        return close(descriptor) == 0
    }

    /// The entries of a directory (no `.` and `..`), sorted by name; nil when unreadable.
    public static func entries(_ path: String) -> [DirectoryEntry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
                isDirectory = Self.isDirectory(path + "/" + name)
            }
            result.append(DirectoryEntry(name: name, isDirectory: isDirectory))
        }
        return result.sorted { $0.name < $1.name }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Creates a directory and its missing parents; true when it exists afterwards.
    @discardableResult
    public static func makeDirectories(_ path: String) -> Bool {
        if isDirectory(path) { return true }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            makeDirectories(String(path[..<slash]))
        }
        return mkdir(path, 0o755) == 0 || isDirectory(path)
    }

    /// Every regular file below a folder, as paths relative to it, sorted.
    public static func files(below root: String) -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            for entry in entries(relative.isEmpty ? root : root + "/" + relative) ?? [] {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory { walk(path) } else { result.append(path) }
            }
        }
        walk("")
        return result
    }
}
