#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file access for the hot paths (reading every content file, writing
/// every page): Foundation's `FileManager` costs several times more per file here.
public enum FileIO {
    /// Whether two byte strings are equal, compared by `memcmp`: `Array`'s `==`
    /// compares element by element (3 % of a one-step rebuild, which compares every
    /// page it renders again with the one on disk).
    public static func sameBytes(_ first: [UInt8], _ second: [UInt8]) -> Bool {
        guard first.count == second.count else { return false }
        return first.withUnsafeBufferPointer { a in
            second.withUnsafeBufferPointer { b in
                a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
            }
        }
    }

    /// The whole file, or nil when it cannot be opened or read.
    public static func read(_ path: String) -> [UInt8]? {
        // Without blocking: opening a named pipe would wait for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
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

    /// Writes a new file (replacing any), with mode 0644; false on any failure, with
    /// `errno` (of the calling thread) telling why.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                close(descriptor)
                errno = code  // why the write failed, not what closing said
                return false
            }
            offset += count
        }
        return close(descriptor) == 0
    }

    /// A directory entry as `entries` lists it.
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var isDirectory: Bool
    }

    /// The entries of a directory (no `.` and `..`), sorted by name; nil when unreadable.
    public static func entries(_ path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [Entry] = []
        forEachEntry(of: directory) { name, type, _ in
            // Links are followed here: a link to a folder counts as one.
            let isDirectory = type == nil || type == .symbolicLink ? Self.isDirectory(path + "/" + name) : type == .directory
            result.append(Entry(name: name, isDirectory: isDirectory))
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

    // MARK: - Reading input folders safely

    /// What a directory entry is, without following a link.
    public enum EntryType: Equatable, Sendable {
        case file
        case directory
        case symbolicLink
        /// A named pipe, socket or device, named for messages.
        case special(String)
    }

    /// The entries of a directory (no `.` and `..`) with their types, links not
    /// followed, sorted by name (`sorted`: false, in the directory's own order); an entry
    /// gone between listing and looking has no type; nil when unreadable.
    public static func listing(_ path: String, sorted: Bool = true) -> [(name: String, type: EntryType?)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [(name: String, type: EntryType?)] = []
        forEachEntry(of: directory) { name, type, _ in
            result.append((name, type ?? entryType(path + "/" + name)))
        }
        return sorted ? result.sorted { $0.name < $1.name } : result
    }

    /// The entries of an open directory, each with its type (links not followed) and
    /// inode number as the directory lists them, in the directory's own order, without
    /// a `stat` per entry; an entry gone before it could be looked at is left out. Nil
    /// when it cannot be listed; the descriptor stays open (the listing reads a duplicate).
    public static func entries(descriptor: Int32) -> [(name: String, type: EntryType, inode: UInt64)]? {
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { return nil }
        guard let directory = fdopendir(duplicate) else {
            close(duplicate)
            return nil
        }
        defer { closedir(directory) }
        var result: [(name: String, type: EntryType, inode: UInt64)] = []
        forEachEntry(of: directory) { name, type, inode in
            if let type {
                result.append((name, type, inode))
                return
            }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
            result.append((name, entryType(mode: info.st_mode), UInt64(info.st_ino)))
        }
        return result
    }

    /// `entries(descriptor:)` by name, the table made with room for all of them at once
    /// (grown one doubling at a time, it hashed every name again at each).
    public static func listing(descriptor: Int32) -> [String: (type: EntryType, inode: UInt64)]? {
        guard let entries = entries(descriptor: descriptor) else { return nil }
        var result: [String: (type: EntryType, inode: UInt64)] = [:]
        result.reserveCapacity(entries.count)
        for entry in entries { result[entry.name] = (entry.type, entry.inode) }
        return result
    }

    /// The names in a directory that begin with `prefix` (compared as bytes), in the
    /// directory's own order; nil when it cannot be listed. Names that do not match are
    /// never made into strings and nothing is sorted: a busy `$TMPDIR` holds thousands of
    /// entries, and listing it with `listing` was a tenth of a printout's instructions.
    public static func names(in path: String, beginningWith prefix: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [String] = []
        forEachEntry(of: directory, namesBeginningWith: Array(prefix.utf8)) { name, _, _ in result.append(name) }
        return result
    }

    /// Calls `body` with each entry's name (no `.` and `..`), its type when the directory
    /// says it (nil: look), and its inode number.
    /// With `prefix`, only the entries whose names begin with those bytes, and no other
    /// name is made into a string.
    private static func forEachEntry(of directory: OpaquePointer, namesBeginningWith prefix: [UInt8] = [],
                                     _ body: (_ name: String, _ type: EntryType?, _ inode: UInt64) -> Void) {
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
                let bytes = raw.prefix { $0 != 0 }
                return bytes.starts(with: prefix) ? String(decoding: bytes, as: UTF8.self) : nil
            }
            guard let name, name != ".", name != ".." else { continue }
            let type: EntryType?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .directory
            case Int32(DT_LNK): type = .symbolicLink
            case Int32(DT_FIFO): type = .special("named pipe (FIFO)")
            case Int32(DT_SOCK): type = .special("socket")
            case Int32(DT_CHR), Int32(DT_BLK): type = .special("device")
            default: type = nil
            }
            body(name, type, UInt64(entry.pointee.d_ino))
        }
    }

    /// The type of the entry at `path` (a link is a link); nil when it does not exist.
    public static func entryType(_ path: String) -> EntryType? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return entryType(mode: info.st_mode)
    }

    /// The type of what `path` leads to (links followed); nil when nothing.
    public static func entryType(following path: String) -> EntryType? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return entryType(mode: info.st_mode)
    }

    private static func entryType(mode: mode_t) -> EntryType {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .special("named pipe (FIFO)")
        case S_IFSOCK: return .special("socket")
        default: return .special("device")
        }
    }

    /// The path with every link, `.` and `..` resolved; nil (and `errno` set) when a
    /// part does not exist or links loop.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The text of a symbolic link.
    public static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Device and inode of what `path` leads to, or (`followingLinks: false`) of the
    /// entry itself.
    public static func identity(_ path: String, followingLinks: Bool = true) -> FileIdentity? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// What reading an input file gave.
    public enum ReadResult: Equatable {
        case bytes([UInt8])
        case tooLarge(Int)
        case notRegular(String)
        /// The last component is a symbolic link (not followed).
        case symbolicLink
        case unreadable
    }

    /// Reads a regular file of at most `maximumSize` bytes: opened without blocking and
    /// without following a link, measured with `fstat` before reading, and read only
    /// up to one byte past the limit (a file that grows meanwhile is still refused).
    public static func readRegularFile(_ path: String, maximumSize: Int) -> ReadResult {
        var stamp: FileStamp?
        return readRegularFile(path, maximumSize: maximumSize, stamp: &stamp)
    }

    /// The same, and `stamp` set from the `fstat` of the open descriptor (before
    /// reading), for a later read to check that the file is still the one read.
    public static func readRegularFile(_ path: String, maximumSize: Int, stamp: inout FileStamp?) -> ReadResult {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return errno == ELOOP ? .symbolicLink : .unreadable }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable }
        stamp = FileStamp(info)
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notRegular(entryType(mode: info.st_mode).kindName) }
        let size = Int(info.st_size)
        if size > maximumSize { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: min(size, maximumSize) + 1)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 { if errno == EINTR || errno == EAGAIN { continue }; return .unreadable }
            if count == 0 { break }
            offset += count
            if offset == bytes.count, offset <= maximumSize {
                // Grew since fstat: read on, up to one byte past the limit.
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(bytes.count, maximumSize + 1 - bytes.count)))
            }
        }
        if offset > maximumSize { return .tooLarge(offset) }
        bytes.removeLast(bytes.count - offset)
        return .bytes(bytes)
    }
}

extension FileIO.EntryType {
    /// A name for messages.
    public var kindName: String {
        switch self {
        case .file: return "file"
        case .directory: return "folder"
        case .symbolicLink: return "symbolic link"
        case .special(let kind): return kind
        }
    }
}
