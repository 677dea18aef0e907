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

extension ContentFileSystem {
    /// Relative paths of every file below the root, sorted, dot entries skipped.
    /// `enter` decides whether to go into a folder (given its relative path).
    public func filePaths(entering enter: (String) -> Bool = { _ in true }) -> [String] {
        var result: [String] = []
        func walk(_ directory: String, depth: Int) {
            guard depth < 16, let entries = try? entries(of: directory) else { return }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = joinPath(directory, entry.name)
                if entry.isDirectory {
                    if enter(path) { walk(path, depth: depth + 1) }
                } else {
                    result.append(path)
                }
            }
        }
        walk("", depth: 0)
        return result
    }
}
