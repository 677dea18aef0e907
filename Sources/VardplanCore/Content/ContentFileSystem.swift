/// One entry of a directory listing.
public struct DirectoryEntry: Hashable, Sendable {
    public var name: String
    public var isDirectory: Bool

    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

/// Read access to a content tree, by paths relative to its root with `/` separators.
///
/// The loader only sees this protocol, so tests run on in-memory trees and the CLI on
/// the disk. Listings are returned sorted by name, so every run sees the same order.
public protocol ContentFileSystem: Sendable {
    /// The entries of a directory (`""` is the root), sorted by name.
    func entries(of directory: String) throws -> [DirectoryEntry]
    /// The bytes of a file.
    func contents(of file: String) throws -> [UInt8]
    /// Whether a directory exists at the path.
    func isDirectory(_ path: String) -> Bool
}

/// Joins relative content paths with `/`.
@inlinable
public func joinPath(_ base: String, _ name: String) -> String {
    base.isEmpty ? name : base + "/" + name
}
