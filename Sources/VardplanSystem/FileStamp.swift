/// What `fstat` of an open file says about it, to tell later whether the file is the
/// one read before: size, modification and status-change times (nanoseconds), device
/// and inode. Equal stamps mean the file was not written or replaced in between (as
/// git trusts its index).
public struct FileStamp: Hashable, Sendable {
    public var size: Int
    /// Modification and status-change times, in nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64
    public var device: UInt64
    public var inode: UInt64

    public init(size: Int, modified: Int64, changed: Int64, device: UInt64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.device = device
        self.inode = inode
    }
}
