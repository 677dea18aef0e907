#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import VardplanSystem

/// A content folder on disk read through its index (`ContentIndex`): a file whose
/// stamp matches its entry is not opened, and a step file indexed by its front matter
/// gives only those bytes (`frontMatterOnly(_:)` says which, so a printout reads the
/// steps it shows whole). Every other file is read from disk, and what was read makes
/// the index that `save()` writes. A build reads through it too
/// (`detachedContents(ofEach:)`): a step it lets the body of go is then not opened at all.
///
/// A folder is listed from disk unless its stamp matches its listing in the index (a
/// folder's times move whenever an entry is added, removed or renamed in it), so an
/// added, removed or renamed file is always seen; a step whose translation appeared
/// since it was indexed is read whole (its drift check hashes the body).
public final class IndexedFileSystem: ContentFileSystem {
    /// The folder on disk.
    public let base: DiskFileSystem
    public let store: ContentIndexStore
    /// Which files (by relative path) are indexed; the others are always read.
    let indexes: @Sendable (String) -> Bool
    /// Whether step files may be indexed by their front matter (a content folder).
    let shortensSteps: Bool

    private struct State {
        /// The index read per area (empty when there was none).
        var indexes: [String: ContentIndex] = [:]
        /// The folders listed so far, each with the stems of its `.md` files that have a
        /// translation beside them (`x` for `x.en.md`; almost always none).
        var listed: [Substring: Set<Substring>] = [:]
        /// What each file read gave, by area: the index to save.
        var fresh: [String: ContentIndex] = [:]
        /// Areas in which some file was not served from the index.
        var changed: Set<String> = []
        /// Steps given by their front matter only: path → those bytes.
        var shortened: [String: [UInt8]] = [:]

        /// What the index holds of `file`.
        mutating func lookUp(_ file: String, from store: ContentIndexStore) -> Lookup {
            let area = ContentIndex.area(of: file)
            return Lookup(area: area, entry: index(area, from: store).entries[file],
                          untranslatedStep: IndexedFileSystem.isUntranslated(file, listed: listed))
        }

        /// Records what reading `file` gave: the index to save, and whether its area changed.
        mutating func record(_ file: String, in area: String, _ fetched: Fetched) {
            switch fetched {
            case .served(let entry):
                fresh[area, default: ContentIndex()].entries[file] = entry
                if entry.kind == .frontMatter { shortened[file] = entry.bytes }
            case .read(let made):
                changed.insert(area)
                if let made { fresh[area, default: ContentIndex()].entries[file] = made }
            case .failed:
                changed.insert(area)
            }
        }

        /// The index of `area`, read from `store` the first time it is asked for.
        mutating func index(_ area: String, from store: ContentIndexStore) -> ContentIndex {
            if let index = indexes[area] { return index }
            let index = store.read(area: area) ?? ContentIndex()
            indexes[area] = index
            // Room for what this read will record again, instead of a rehash every
            // time the tables double.
            if fresh[area] == nil {
                var empty = ContentIndex()
                empty.entries.reserveCapacity(index.entries.count)
                empty.folders.reserveCapacity(index.folders.count)
                fresh[area] = empty
            }
            shortened.reserveCapacity(shortened.count + index.entries.count)
            return index
        }
    }

    private let state = Mutex(State())

    /// `indexing` says which files to index (by relative path): by default the `.md` and
    /// `.yaml` files the model reads (images are read when shown); any other choice
    /// (a templates folder) keeps every file whole.
    public init(base: DiskFileSystem, store: ContentIndexStore, indexing: (@Sendable (String) -> Bool)? = nil) {
        self.base = base
        self.store = store
        self.indexes = indexing ?? IndexedFileSystem.isContentText
        self.shortensSteps = indexing == nil
    }

    /// `.md` and `.yaml` files.
    public static func isContentText(_ path: String) -> Bool {
        path.utf8.hasSuffix(".md".utf8) || path.utf8.hasSuffix(".yaml".utf8)
    }

    /// Whether every folder listed and every file read so far came from the index
    /// unchanged (nothing was read from disk, nothing failed).
    public var servedEverything: Bool {
        state.withLock { $0.changed.isEmpty && !$0.indexes.isEmpty }
    }

    /// Whether the index read holds `marker` (a name no file can have, recorded with
    /// `setMarker(_:)`): a fact about the files exactly as indexed.
    public func hasMarker(_ marker: String) -> Bool {
        state.withLock { $0.indexes["shared"]?.entries[marker] != nil }
    }

    /// Records `marker` in the index that `save()` writes.
    public func setMarker(_ marker: String) {
        let entry = ContentIndexEntry(stamp: FileStamp(device: 0, inode: 0, size: 0, modified: 0, changed: 0),
                                      kind: .whole, bytes: [])
        state.withLock { state in
            state.fresh["shared", default: ContentIndex()].entries[marker] = entry
            state.changed.insert("shared")
        }
    }

    /// The bytes given for a step indexed by its front matter only, or nil when the
    /// file was given whole.
    public func frontMatterOnly(_ path: String) -> [UInt8]? {
        state.withLock { $0.shortened[path] }
    }

    /// Whether some file was given by its front matter only.
    public var servedFrontMatter: Bool {
        state.withLock { !$0.shortened.isEmpty }
    }

    /// Writes the index of every area a file was read from, where it changed.
    public func save() {
        let (fresh, changed, indexes) = state.withLock { ($0.fresh, $0.changed, $0.indexes) }
        for (area, index) in fresh.sorted(by: { $0.key < $1.key })
        where changed.contains(area) || index.entries.count != indexes[area]?.entries.count
            || index.folders.count != indexes[area]?.folders.count {
            store.write(index, area: area)
        }
    }

    // MARK: - ContentFileSystem

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        let area = ContentIndex.area(ofFolder: directory)
        let path = base.absolute(directory)
        let stamp = FileStamp.ofFolder(path)
        let known = state.withLock { state in state.index(area, from: store).folders[directory] }
        let entries: [DirectoryEntry]
        if let stamp, let known, known.stamp == stamp {
            entries = known.entries
            state.withLock { $0.fresh[area, default: ContentIndex()].folders[directory] = known }
        } else {
            let onlyPlain: Bool
            do {
                (entries, onlyPlain) = try base.listing(of: directory)
            } catch {
                state.withLock { _ = $0.changed.insert(area) }
                throw error
            }
            // Only plain files and folders: a link's target may change without the folder.
            let plain = onlyPlain && entries.allSatisfy { $0.problem == nil }
            state.withLock { state in
                state.changed.insert(area)
                if let stamp, plain, store.isSettled(stamp) {
                    state.fresh[area, default: ContentIndex()].folders[directory] = ContentIndexFolder(stamp: stamp, entries: entries)
                }
            }
        }
        let translated = Self.translatedStems(entries)
        state.withLock { $0.listed[directory[...]] = translated }
        return entries
    }

    public func contents(of file: String) throws -> [UInt8] {
        try contents(of: file, maximumSize: base.maximumFileSize)
    }

    public func contents(of file: String, maximumSize: Int) throws -> [UInt8] {
        guard indexes(file) else {
            return try base.contents(of: file, maximumSize: maximumSize)
        }
        let stamp = FileStamp.of(base.absolute(file))
        // Looked up and, when served (the usual case), recorded under one lock.
        let (served, lookup) = state.withLock { state -> ([UInt8]?, Lookup) in
            let lookup = state.lookUp(file, from: store)
            guard let entry = lookup.serves(stamp, maximumSize: maximumSize) else { return (nil, lookup) }
            state.record(file, in: lookup.area, .served(entry))
            return (entry.bytes, lookup)
        }
        if let served { return served }
        let (bytes, fetched) = readFromDisk(file, stamp: stamp, lookup: lookup, maximumSize: maximumSize)
        state.withLock { $0.record(file, in: lookup.area, fetched) }
        return try bytes.get()
    }

    /// Every file at once: looked up under one lock, stat'ed and (where the index does
    /// not serve it) read on every core, recorded under one lock. Per file, the
    /// readers of a printout on both cores contended for the lock.
    public func contents(ofEach files: [String]) -> [Result<[UInt8], any Error>] {
        let maximumSize = base.maximumFileSize
        return batch(files) { index, lookup, stamp -> (Fetched?, Result<[UInt8], any Error>) in
            guard let lookup else { return (nil, Result { try base.contents(of: files[index], maximumSize: maximumSize) }) }
            if let entry = lookup.serves(stamp, maximumSize: maximumSize) { return (.served(entry), .success(entry.bytes)) }
            let (bytes, fetched) = readFromDisk(files[index], stamp: stamp, lookup: lookup, maximumSize: maximumSize)
            return (fetched, bytes)
        }
    }

    /// Every file as a build's snapshot keeps it, at once, as `contents(ofEach:)` reads:
    /// a step file to detach whose entry serves it is not opened — its front matter and
    /// the record of its body come from the entry (`DetachedBody.indexed`), and its body
    /// is read for the pass from `base` (`wholeFiles`). Every other file is served or
    /// read as by `contents(ofEach:)`, and what was read is indexed.
    public func detachedContents(ofEach files: [(path: String, detach: Bool)])
        -> [(bytes: Result<[UInt8], any Error>, body: DetachedBody?)] {
        batch(files.map(\.path)) { index, lookup, stamp -> (Fetched?, (bytes: Result<[UInt8], any Error>, body: DetachedBody?)) in
            let file = files[index]
            guard let lookup else { return (nil, DetachedBody.read(file.path, detach: file.detach, from: base)) }
            let read = detachedRead(file, lookup: lookup, stamp: stamp)
            return (read.0, (read.bytes, read.body))
        }
    }

    /// Reads many files: looks them up under one lock; on every core, folder by folder,
    /// stats each file the index holds relative to its open folder (one path lookup per
    /// folder, not per file) and calls `read` with its index, lookup (nil: a file the
    /// index does not hold) and stamp; records what each read gave under one lock.
    private func batch<Output: Sendable>(_ paths: [String],
                                         _ read: @Sendable (Int, Lookup?, FileStamp?) -> (Fetched?, Output)) -> [Output] {
        let lookups = state.withLock { state in
            paths.map { path in indexes(path) ? state.lookUp(path, from: store) : nil }
        }
        // Runs of files in one folder (a snapshot lists them folder by folder).
        var runs: [Range<Int>] = []
        var start = 0
        var folder = paths.first.map(Self.folder(of:)) ?? ""
        for index in paths.indices.dropFirst() {
            let next = Self.folder(of: paths[index])
            guard next != folder else { continue }
            runs.append(start..<index)
            (start, folder) = (index, next)
        }
        if start < paths.count { runs.append(start..<paths.count) }
        let results = ParallelMap.map(runs) { run -> [(Fetched?, Output)] in
            let folder = Self.folder(of: paths[run.lowerBound])
            let descriptor = open(base.absolute(String(folder)), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if descriptor >= 0 { close(descriptor) } }
            let nameStart = folder.isEmpty ? 0 : folder.utf8.count + 1
            return run.map { index in
                guard let lookup = lookups[index] else { return read(index, nil, nil) }
                let stamp = descriptor >= 0
                    ? FileStamp.of(paths[index], nameStart: nameStart, in: descriptor)
                    : FileStamp.of(base.absolute(paths[index]))
                return read(index, lookup, stamp)
            }
        }.flatMap { $0 }
        state.withLock { state in
            for (path, (lookup, result)) in zip(paths, zip(lookups, results)) {
                if let lookup, let fetched = result.0 { state.record(path, in: lookup.area, fetched) }
            }
        }
        return results.map(\.1)
    }

    /// The folder part of a relative path (`""` at the top).
    private static func folder(of path: String) -> Substring {
        path.folderAndName?.folder ?? ""
    }

    /// One file of `detachedContents(ofEach:)` that the index may hold, stamped `stamp` now.
    private func detachedRead(_ file: (path: String, detach: Bool), lookup: Lookup, stamp: FileStamp?)
        -> (Fetched?, bytes: Result<[UInt8], any Error>, body: DetachedBody?) {
        if let stamp, let entry = lookup.serves(stamp, maximumSize: base.maximumFileSize) {
            switch entry.kind {
            case .whole:
                let kept = file.detach ? DetachedBody.split(entry.bytes, path: file.path, stamp: stamp)
                                       : (.success(entry.bytes), nil)
                return (.served(entry), kept.bytes, kept.body)
            case .frontMatter:
                if file.detach, let facts = entry.stepBody,
                   let (frontMatter, body) = DetachedBody.indexed(entry.bytes, path: file.path, stamp: stamp, body: facts) {
                    return (.served(entry), .success(frontMatter), body)
                }
            }
        }
        guard file.detach else {
            let (bytes, fetched) = readFromDisk(file.path, stamp: stamp, lookup: lookup, maximumSize: base.maximumFileSize)
            return (fetched, bytes, nil)
        }
        // Stamped from the open file, as `StepBodyReader` checks it; indexed only when
        // that is the stamp the path had before it was opened.
        do {
            let (bytes, opened) = try base.stampedContents(of: file.path)
            let read = DetachedBody.split(bytes, path: file.path, stamp: opened)
            guard opened == stamp else { return (.read(made: nil), read.bytes, read.body) }
            return (.read(made: entry(file.path, stamp: stamp, bytes: bytes, lookup: lookup, detached: read.body)),
                    read.bytes, read.body)
        } catch {
            return (.failed, .failure(error), nil)
        }
    }

    /// A build reads the bodies it let go from the disk: the index gives steps in part.
    public var wholeFiles: any ContentFileSystem { base }

    /// What the index holds of one file, looked up before the file is stat'ed.
    private struct Lookup: Sendable {
        var area: String
        var entry: ContentIndexEntry?
        /// A step file with no translation beside it (`isUntranslated`), which the index
        /// may give by its front matter only.
        var untranslatedStep: Bool

        /// The entry, when it serves the file as it is now (`stamp`).
        func serves(_ stamp: FileStamp?, maximumSize: Int) -> ContentIndexEntry? {
            guard let stamp, let entry, entry.stamp == stamp, stamp.size <= UInt64(maximumSize),
                  entry.kind == .whole || untranslatedStep else { return nil }
            return entry
        }
    }

    /// What reading one file gave the index (the bytes go to the caller alone: a
    /// build's read lets go of each step's body once it is split).
    private enum Fetched: Sendable {
        /// Given by the index.
        case served(ContentIndexEntry)
        /// Read from disk, with the entry to index it by when its stamp is settled.
        case read(made: ContentIndexEntry?)
        /// Not readable from disk.
        case failed
    }

    /// Reads a file the index did not serve, and makes its entry.
    private func readFromDisk(_ file: String, stamp: FileStamp?, lookup: Lookup, maximumSize: Int)
        -> (bytes: Result<[UInt8], any Error>, fetched: Fetched) {
        do {
            let bytes = try base.contents(of: file, maximumSize: maximumSize)
            return (.success(bytes), .read(made: entry(file, stamp: stamp, bytes: bytes, lookup: lookup)))
        } catch {
            return (.failure(error), .failed)
        }
    }

    /// The entry for a file read whole, when its stamp is settled and says the size read;
    /// made from the split a build made of it (`detached`), where there is one.
    private func entry(_ file: String, stamp: FileStamp?, bytes: [UInt8], lookup: Lookup,
                       detached: DetachedBody? = nil) -> ContentIndexEntry? {
        guard let stamp, store.isSettled(stamp), stamp.size == UInt64(bytes.count) else { return nil }
        let mayShorten = shortensSteps && lookup.untranslatedStep && ContentIndexEntry.isStepPath(file)
        if mayShorten, let detached { return ContentIndexEntry(stamp: stamp, bytes: bytes, detached: detached) }
        return ContentIndexEntry(stamp: stamp, bytes: bytes, path: file, mayShorten: mayShorten)
    }

    public func isDirectory(_ path: String) -> Bool {
        base.isDirectory(path)
    }

    public func identity(of directory: String) -> FileIdentity? {
        base.identity(of: directory)
    }

    /// The stems of a listing's `.md` files that have a translation beside them: `x`
    /// for `x.en.md`.
    static func translatedStems(_ entries: [DirectoryEntry]) -> Set<Substring> {
        var translated: Set<Substring> = []
        for entry in entries where !entry.isDirectory {
            if let stem = markdownStem(entry.name[...]), let language = ContentLoader.languageSuffixLength(stem.utf8) {
                translated.insert(stem[..<stem.utf8.index(stem.utf8.endIndex, offsetBy: -(language + 1))])
            }
        }
        return translated
    }

    /// Whether `file` is a `.md` file, in a folder listed so far, that is neither a
    /// translation (`x.en.md`) nor has one beside it.
    static func isUntranslated(_ file: String, listed: [Substring: Set<Substring>]) -> Bool {
        let (folder, name) = file.folderAndName ?? (""[...], file[...])
        guard let stem = markdownStem(name), ContentLoader.languageSuffixLength(stem.utf8) == nil,
              let translated = listed[folder] else { return false }
        return translated.isEmpty || !translated.contains(stem)
    }

    /// The name without `.md` (cut by bytes: `dropLast` on a string walks characters);
    /// nil for a name that is not a `.md` file's or is only `.md`.
    private static func markdownStem(_ name: Substring) -> Substring? {
        guard name.utf8.count > 3, name.utf8.hasSuffix(".md".utf8) else { return nil }
        return name[..<name.utf8.index(name.utf8.endIndex, offsetBy: -3)]
    }
}

extension IndexedFileSystem {
    /// Reads every `.md` and `.yaml` file of a content folder through its index and
    /// saves the index: what `check` does after its work, so that a printout finds it
    /// fresh. Files whose stamps match are only stat'ed.
    public static func refresh(_ content: DiskFileSystem, store: ContentIndexStore) {
        let indexed = IndexedFileSystem(base: content, store: store)
        let paths = indexed.filePaths().filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }
        _ = ParallelMap.map(paths) { path in
            (try? indexed.contents(of: path, maximumSize: SourceTextValidator.maximumFileSize)) != nil
        }
        indexed.save()
    }
}

extension BidirectionalCollection where Element == UInt8 {
    /// Whether the bytes end with `suffix` (byte for byte, unlike `String.hasSuffix`,
    /// which compares characters and costs several times more).
    func hasSuffix(_ suffix: String.UTF8View) -> Bool {
        count >= suffix.count && dropFirst(count - suffix.count).elementsEqual(suffix)
    }
}
