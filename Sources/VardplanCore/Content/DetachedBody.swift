import VardplanDiagnostics
import VardplanFrontMatter
import VardplanSystem

/// What a build keeps of a step file whose body it let go after reading: where the
/// body is, what the model needs of it (words, emptiness), and how to tell that the
/// file read again for its diagnosis's pass is the same (`StepBodyReader`).
///
/// The snapshot keeps the front matter's bytes (up to and with the closing `---`
/// line), so front matter, titles and their positions work as before; the body is
/// read again, once per diagnosis, under this record's identity check.
public struct DetachedBody: Sendable {
    // Stored compactly: a build holds one record per step file (34 000 at 100 diagnoses)
    // from loading to the end of the pass. Content files are at most 1 MB.
    private let bodyStart: UInt32
    private let bodyEnd: UInt32
    private let bodyFirstLine: UInt32
    private let words: UInt32
    /// Whether the body holds nothing but white space.
    public let isEmpty: Bool
    /// The file's fingerprint as the build stamp records it (path and bytes; `InputFingerprint`).
    public let fingerprintValue: UInt64
    /// The file's stamp when it was read, where the file system has one.
    public let stamp: FileStamp?

    /// The body's bytes in the whole file (from the line after the closing `---`).
    public var range: Range<Int> { Int(bodyStart)..<Int(bodyEnd) }
    /// The 1-based line the body starts on.
    public var firstLine: Int { Int(bodyFirstLine) }
    /// Words in the body (`ContentFileParser.wordCount`).
    public var wordCount: Int { Int(words) }
    /// The fingerprint as hex, as the build stamp writes it.
    public var fingerprint: String { InputFingerprint.hex(fingerprintValue) }

    init(range: Range<Int>, firstLine: Int, wordCount: Int, isEmpty: Bool, fingerprint: UInt64, stamp: FileStamp?) {
        bodyStart = UInt32(range.lowerBound)
        bodyEnd = UInt32(range.upperBound)
        bodyFirstLine = UInt32(firstLine)
        words = UInt32(wordCount)
        self.isEmpty = isEmpty
        fingerprintValue = fingerprint
        self.stamp = stamp
    }

    /// Splits a whole step file read from `fileSystem` at `path`: its front matter's
    /// bytes and the record of its body, or nil when the file is better kept whole —
    /// not usable text, no (or unclosed) front matter, or no body to speak of — so
    /// that the loader reports its problems as before.
    static func detach(_ bytes: [UInt8], path: String, stamp: FileStamp?, fingerprint: UInt64)
        -> (frontMatter: [UInt8], body: DetachedBody)? {
        var ignored = Diagnostics()
        let whole = SourceFile(path: path, bytes: bytes)
        guard bytes.count <= SourceTextValidator.maximumFileSize,
              SourceTextValidator.validate(whole, diagnostics: &ignored),
              let (frontMatter, split) = frontMatter(of: bytes, path: path) else { return nil }
        let body = bytes[split.bodyRange]
        let record = DetachedBody(
            range: split.bodyRange, firstLine: split.bodyFirstLine,
            wordCount: ContentFileParser.wordCount(body),
            isEmpty: ContentFileParser.isBlank(body),
            fingerprint: fingerprint, stamp: stamp)
        return (frontMatter, record)
    }

    /// What `detach` makes of a step file that the content index gives by its front
    /// matter (`ContentIndexEntry.Kind.frontMatter`: valid text, the front matter and the
    /// body's first character, which is not white space), without reading the file: the
    /// body runs to the end of the file as stamped, and its words and the file's
    /// fingerprint are the index's. Nil when `detach` would have kept the file whole.
    static func indexed(_ prefix: [UInt8], path: String, stamp: FileStamp, body: ContentIndexEntry.StepBody)
        -> (frontMatter: [UInt8], body: DetachedBody)? {
        guard stamp.size <= UInt64(SourceTextValidator.maximumFileSize), stamp.size > UInt64(prefix.count),
              let (frontMatter, split) = frontMatter(of: prefix, path: path) else { return nil }
        let record = DetachedBody(
            range: split.bodyRange.lowerBound..<Int(stamp.size), firstLine: split.bodyFirstLine,
            wordCount: Int(body.words), isEmpty: false, fingerprint: body.fingerprint, stamp: stamp)
        return (frontMatter, record)
    }

    /// The front matter's bytes (up to and with the closing fence's line) and the split
    /// of `bytes` (a whole file, or its beginning past the fence), when the front matter
    /// is closed, splits without a problem, is followed by a body, and splits the same
    /// way alone (it ends with the fence's line break).
    private static func frontMatter(of bytes: [UInt8], path: String)
        -> (frontMatter: [UInt8], split: FrontMatterSplitter.Split)? {
        var ignored = Diagnostics()
        let split = FrontMatterSplitter.split(SourceFile(path: path, bytes: bytes), diagnostics: &ignored)
        guard ignored.isEmpty, split.frontMatterRange != nil, split.bodyRange.count > 0 else { return nil }
        let frontMatter = Array(bytes[..<split.bodyRange.lowerBound])
        let alone = FrontMatterSplitter.split(SourceFile(path: path, bytes: frontMatter), diagnostics: &ignored)
        guard ignored.isEmpty, alone.frontMatterRange == split.frontMatterRange,
              alone.bodyFirstLine == split.bodyFirstLine, alone.bodyRange.lowerBound == frontMatter.count
        else { return nil }
        return (frontMatter, split)
    }

    /// Reads one file as a build's snapshot keeps it: with `detach` (a step file whose
    /// body the build lets go, `isDetachable`), its front matter and the record of its
    /// body once it is fingerprinted, checked and split; otherwise whole.
    static func read(_ path: String, detach: Bool, from fileSystem: some ContentFileSystem)
        -> (bytes: Result<[UInt8], any Error>, body: DetachedBody?) {
        guard detach else { return (Result { try fileSystem.contents(of: path) }, nil) }
        do {
            let (bytes, stamp) = try fileSystem.stampedContents(of: path)
            return split(bytes, path: path, stamp: stamp)
        } catch {
            return (.failure(error), nil)
        }
    }

    /// A step file read whole, split as `read(_:detach:from:)` does.
    static func split(_ bytes: [UInt8], path: String, stamp: FileStamp?)
        -> (bytes: Result<[UInt8], any Error>, body: DetachedBody?) {
        let fingerprint = fingerprint(path: path, bytes: bytes)
        guard let (frontMatter, body) = detach(bytes, path: path, stamp: stamp, fingerprint: fingerprint)
        else { return (.success(bytes), nil) }
        return (.success(frontMatter), body)
    }

    /// The fingerprint of one input file, as the build stamp records it.
    static func fingerprint(path: String, bytes: [UInt8]) -> UInt64 {
        var one = InputFingerprint()
        one.add(path)
        one.addWords(bytes)
        return one.value
    }

    /// Whether `path` (relative to the content folder) is a step file whose body a
    /// build may let go until its pass: a Swedish step in a section folder
    /// (`general/<module>/<section>/<step>.md`, `diagnoses/<d>/<module>/<section>/<step>.md`)
    /// without a translation beside it (the model hashes a translated step's body for
    /// `source_hash`). `translated`: the stems its folder has translations of
    /// (`translatedStems`).
    static func isDetachable(_ path: String, translated: Set<String>) -> Bool {
        guard path.hasSuffix(".md") else { return false }
        let parts = path.pathParts(omittingEmpty: false)
        guard (parts.first == "general" && parts.count == 4) || (parts.first == "diagnoses" && parts.count == 5)
        else { return false }
        let name = parts[parts.count - 1]
        guard !name.hasPrefix("_"), !name.hasPrefix(".") else { return false }
        let stem = String(name.dropLast(3))
        return ContentLoader.translationParts(stem) == nil && !translated.contains(stem)
    }

    /// The stems that a folder's translations (`x.en.md`) translate (`x`): made once per
    /// folder, not once per file (each file looked through all its siblings).
    static func translatedStems(_ entries: [DirectoryEntry]) -> Set<String> {
        var stems: Set<String> = []
        for entry in entries where !entry.isDirectory && entry.name.hasSuffix(".md") {
            if let (stem, _) = ContentLoader.translationParts(String(entry.name.dropLast(3))) { stems.insert(stem) }
        }
        return stems
    }
}
