import Foundation
import VardplanSystem

/// The content folder as the preview last read it: every listing and file read from
/// the disk is kept, keyed by its relative path, until the watcher reports it changed.
/// A rebuild's `ContentSnapshot` then reads from memory, and only the changed files
/// (and the listings of the folders above them) from the disk.
///
/// `forget` takes the watchers' paths (`content/…`); a path of a folder forgets
/// everything under it, and the label alone (`content`, after lost events) forgets
/// everything.
final class KeptFileSystem: ContentFileSystem, @unchecked Sendable {  // state behind `lock`
    private struct FileKey: Hashable {
        var path: String
        var maximumSize: Int?
    }

    private let disk: DiskFileSystem
    private let label: String
    private let lock = NSLock()
    private var listings: [String: Result<[DirectoryEntry], any Error>] = [:]
    private var files: [FileKey: Result<[UInt8], any Error>] = [:]
    private var directories: [String: Bool] = [:]
    private var identities: [String: FileIdentity?] = [:]

    init(root: String, label: String) {
        disk = DiskFileSystem(root: root)
        self.label = label
    }

    /// Forgets what `changed` (watcher paths) may have changed; other labels are ignored.
    func forget(_ changed: [String]) {
        lock.lock()
        defer { lock.unlock() }
        for path in changed {
            if path == label {
                listings = [:]
                files = [:]
                directories = [:]
                identities = [:]
                return
            }
            guard path.hasPrefix(label + "/") else { continue }
            let relative = String(path.dropFirst(label.count + 1))
            let wasFile = files[FileKey(path: relative, maximumSize: nil)] != nil
            for key in files.keys where key.path == relative { files[key] = nil }
            if !wasFile {
                // A folder (made, moved or removed): everything under it.
                let inside = relative + "/"
                listings = listings.filter { $0.key != relative && !$0.key.hasPrefix(inside) }
                files = files.filter { !$0.key.path.hasPrefix(inside) }
                directories = directories.filter { !$0.key.hasPrefix(inside) }
                identities = identities.filter { !$0.key.hasPrefix(inside) }
            }
            directories[relative] = nil
            identities[relative] = nil
            // Every folder above lists it (or no longer does).
            var parent = relative
            while let slash = parent.lastSlash {
                parent = String(parent[..<slash])
                listings[parent] = nil
                directories[parent] = nil
                identities[parent] = nil
            }
            listings[""] = nil
        }
    }

    func entries(of directory: String) throws -> [DirectoryEntry] {
        if let kept = lock.withLock({ listings[directory] }) { return try kept.get() }
        let result = Result { try disk.entries(of: directory) }
        lock.withLock { listings[directory] = result }
        return try result.get()
    }

    func contents(of file: String) throws -> [UInt8] {
        try read(FileKey(path: file, maximumSize: nil)) { try disk.contents(of: file) }
    }

    func contents(of file: String, maximumSize: Int) throws -> [UInt8] {
        try read(FileKey(path: file, maximumSize: maximumSize)) { try disk.contents(of: file, maximumSize: maximumSize) }
    }

    private func read(_ key: FileKey, _ load: () throws -> [UInt8]) throws -> [UInt8] {
        if let kept = lock.withLock({ files[key] }) { return try kept.get() }
        let result = Result { try load() }
        lock.withLock { files[key] = result }
        return try result.get()
    }

    func isDirectory(_ path: String) -> Bool {
        if let kept = lock.withLock({ directories[path] }) { return kept }
        let result = disk.isDirectory(path)
        lock.withLock { directories[path] = result }
        return result
    }

    func identity(of directory: String) -> FileIdentity? {
        if let kept = lock.withLock({ identities[directory] }) { return kept }
        let result = disk.identity(of: directory)
        lock.withLock { identities[directory] = result }
        return result
    }
}
