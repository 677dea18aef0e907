/// A content tree held in memory: tests build whole sites from a dictionary.
public struct InMemoryFileSystem: ContentFileSystem {
    /// File contents by relative path (`diagnoses/x/_diagnosis.md`).
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    /// A tree from text files.
    public init(_ textFiles: [String: String]) {
        self.files = textFiles.mapValues { Array($0.utf8) }
    }

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var result: [String: Bool] = [:]
        for path in files.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                result[String(rest[..<slash])] = true
            } else {
                result[String(rest)] = result[String(rest)] ?? false
            }
        }
        if result.isEmpty && !directory.isEmpty { throw ContentFileSystemError.notFound(directory) }
        return result.keys.sorted().map { DirectoryEntry(name: $0, isDirectory: result[$0]!) }
    }

    public func contents(of file: String) throws -> [UInt8] {
        guard let bytes = files[file] else { throw ContentFileSystemError.notFound(file) }
        return bytes
    }

    public func isDirectory(_ path: String) -> Bool {
        if path.isEmpty { return true }
        let prefix = path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }
}
