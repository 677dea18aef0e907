import VardplanSystem
/// A file system whose file contents were already read (by a build's input
/// fingerprint), over the one they came from, so no file is read twice.
public struct PrefetchedFileSystem: ContentFileSystem {
    let base: any ContentFileSystem
    let contents: [String: [UInt8]]

    public init(base: any ContentFileSystem, contents: [String: [UInt8]]) {
        self.base = base
        self.contents = contents
    }

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        try base.entries(of: directory)
    }

    public func contents(of file: String) throws -> [UInt8] {
        if let bytes = contents[file] { return bytes }
        return try base.contents(of: file)
    }

    public func contents(of file: String, maximumSize: Int) throws -> [UInt8] {
        if let bytes = contents[file] {
            guard bytes.count <= maximumSize else { throw FileProblem.tooLarge(size: bytes.count, limit: maximumSize) }
            return bytes
        }
        return try base.contents(of: file, maximumSize: maximumSize)
    }

    public func isDirectory(_ path: String) -> Bool {
        base.isDirectory(path)
    }

    public func identity(of directory: String) -> FileIdentity? {
        base.identity(of: directory)
    }
}
