import VardplanSystem

/// An input folder (`content/`, `templates/`) read once: one walk lists every folder,
/// then every file is read on all cores. Every stage after it (loaders, fingerprints
/// for incremental builds, `check`, `build`, `print`, the preview's rebuilds) reads
/// the snapshot, never the disk — except a build's step bodies, each read a second
/// time for its diagnosis's pass under an identity check (below).
///
/// Files are keyed by their path relative to the folder (`diagnoses/x/_diagnosis.md`):
/// that is a file's identity. The path shown in messages (`content/diagnoses/…`) is
/// derived from it with `display(_:)`.
///
/// A build's snapshot may let step bodies go (`detachingStepBodies`): a step file is
/// read once whole — fingerprinted, checked, its words counted — and only its front
/// matter is kept; the pass over its diagnosis reads it again (`stepBodies`, see
/// `StepBodyReader` for the rule). Every other file is kept whole.
///
/// A file that cannot be read is kept with the reason (`FileProblem`, or unreadable),
/// and reading it from the snapshot fails the way reading it from the folder did, so
/// the loaders report it as before. A folder reached a second time (by a symbolic
/// link) is listed, not entered, as the walkers expect.
public struct ContentSnapshot: ContentFileSystem {
    /// The folder as the user named it (`content`): paths in messages start with it.
    public let displayRoot: String
    /// Every file read, by every path that reaches it.
    private let paths: [String]

    /// The listing of every folder entered, by relative path (`""`: the root).
    private let listings: [String: [DirectoryEntry]]
    /// Which real folder each listed folder is, where the file system knows.
    private let identities: [String: FileIdentity]
    /// What reading each file gave (for a detached step file: its front matter).
    private let files: [String: FileRead]
    /// The step files whose bodies were let go, and the file system to read them again.
    public let stepBodies: StepBodyReader

    /// What reading one file gave.
    enum FileRead: Sendable {
        case bytes([UInt8])
        case problem(FileProblem)
        case unreadable

        /// A read's result: its bytes, the problem it met, or unreadable for any other error.
        init(_ result: Result<[UInt8], any Error>) {
            switch result {
            case .success(let bytes): self = .bytes(bytes)
            case .failure(let problem as FileProblem): self = .problem(problem)
            case .failure: self = .unreadable
            }
        }
    }

    /// Reads `fileSystem` whole. `enter` decides whether to go into a folder (given
    /// its relative path): a printout reads one diagnosis's folder only.
    /// Files are read up to the file system's own size limit (`DiskFileSystem`: 10 MB).
    /// `detachingStepBodies`: keep only the front matter of step files (a build, whose
    /// `DiagnosisPass` reads each body again through `stepBodies`).
    public init(reading fileSystem: any ContentFileSystem, displayRoot: String,
                entering enter: (String) -> Bool = { _ in true }, detachingStepBodies: Bool = false) {
        self.displayRoot = displayRoot
        var listings: [String: [DirectoryEntry]] = [:]
        var identities: [String: FileIdentity] = [:]
        var paths: [String] = []
        var detachable: [Bool] = []
        let root = fileSystem.identity(of: "")
        if let root { identities[""] = root }
        // Every folder is listed by every path that reaches it, so that the loaders,
        // which report a folder reached a second time themselves, find whichever path
        // they enter first; only a folder inside itself (a link to a folder above) is
        // not entered again. Dot entries are kept: the walkers skip them themselves.
        func walk(_ directory: String, depth: Int, above: Set<FileIdentity>) {
            guard depth < 64, let entries = try? fileSystem.entries(of: directory) else { return }
            listings[directory] = entries
            let translated = detachingStepBodies ? DetachedBody.translatedStems(entries) : []
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = joinPath(directory, entry.name)
                if entry.isDirectory, entry.problem == nil {
                    guard enter(path) else { continue }
                    var inside = above
                    if let identity = entry.identity {
                        identities[path] = identity
                        guard inside.insert(identity).inserted else {
                            paths.append(path)
                            detachable.append(false)
                            continue
                        }
                    }
                    walk(path, depth: depth + 1, above: inside)
                } else {
                    paths.append(path)
                    detachable.append(detachingStepBodies && DetachedBody.isDetachable(path, translated: translated))
                }
            }
        }
        walk("", depth: 0, above: root.map { [$0] } ?? [])
        precondition(detachable.count == paths.count)
        let read: [(FileRead, DetachedBody?)]
        if detachingStepBodies {
            read = fileSystem.detachedContents(ofEach: zip(paths, detachable).map { ($0, $1) })
                .map { (FileRead($0.bytes), $0.body) }
        } else {
            // All at once: an index (`IndexedFileSystem`) looks them up and records them
            // under one lock, not under one per file on every core.
            read = fileSystem.contents(ofEach: paths).map { (FileRead($0), nil) }
        }
        var files: [String: FileRead] = [:]
        files.reserveCapacity(paths.count)
        var bodies: [String: DetachedBody] = [:]
        for (path, (result, body)) in zip(paths, read) {
            files[path] = result
            if let body { bodies[path] = body }
        }
        self.listings = listings
        self.identities = identities
        self.paths = paths
        self.files = files
        self.stepBodies = StepBodyReader(fileSystem: fileSystem.wholeFiles, displayRoot: displayRoot, bodies: bodies)
    }

    /// The fingerprint of a file (its path and bytes) as the build stamp records it:
    /// of the whole file, also when its body was let go. A step file whose body was
    /// let go has a second fingerprint, of its path and front matter, after a `+`
    /// (`<whole>+<front matter>`): when only the first changes, only the step's body
    /// did (`BuildChanges`).
    public func fingerprint(of path: String) -> String {
        // What the snapshot holds: the whole file, or a detached step file's front matter.
        let held = InputFingerprint.hex(DetachedBody.fingerprint(path: path, bytes: bytes(of: path) ?? []))
        guard let record = stepBodies.record(of: path) else { return held }
        return InputFingerprint.hex(record.fingerprintValue) + "+" + held
    }

    /// The snapshot's own copy of a relative path, so that the strings of the files
    /// loaded from it share one buffer per path (35 000 paths at 100 diagnoses).
    public func storedPath(_ path: String) -> String {
        files.index(forKey: path).map { files[$0].key } ?? path
    }

    /// The path shown in messages for a relative path (`content/…`).
    public func display(_ path: String) -> String {
        displayRoot.isEmpty ? path : joinPath(displayRoot, path)
    }

    /// The bytes of a file that was read, by relative path.
    public func bytes(of path: String) -> [UInt8]? {
        if case .bytes(let bytes) = files[path] { return bytes }
        return nil
    }

    // MARK: - ContentFileSystem

    public func entries(of directory: String) throws -> [DirectoryEntry] {
        guard let entries = listings[directory] else { throw ContentFileSystemError.unreadable(directory) }
        return entries
    }

    public func contents(of file: String) throws -> [UInt8] {
        try contents(of: file, maximumSize: .max)
    }

    public func contents(of file: String, maximumSize: Int) throws -> [UInt8] {
        switch files[file] {
        case .bytes(let bytes):
            guard bytes.count <= maximumSize else { throw FileProblem.tooLarge(size: bytes.count, limit: maximumSize) }
            return bytes
        case .problem(.tooLarge(let size, _)):
            throw FileProblem.tooLarge(size: size, limit: maximumSize)
        case .problem(let problem):
            throw problem
        case .unreadable, nil:
            throw ContentFileSystemError.unreadable(file)
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        listings[path] != nil || identities[path] != nil
    }

    public func identity(of directory: String) -> FileIdentity? {
        identities[directory]
    }
}
