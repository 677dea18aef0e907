#if os(Linux)
import Glibc
import VardplanSystem

/// Notices saved changes in folders with Linux's inotify: one watch per folder under
/// each root (new folders are watched as they appear), woken by the kernel instead of
/// listing every file. Reports the same paths as `FolderWatcher`
/// (`label/relative/path`, dot names left out).
///
/// `make` returns nil when inotify cannot be used (no instance left, or the
/// `max_user_watches` limit reached): `PreviewServer` then polls with `FolderWatcher`.
/// When the kernel's queue overflows (events lost), `wait` reports every root's
/// label alone (`content`, `templates`), which rebuilds everything from the disk.
/// When a new folder cannot be watched (the limit reached), `limitReached` is set and
/// the server polls from then on.
final class InotifyWatcher: @unchecked Sendable {  // used by the one watcher thread
    /// What a watched folder stands for: a folder of a root, or a single-file root's
    /// parent (only events for `file` count, reported as `label`).
    private struct Role {
        var label: String
        var path: String
        var file: String?
    }

    static let mask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_MOVED_FROM)

    private let descriptor: Int32
    private let roots: [(label: String, path: String)]
    private var roles: [Int32: [Role]] = [:]
    /// Folder label → its watch, to stop watching a folder removed or moved away.
    private var folders: [String: Int32] = [:]
    /// The roots that are folders (not single files).
    private var folderRoots: [(label: String, path: String)] = []
    /// Set when a new folder could not be watched (the limit reached): the caller polls from then on.
    private(set) var limitReached = false

    private init(descriptor: Int32, roots: [(label: String, path: String)]) {
        self.descriptor = descriptor
        self.roots = roots
    }

    deinit { close(descriptor) }

    /// Watches every folder of `roots`; nil when inotify cannot (then poll).
    static func make(roots: [(label: String, path: String)]) -> InotifyWatcher? {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let watcher = InotifyWatcher(descriptor: descriptor, roots: roots)
        for root in roots {
            var info = stat()
            if stat(root.path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                let split = root.path.folderAndName
                let parent = split.map { String($0.folder) } ?? "."
                let name = split.map { String($0.name) } ?? root.path
                guard watcher.add(parent.isEmpty ? "/" : parent, role: Role(label: root.label, path: parent, file: name)) else {
                    return nil
                }
            } else {
                watcher.folderRoots.append(root)
                var files: [String] = []
                guard watcher.watchTree(root.path, label: root.label, depth: 0, newFiles: &files) else { return nil }
            }
        }
        return watcher
    }

    /// Waits up to `milliseconds` for changes; returns the changed paths, sorted (empty
    /// when nothing changed). After the first event it reads on until the folders have
    /// been quiet for 5 ms (at most 50 ms), so that one save (a temporary file written,
    /// then renamed over the file) is one batch.
    func wait(milliseconds: Int32) -> [String] {
        guard ready(within: milliseconds) else { return [] }
        var changed = Set<String>()
        var overflow = false
        var waited = 0
        repeat {
            drain(into: &changed, overflow: &overflow)
            waited += 5
        } while waited < 50 && ready(within: 5)
        if overflow {
            // Events were lost: watch any folder that appeared, and rebuild everything.
            var files: [String] = []
            for root in folderRoots where !watchTree(root.path, label: root.label, depth: 0, newFiles: &files) {
                limitReached = true
            }
            return roots.map(\.label).sorted()
        }
        return changed.sorted()
    }

    private func ready(within milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0 && entry.revents & Int16(POLLIN) != 0
    }

    private func drain(into changed: inout Set<String>, overflow: inout Bool) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                handle(wd: wd, mask: mask, name: name, into: &changed, overflow: &overflow)
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into changed: inout Set<String>, overflow: inout Bool) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            overflow = true
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            roles[wd] = nil
            return
        }
        guard let roles = roles[wd], !name.isEmpty, !name.hasPrefix(".") else { return }
        for role in roles {
            if let file = role.file {
                if name == file { changed.insert(role.label) }
                continue
            }
            let label = role.label + "/" + name
            guard mask & UInt32(IN_ISDIR) != 0 else {
                changed.insert(label)
                continue
            }
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                // A folder appeared (made, or moved in with its files): watch it and report its files.
                var files: [String] = []
                if !watchTree(role.path + "/" + name, label: label, depth: 1, newFiles: &files) { limitReached = true }
                changed.formUnion(files)
                if files.isEmpty { changed.insert(label) }
            } else {
                // A folder went away with whatever it held.
                forget(label)
                changed.insert(label)
            }
        }
    }

    /// Watches `path` and the folders inside it; lists the files found into `newFiles`
    /// (relative to the roots' labels). False when a watch could not be added (a limit reached).
    private func watchTree(_ path: String, label: String, depth: Int, newFiles: inout [String]) -> Bool {
        guard depth < 32 else { return true }
        guard add(path, role: Role(label: label, path: path, file: nil)) else { return false }
        guard let entries = FileIO.listing(path) else { return true }
        var ok = true
        for (name, _) in entries {
            if name.hasPrefix(".") { continue }
            let inside = path + "/" + name
            var info = stat()
            guard stat(inside, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                ok = watchTree(inside, label: label + "/" + name, depth: depth + 1, newFiles: &newFiles) && ok
            } else {
                newFiles.append(label + "/" + name)
            }
        }
        return ok
    }

    private func add(_ path: String, role: Role) -> Bool {
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        guard wd >= 0 else { return errno != ENOSPC && errno != ENOMEM }
        var list = roles[wd] ?? []
        list.removeAll { $0.label == role.label && $0.file == role.file }
        list.append(role)
        roles[wd] = list
        if role.file == nil { folders[role.label] = wd }
        return true
    }

    /// Stops watching a folder that went away and every folder inside it.
    private func forget(_ label: String) {
        for (folder, wd) in folders where folder == label || folder.hasPrefix(label + "/") {
            folders[folder] = nil
            roles[wd]?.removeAll { $0.label == folder && $0.file == nil }
            if roles[wd]?.isEmpty ?? false {
                roles[wd] = nil
                inotify_rm_watch(descriptor, wd)
            }
        }
    }
}
#endif
