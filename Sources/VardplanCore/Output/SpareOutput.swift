#if canImport(Glibc)
import Glibc
#endif
import VardplanSystem

/// The previous output, kept after a swap as `.NAME.spare` beside the output, and made
/// into the next build's staging folder instead of linking every kept page anew.
///
/// After a swap the old output holds hard links to most of the new output's files (the
/// pages the build kept). Deleting it and linking them all again in the next build was
/// about a fifth of a one-step rebuild's CPU (`unlinkat` and `linkat` of 23 000 pages at
/// 25 diagnoses). So the old output stays as the spare, and the next build that renders
/// renames the spare to its staging folder and `mirror`s the output into it: folder by
/// folder, both listings are read (each entry's inode number comes with its name), an
/// entry that already is the output's file (the same inode on the same device) stays,
/// anything else in the staging folder is removed, and every file of the output that is
/// missing is linked. Only what the last build changed costs a system call.
///
/// Nothing in the spare is trusted: whatever happened to it (a stopped build, files
/// added or edited by hand, a half-deleted tree), after `mirror` the staging folder
/// holds exactly the output's listed files as hard links, and the folders above them.
/// Writing into it never changes a shared file: the writer removes an entry before it
/// writes that path (`SiteWriter.Staging`). The spare's stamp is removed first, so a
/// staging folder stopped halfway is never taken for a complete site.
enum SpareOutput {
    /// Makes the folder `staging` (a spare, renamed) hold exactly the files `listed` of
    /// the output folder `output` (folder → name → size, as the output's intact stamp
    /// lists them) as hard links to the output's files, and nothing else. Returns false
    /// when that could not be done (the caller then starts from an empty folder).
    static func mirror(_ staging: String, of output: String, listed: [String: [String: Int]]) -> Bool {
        // First of all: a half-mirrored folder must never look like a complete site.
        unlink(staging + "/" + BuildStamp.fileName)
        let needed = FolderTree.withParents(listed.keys)
        let folders = [""] + needed.sorted()  // parents before their children
        for folder in folders.dropFirst() where !makeFolder(staging + "/" + folder) { return false }
        let done = ParallelMap.map(folders, minimumCount: 2) { folder -> Bool in
            let prefix = folder.isEmpty ? "" : folder + "/"
            let from = open(folder.isEmpty ? output : output + "/" + folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let into = open(folder.isEmpty ? staging : staging + "/" + folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            defer {
                if from >= 0 { close(from) }
                if into >= 0 { close(into) }
            }
            let names = listed[folder] ?? [:]
            // The staging folder's entries are only gone through, the output's looked up.
            guard from >= 0, into >= 0, sameDevice(from, into),
                  let outputEntries = FileIO.listing(descriptor: from),
                  let stagingEntries = FileIO.entries(descriptor: into) else { return false }
            var present = Set<String>(minimumCapacity: names.count)
            for entry in stagingEntries {
                let name = entry.name
                if entry.type == .directory && needed.contains(prefix + name) { continue }
                if entry.type == .file, names[name] != nil, let original = outputEntries[name],
                   original.type == .file, original.inode == entry.inode, entry.inode != 0 {
                    present.insert(name)
                    continue
                }
                if entry.type == .directory {
                    FolderTree.remove(staging + "/" + prefix + name)
                } else if unlinkat(into, name, 0) != 0 {
                    return false
                }
            }
            for name in names.keys where !present.contains(name) {
                guard outputEntries[name]?.type == .file, linkat(from, name, into, name, 0) == 0 else { return false }
            }
            return true
        }
        return !done.contains(false)
    }

    /// Removes from a mirrored staging folder the files the new build does not make
    /// (`stale`: paths) and then every folder that holds none of `kept` (paths). A path
    /// the build made in between stays, whatever it is (a page where a folder was).
    static func removeStale(_ stale: [String], in staging: String, keeping kept: Set<String>) {
        var foldersOfStale = Set<String>()
        for path in stale {
            unlink(staging + "/" + path)
            if let split = path.folderAndName { foldersOfStale.insert(String(split.folder)) }
        }
        guard !foldersOfStale.isEmpty else { return }
        let keptFolders = kept.lazy.compactMap { $0.folderAndName.map { String($0.folder) } }
        let needed = kept.union(FolderTree.withParents(keptFolders))
        // The highest folder above each stale file that nothing kept is in, removed whole.
        var removed = Set<String>()
        for folder in foldersOfStale.sorted() {
            var top: Substring?
            var current = Substring(folder)
            while !needed.contains(String(current)) {
                top = current
                guard let slash = current.lastSlash else { break }
                current = current[..<slash]
            }
            if let top, removed.insert(String(top)).inserted, FolderTree.kind(staging + "/" + top) == .folder {
                FolderTree.remove(staging + "/" + top)
            }
        }
    }

    /// Makes `path` a folder: a file or link in its place (a page of the previous
    /// build where this build needs a folder) is removed first.
    static func makeFolder(_ path: String) -> Bool {
        switch FolderTree.kind(path) {
        case .folder?: return true
        case nil: break
        case .file?, .other?: unlink(path)
        }
        return mkdir(path, 0o755) == 0 || FolderTree.kind(path) == .folder
    }

    /// Whether two open folders are on one device (inode numbers compare only there).
    private static func sameDevice(_ first: Int32, _ second: Int32) -> Bool {
        var a = stat(), b = stat()
        return fstat(first, &a) == 0 && fstat(second, &b) == 0 && a.st_dev == b.st_dev
    }
}
