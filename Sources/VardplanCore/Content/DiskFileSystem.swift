import Foundation

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
        let manager = FileManager.default
        let base = absolute(directory)
        let names = try manager.contentsOfDirectory(atPath: base)
        return names.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory)
            return DirectoryEntry(name: name, isDirectory: isDirectory.boolValue)
        }
    }

    public func contents(of file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: absolute(file)) else {
            throw ContentFileSystemError.unreadable(file)
        }
        return [UInt8](data)
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Why a file or directory could not be read.
public enum ContentFileSystemError: Error, Equatable {
    case unreadable(String)
    case notFound(String)
}
