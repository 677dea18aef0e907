import Synchronization
import VardplanSystem

/// A content folder on disk read through its index (`ContentIndex`): a file whose
/// stamp matches its entry is not opened, and a step file indexed by its front matter
/// gives only those bytes (`frontMatterOnly(_:)` says which, so a printout reads the
/// steps it shows whole). Every other file is read from disk, and what was read makes
/// the index that `save()` writes.
///
/// Folders are always listed from disk, so an added, removed or renamed file is seen;
/// a step whose translation appeared since it was indexed is read whole (its drift
/// check hashes the body).
public final class IndexedFileSystem: ContentFileSystem {
    /// The folder on disk.
    public let base: DiskFileSystem
    public let store: ContentIndexStore

    private struct State {
        /// The index read per area (empty when there was none).
        var indexes: [String: ContentIndex] = [:]
        /// Folders listed so far, and `folder/stem` of the steps with a translation in them.
        var listed: Set<String> = []
        var translated: Set<String> = []
        /// What each file read gave, by area: the index to save.
        var fresh: [String: ContentIndex] = [:]
        /// Areas in which some file was not served from the index.
        var changed: Set<String> = []
        /// Steps given by their front matter only: path → those bytes.
        var shortened: [String: [UInt8]] = [:]
    }

    private let state = Mutex(State())

    public init(base: DiskFileSystem, store: ContentIndexStore) {
        self.base = base
        self.store = store
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
        where changed.contains(area) || index.entries.count != indexes[area]?.entries.count {
            store.write(index, area: area)
        }
    }

    // MARK: - ContentFileSystem

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        let entries = try base.entries(of: directory)
        var stems: [String] = []
        for entry in entries where !entry.isDirectory && entry.name.hasSuffix(".md") {
            if let (stem, _) = ContentLoader.translationParts(String(entry.name.dropLast(3))) {
                stems.append(joinPath(directory, stem))
            }
        }
        state.withLock { state in
            state.listed.insert(directory)
            state.translated.formUnion(stems)
        }
        return entries
    }

    public func contents(of file: String) throws -> [UInt8] {
        try contents(of: file, maximumSize: base.maximumFileSize)
    }

    public func contents(of file: String, maximumSize: Int) throws -> [UInt8] {
        // Only the text files the model reads are indexed (images are read when shown).
        guard file.hasSuffix(".md") || file.hasSuffix(".yaml") else {
            return try base.contents(of: file, maximumSize: maximumSize)
        }
        let area = ContentIndex.area(of: file)
        let stamp = FileStamp.of(base.absolute(file))
        let (entry, untranslatedStep) = state.withLock { state -> (ContentIndexEntry?, Bool) in
            if state.indexes[area] == nil { state.indexes[area] = store.read(area: area) ?? ContentIndex() }
            return (state.indexes[area]!.entries[file], Self.isUntranslatedStep(file, state: state))
        }
        if let stamp, let entry, entry.stamp == stamp, stamp.size <= UInt64(maximumSize),
           entry.kind == .whole || untranslatedStep {
            state.withLock { state in
                state.fresh[area, default: ContentIndex()].entries[file] = entry
                if entry.kind == .frontMatter { state.shortened[file] = entry.bytes }
            }
            return entry.bytes
        }
        let bytes: [UInt8]
        do {
            bytes = try base.contents(of: file, maximumSize: maximumSize)
        } catch {
            state.withLock { _ = $0.changed.insert(area) }
            throw error
        }
        var made: ContentIndexEntry?
        if let stamp, store.isSettled(stamp), stamp.size == UInt64(bytes.count) {
            made = ContentIndexEntry(stamp: stamp, bytes: bytes,
                                     mayShorten: untranslatedStep && ContentIndexEntry.isStepPath(file))
        }
        state.withLock { state in
            state.changed.insert(area)
            if let made { state.fresh[area, default: ContentIndex()].entries[file] = made }
        }
        return bytes
    }

    public func isDirectory(_ path: String) -> Bool {
        base.isDirectory(path)
    }

    public func identity(of directory: String) -> FileIdentity? {
        base.identity(of: directory)
    }

    /// A file in a folder listed through this file system with no translation of it there.
    private static func isUntranslatedStep(_ file: String, state: State) -> Bool {
        guard let slash = file.lastIndex(of: "/") else { return false }
        let folder = String(file[..<slash])
        guard state.listed.contains(folder) else { return false }
        let name = file[file.index(after: slash)...]
        guard name.hasSuffix(".md") else { return false }
        return !state.translated.contains(folder + "/" + name.dropLast(3))
    }
}

extension IndexedFileSystem {
    /// Reads every `.md` and `.yaml` file of a content folder through its index and
    /// saves the index: what `build` and `check` do after their work, so that a
    /// printout finds it fresh. Files whose stamps match are only stat'ed.
    public static func refresh(_ content: DiskFileSystem, store: ContentIndexStore) {
        let indexed = IndexedFileSystem(base: content, store: store)
        let paths = indexed.filePaths().filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }
        _ = ParallelMap.map(paths) { path in
            (try? indexed.contents(of: path, maximumSize: SourceTextValidator.maximumFileSize)) != nil
        }
        indexed.save()
    }
}
