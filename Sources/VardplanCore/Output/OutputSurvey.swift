import VardplanSystem

/// What an output folder holds, sorted into what `vardplan build` wrote there (the
/// paths its stamp lists, and the folders above them) and everything else.
///
/// A build may replace a folder that holds nothing else: one it made (it has a stamp
/// and nothing unlisted), an empty one, or none at all. Entries at the top whose names
/// start with `.` (`.git`, `.gitignore`) are never counted: the writer carries them
/// over to the new output. Nothing is followed: a symbolic link is an entry of its own.
public struct OutputSurvey: Equatable, Sendable {
    /// Whether a folder was there at all.
    public var exists: Bool
    /// Whether the folder has a readable build stamp.
    public var hasStamp: Bool
    /// Files (and links and other non-folders) that the stamp does not list, counted below every foreign folder too.
    public var foreignFiles = 0
    /// Folders that hold no listed file, counted below every foreign folder too.
    public var foreignFolders = 0
    /// The first few foreign entries nearest the top, folders with a trailing `/`.
    public var foreignNames: [String] = []
    /// How many foreign entries there are nearest the top (those `foreignNames` are taken from).
    public var foreignTopEntries = 0
    /// True when counting stopped at `countLimit`.
    public var countStopped = false
    /// Every non-folder entry, foreign or not (top-level dot entries aside), relative to the folder.
    public var filePaths: [String] = []

    /// How many foreign entries are counted before the survey stops counting.
    public static let countLimit = 10_000
    /// How many names a message shows.
    public static let namesShown = 5

    /// True when a build may replace the folder without `--force`.
    public var isReplaceable: Bool { foreignFiles == 0 && foreignFolders == 0 }

    /// Whether the folder has a stamp and every file it lists is there with the size it
    /// lists (`BuildStamp.isIntact`), found while surveying; false unless `checkingStamp`.
    public var stampIsIntact = false

    /// Looks at the folder at `path` (links already resolved); `stamp` is its stamp
    /// when the caller has read it already, and `listed` its files by folder
    /// (`BuildStamp.filesByFolder`) when the caller has made them. Every folder that holds
    /// listed files is listed on every core and, with `checkingStamp`, the stamp's files in
    /// it are looked up there while it is open (`stampIsIntact`); the walk that sorts
    /// entries into listed and foreign then goes through those listings in the order of a
    /// walk from the top.
    public static func survey(_ path: String, stamp: BuildStamp?? = nil, listed: [String: [String: Int]]? = nil,
                              checkingStamp: Bool = true) -> OutputSurvey {
        guard FolderTree.kind(path) == .folder else {
            return OutputSurvey(exists: FolderTree.kind(path) != nil, hasStamp: false)
        }
        let stamp = stamp ?? BuildStamp.read(outputPath: path)
        var survey = OutputSurvey(exists: true, hasStamp: stamp != nil)
        let listed = listed ?? stamp?.filesByFolder ?? [:]
        let above = FolderTree.withParents(listed.keys)
        let folders = [""] + above.sorted()
        let listings = ParallelMap.map(folders, minimumCount: 2) { folder -> (entries: [(name: String, kind: FolderTree.Kind)], intact: Bool) in
            let full = folder.isEmpty ? path : path + "/" + folder
            let intact = !checkingStamp || listed[folder].map { BuildStamp.folder(full, holds: $0) } ?? true
            // Unsorted: the walk below sorts them only when it meets a foreign entry.
            return (FolderTree.entries(full, sorted: false), intact)
        }
        survey.stampIsIntact = checkingStamp && stamp != nil && listings.allSatisfy(\.intact)
        var entriesOf: [String: [(name: String, kind: FolderTree.Kind)]] = [:]
        entriesOf.reserveCapacity(folders.count)
        for (folder, listing) in zip(folders, listings) { entriesOf[folder] = listing.entries }
        // The first walk goes in the folders' own order and stops at the first foreign
        // entry; only then are the listings sorted and walked again, so that the names a
        // message shows and the counts come in name order. A site with nothing foreign
        // (every rebuild's case) is never sorted: sorting ≈ 650 listings by `String`'s `<`
        // was 2 % of a one-step rebuild's instructions.
        var inNameOrder = false
        var foundForeign = false

        func foreign(_ relative: String, _ kind: FolderTree.Kind, named: Bool) {
            guard inNameOrder else {
                foundForeign = true
                return
            }
            if named {
                survey.foreignTopEntries += 1
                if survey.foreignNames.count < namesShown {
                    survey.foreignNames.append(kind == .folder ? relative + "/" : relative)
                }
            }
            guard !survey.countStopped else { return }
            if kind == .folder {
                survey.foreignFolders += 1
                for entry in FolderTree.entries(path + "/" + relative) {
                    foreign(relative + "/" + entry.name, entry.kind, named: false)
                }
            } else {
                survey.foreignFiles += 1
                survey.filePaths.append(relative)
            }
            if survey.foreignFiles + survey.foreignFolders >= countLimit { survey.countStopped = true }
        }

        func walk(_ relative: String) {
            let names = listed[relative]
            for entry in entriesOf[relative] ?? [] where !foundForeign || inNameOrder {
                if relative.isEmpty && entry.name.hasPrefix(".") { continue }
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.kind == .folder && above.contains(child) {
                    walk(child)
                } else if entry.kind == .file && names?[entry.name] != nil {
                    survey.filePaths.append(child)
                } else {
                    foreign(child, entry.kind, named: true)
                }
            }
        }
        walk("")
        if foundForeign {
            for (folder, entries) in entriesOf { entriesOf[folder] = entries.sorted { $0.name < $1.name } }
            survey.filePaths = []
            inNameOrder = true
            walk("")
        }
        return survey
    }

    /// `2 files and 1 folder ('Documents/', 'photo.jpg')`.
    public var foreignDescription: String {
        func count(_ number: Int, _ one: String, _ many: String) -> String? {
            number == 0 ? nil : "\(number)\(countStopped ? " or more" : "") \(number == 1 ? one : many)"
        }
        let parts = [count(foreignFiles, "file", "files"), count(foreignFolders, "folder", "folders")].compactMap { $0 }
        var names = foreignNames.map { "'\($0)'" }.joined(separator: ", ")
        if foreignTopEntries > foreignNames.count { names += ", …" }
        return parts.joined(separator: " and ") + " (" + names + ")"
    }
}
