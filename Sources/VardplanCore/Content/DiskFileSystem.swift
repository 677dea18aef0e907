#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanSystem

/// A content tree on disk, below a root folder.
///
/// Symbolic links are followed only when their real target lies inside the root;
/// every other link, and every entry that is not a regular file or folder (a named
/// pipe, a socket, a device), is listed with its `problem` and never opened. Files
/// are measured before they are read and read only up to the size limit, opened
/// without blocking and without following a last link that was not checked.
public struct DiskFileSystem: ContentFileSystem {
    /// The largest file read unless a caller asks for less: 10 MB (an asset).
    public static let defaultMaximumFileSize = 10 << 20

    /// The root folder, as given by the user (used to show paths).
    public let root: String
    /// The root with every link resolved, to confine links; nil when it does not exist.
    let realRoot: String?
    /// The size limit of `contents(of:)`.
    public let maximumFileSize: Int

    public init(root: String, maximumFileSize: Int = DiskFileSystem.defaultMaximumFileSize) {
        self.root = root
        self.realRoot = FileIO.realPath(root.isEmpty ? "." : root)
        self.maximumFileSize = maximumFileSize
    }

    /// The path on disk of a relative content path.
    public func absolute(_ path: String) -> String {
        path.isEmpty ? root : (root.hasSuffix("/") ? root + path : concatenated(root, "/", path))
    }

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        try listing(of: directory).entries
    }

    /// The entries of a folder, and whether every one is a plain file or folder as listed
    /// (no symbolic link, special file, or entry gone before it could be looked at): one
    /// reading of the folder for both.
    public func listing(of directory: String) throws -> (entries: [DirectoryEntry], onlyPlain: Bool) {
        let folder = absolute(directory)
        guard let listed = FileIO.listing(folder) else {
            throw ContentFileSystemError.unreadable(directory)
        }
        // Gone between listing and looking: reported when it is read.
        let entries = listed.map { classify($0.name, type: $0.type ?? .file, in: folder) }
        return (entries, listed.allSatisfy { $0.type == .file || $0.type == .directory })
    }

    public func contents(of file: String) throws -> [UInt8] {
        try contents(of: file, maximumSize: maximumFileSize)
    }

    public func contents(of file: String, maximumSize: Int) throws -> [UInt8] {
        var stamp: FileStamp?
        return try contents(of: file, maximumSize: maximumSize, stamp: &stamp)
    }

    public func stampedContents(of file: String) throws -> (bytes: [UInt8], stamp: FileStamp?) {
        var stamp: FileStamp?
        let bytes = try contents(of: file, maximumSize: maximumFileSize, stamp: &stamp)
        return (bytes, stamp)
    }

    private func contents(of file: String, maximumSize: Int, stamp: inout FileStamp?) throws -> [UInt8] {
        var result = FileIO.readRegularFile(absolute(file), maximumSize: maximumSize, stamp: &stamp)
        if result == .symbolicLink {
            // The last component is a link (checked when listed): resolve and confine it again.
            guard let real = FileIO.realPath(absolute(file)), isInsideRoot(real) else {
                throw ContentFileSystemError.unreadable(file)
            }
            result = FileIO.readRegularFile(real, maximumSize: maximumSize, stamp: &stamp)
        }
        switch result {
        case .bytes(let bytes): return bytes
        case .tooLarge(let size): throw FileProblem.tooLarge(size: size, limit: maximumSize)
        case .notRegular(let kind): throw FileProblem.notRegularFile(kind: kind)
        case .unreadable, .symbolicLink: throw ContentFileSystemError.unreadable(file)
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        FileIO.isDirectory(absolute(path))
    }

    public func identity(of directory: String) -> FileIdentity? {
        FileIO.identity(absolute(directory))
    }

    /// An entry as the walkers see it: links resolved and confined, special files refused.
    private func classify(_ name: String, type: FileIO.EntryType, in folder: String) -> DirectoryEntry {
        let path = concatenated(folder, "/", name)
        switch type {
        case .file:
            return DirectoryEntry(name: name, isDirectory: false)
        case .directory:
            return DirectoryEntry(name: name, isDirectory: true, identity: FileIO.identity(path))
        case .special(let kind):
            return DirectoryEntry(name: name, isDirectory: false, problem: .notRegularFile(kind: kind))
        case .symbolicLink:
            let target = FileIO.linkText(path) ?? "?"
            guard let real = FileIO.realPath(path) else {
                let problem: FileProblem = errno == ELOOP ? .linkLoop(target: target) : .danglingLink(target: target)
                return DirectoryEntry(name: name, isDirectory: false, problem: problem)
            }
            guard isInsideRoot(real) else {
                return DirectoryEntry(name: name, isDirectory: false, problem: .linkOutsideRoot(target: target))
            }
            switch FileIO.entryType(following: real) {
            case .directory: return DirectoryEntry(name: name, isDirectory: true, identity: FileIO.identity(real))
            case .file: return DirectoryEntry(name: name, isDirectory: false)
            case .special(let kind): return DirectoryEntry(name: name, isDirectory: false, problem: .notRegularFile(kind: kind))
            case .symbolicLink, nil: return DirectoryEntry(name: name, isDirectory: false, problem: .danglingLink(target: target))
            }
        }
    }

    private func isInsideRoot(_ real: String) -> Bool {
        guard let realRoot else { return false }
        if real == realRoot { return true }
        return real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }
}

/// Why a file or directory could not be read.
public enum ContentFileSystemError: Error, Equatable {
    case unreadable(String)
    case notFound(String)
}
