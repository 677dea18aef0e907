/// A content tree on disk, below a root folder.
public struct DiskFileSystem: ContentFileSystem {
    /// The root folder, as given by the user (used to show paths).
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The path on disk of a relative content path.
    public func absolute(_ path: String) -> String {
        path.isEmpty ? root : (root.hasSuffix("/") ? root + path : root + "/" + path)
    }

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        guard let entries = FileIO.entries(absolute(directory)) else {
            throw ContentFileSystemError.unreadable(directory)
        }
        return entries
    }

    public func contents(of file: String) throws -> [UInt8] {
        guard let bytes = FileIO.read(absolute(file)) else {
            throw ContentFileSystemError.unreadable(file)
        }
        return bytes
    }

    public func isDirectory(_ path: String) -> Bool {
        FileIO.isDirectory(absolute(path))
    }
}

/// Why a file or directory could not be read.
public enum ContentFileSystemError: Error, Equatable {
    case unreadable(String)
    case notFound(String)
}
