import VardplanSystem
/// One entry of a directory listing.
public struct DirectoryEntry: Hashable, Sendable {
    public var name: String
    public var isDirectory: Bool
    /// Set when the entry must not be read (a link leading outside, a named pipe …):
    /// walkers report it at the entry's path and skip it.
    public var problem: FileProblem?
    /// For a folder on disk, which real folder it is (links followed).
    public var identity: FileIdentity?

    public init(name: String, isDirectory: Bool, problem: FileProblem? = nil, identity: FileIdentity? = nil) {
        self.name = name
        self.isDirectory = isDirectory
        self.problem = problem
        self.identity = identity
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
    /// The bytes of a file, refused (`FileProblem.tooLarge`) when larger than
    /// `maximumSize`: a file on disk is measured before it is read.
    func contents(of file: String, maximumSize: Int) throws -> [UInt8]
    /// The bytes of a file (up to the file system's own size limit) with its stamp,
    /// taken from the open file before reading, where the file system has one (the
    /// disk); nil elsewhere (in memory: a second read compares bytes instead).
    func stampedContents(of file: String) throws -> (bytes: [UInt8], stamp: FileStamp?)
    /// The bytes of each file, in order, as `contents(of:)` gives them. A file system may
    /// read them on every core and keep its own bookkeeping for all of them at once.
    func contents(ofEach files: [String]) -> [Result<[UInt8], any Error>]
    /// Each file as a build's snapshot keeps it, in order: where `detach` is true (a step
    /// file whose body the build lets go), its front matter and the record of its body
    /// (`DetachedBody`); every other file whole, as `contents(of:)` gives it. A file
    /// system may read them on every core, or know them without reading (an index).
    func detachedContents(ofEach files: [(path: String, detach: Bool)])
        -> [(bytes: Result<[UInt8], any Error>, body: DetachedBody?)]
    /// Where the bodies a build let go are read again, whole (`StepBodyReader`): the
    /// file system itself, or the one below it when it gives some files in part.
    var wholeFiles: any ContentFileSystem { get }
    /// Whether a directory exists at the path.
    func isDirectory(_ path: String) -> Bool
    /// Which real folder a directory is (nil where folders have no identity).
    func identity(of directory: String) -> FileIdentity?
}

/// Joins relative content paths with `/`.
public func joinPath(_ base: String, _ name: String) -> String {
    base.isEmpty ? name : concatenated(base, "/", name)
}

/// The last `/`-separated part of a relative path that is not empty (`a/b/` → `b`);
/// the path itself when it has none. Works on bytes: `/` is ASCII, and splitting a
/// `String` walks characters.
public func lastPathComponent(_ path: String) -> String {
    let utf8 = path.utf8
    var end = utf8.endIndex
    while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
    guard end > utf8.startIndex else { return path }
    let start = utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
    return String(path[start..<end])
}

extension ContentFileSystem {
    public func contents(of file: String, maximumSize: Int) throws -> [UInt8] {
        let bytes = try contents(of: file)
        guard bytes.count <= maximumSize else { throw FileProblem.tooLarge(size: bytes.count, limit: maximumSize) }
        return bytes
    }

    public func identity(of directory: String) -> FileIdentity? { nil }

    public func contents(ofEach files: [String]) -> [Result<[UInt8], any Error>] {
        ParallelMap.map(files) { file in Result { try contents(of: file) } }
    }

    public func stampedContents(of file: String) throws -> (bytes: [UInt8], stamp: FileStamp?) {
        (try contents(of: file), nil)
    }

    public func detachedContents(ofEach files: [(path: String, detach: Bool)])
        -> [(bytes: Result<[UInt8], any Error>, body: DetachedBody?)] {
        ParallelMap.map(files) { file in DetachedBody.read(file.path, detach: file.detach, from: self) }
    }

    public var wholeFiles: any ContentFileSystem { self }

    /// Relative paths of every file below the root, sorted, dot entries skipped.
    /// `enter` decides whether to go into a folder (given its relative path). Each
    /// real folder is entered once; entries that must not be read (see
    /// `DirectoryEntry.problem`) and folders reached a second time are listed as
    /// files (reading them fails), so they still count in a fingerprint.
    public func filePaths(entering enter: (String) -> Bool = { _ in true }) -> [String] {
        var result: [String] = []
        var visited = Set<FileIdentity>()
        if let root = identity(of: "") { visited.insert(root) }
        func walk(_ directory: String, depth: Int) {
            guard depth < 16, let entries = try? entries(of: directory) else { return }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = joinPath(directory, entry.name)
                if entry.isDirectory, entry.problem == nil {
                    guard enter(path) else { continue }
                    if let identity = entry.identity, !visited.insert(identity).inserted {
                        result.append(path)
                        continue
                    }
                    walk(path, depth: depth + 1)
                } else {
                    result.append(path)
                }
            }
        }
        walk("", depth: 0)
        return result
    }
}
