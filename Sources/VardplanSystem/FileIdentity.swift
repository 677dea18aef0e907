/// Identifies a folder on disk (device and inode), so that a walk enters each real
/// folder once however many links lead to it.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
