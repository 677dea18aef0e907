#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` (or `fstat` of an open file) says about a regular file or a folder, as git's index keeps it: device, inode,
/// size, and the modification and status-change times in nanoseconds. Two equal
/// stamps of one path mean the file was not touched in between (the status-change
/// time moves on every write and on every change of the other times).
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: UInt64
    /// Modification time, nanoseconds since 1970.
    public var modified: Int64
    /// Status-change time, nanoseconds since 1970.
    public var changed: Int64

    public init(device: UInt64, inode: UInt64, size: UInt64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The stamp of a regular file (a last symbolic link not followed); nil for
    /// anything else or when it does not exist.
    public static func of(_ path: String) -> FileStamp? {
        stamp(path, type: S_IFREG)
    }

    /// The stamp of the regular file named by `path` from its `nameStart`th byte on (the
    /// name after its folder's part) in the open folder `directory`, as `of(_:)` gives it
    /// for the folder's path and that name (a last symbolic link not followed): one path
    /// lookup for the folder instead of one per file, and no copy of the name.
    public static func of(_ path: String, nameStart: Int, in directory: Int32) -> FileStamp? {
        var info = stat()
        let found = path.withCString { fstatat(directory, $0 + nameStart, &info, AT_SYMLINK_NOFOLLOW) == 0 }
        guard found, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// The stamp of a folder (not a symbolic link to one): its times move whenever an
    /// entry is added, removed or renamed in it.
    public static func ofFolder(_ path: String) -> FileStamp? {
        stamp(path, type: S_IFDIR)
    }

    private static func stamp(_ path: String, type: mode_t) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == type else { return nil }
        return FileStamp(info)
    }

    /// The stamp of what `stat`, `lstat` or `fstat` said.
    public init(_ info: stat) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: UInt64(info.st_size),
                  modified: Int64(modified.tv_sec) &* 1_000_000_000 &+ Int64(modified.tv_nsec),
                  changed: Int64(changed.tv_sec) &* 1_000_000_000 &+ Int64(changed.tv_nsec))
    }
}
