#if canImport(Glibc)
import Glibc
#endif

/// Where a build's output folder is on disk, and the entries beside it that a build
/// uses: the staging folder, the previous output during a swap, and the lock file.
///
/// `--output LINK`, where LINK is a symbolic link to a folder, means the folder the
/// link points to: the build goes there and the swap happens beside it, so the link
/// stays a link and shows the new site. A link to anything else, or to nothing, is
/// refused.
struct OutputLocation: Sendable {
    /// The path as the user gave it, for messages.
    let display: String
    /// The output folder itself, links resolved.
    let path: String
    /// The folder that holds the output, the staging folder and the lock file.
    let parent: String
    /// The output folder's own name.
    let name: String

    /// Resolves `display`. Throws `.notAFolder`, `.linkToNonFolder` or `.danglingLink`.
    static func resolve(_ display: String) throws(SiteWriter.WriteError) -> OutputLocation {
        var path = display
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        switch FolderTree.kind(path) {
        case nil, .folder?:
            break
        case .file?:
            throw .notAFolder(path: display)
        case .other?:
            let target = linkTarget(path)
            guard let target else { throw .notAFolder(path: display) }
            var info = stat()
            guard stat(path, &info) == 0 else {
                // The folder a link points to may be missing because a build into it
                // was stopped mid-swap: then recovery puts it back.
                if let stopped = stoppedBuildTarget(link: path, target: target) { return stopped.with(display: display) }
                throw .danglingLink(path: display, target: target)
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .linkToNonFolder(path: display, target: target) }
            guard let resolved = realpath(path, nil) else { throw .danglingLink(path: display, target: target) }
            path = String(cString: resolved)
            free(resolved)
        }
        let split = path.folderAndName
        let parent = split.map { $0.folder.isEmpty ? "/" : String($0.folder) } ?? "."
        let name = split.map { String($0.name) } ?? path
        return OutputLocation(display: display, path: path, parent: parent, name: name)
    }

    /// Where a dangling link points, when that folder's parent holds a complete
    /// leftover of a stopped build for it; else nil.
    private static func stoppedBuildTarget(link: String, target: String) -> OutputLocation? {
        let linkFolder = link.lastSlash.map { String(link[..<$0]) } ?? "."
        let absolute = target.hasPrefix("/") ? target : (linkFolder.isEmpty ? "/" : linkFolder) + "/" + target
        guard let split = absolute.folderAndName, let parent = realpath(split.folder.isEmpty ? "/" : String(split.folder), nil) else {
            return nil
        }
        let resolvedParent = String(cString: parent)
        free(parent)
        let name = String(split.name)
        guard !name.isEmpty, name != ".", name != ".." else { return nil }
        let location = OutputLocation(display: link, path: (resolvedParent == "/" ? "" : resolvedParent) + "/" + name,
                                      parent: resolvedParent, name: name)
        return AbandonedBuilds.find(location).contains { AbandonedBuilds.isComplete($0.path) } ? location : nil
    }

    private func with(display: String) -> OutputLocation {
        OutputLocation(display: display, path: path, parent: parent, name: name)
    }

    /// The target a symbolic link names, or nil when `path` is not a link.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func beside(_ entry: String) -> String {
        parent == "/" ? "/" + entry : parent + "/" + entry
    }

    /// The staging folder of the build run by process `pid`.
    func staging(pid: Int32) -> String { beside(".\(name).staging-\(pid)") }

    /// Where the previous output waits during a two-rename swap by process `pid`.
    func previous(pid: Int32) -> String { beside(".\(name).previous-\(pid)") }

    /// The previous output, kept after a swap for the next build's staging folder (`SpareOutput`).
    var spare: String { beside(".\(name).spare") }

    /// The lock file that lets one build at a time write this output.
    var lockPath: String { beside(".\(name).lock") }

    /// The prefixes of staging and previous folders, for finding those of stopped builds.
    var leftoverPrefixes: [(prefix: String, isStaging: Bool)] {
        [(".\(name).staging-", true), (".\(name).previous-", false)]
    }

    /// The path of an entry of the parent folder.
    func sibling(_ entry: String) -> String { beside(entry) }
}
