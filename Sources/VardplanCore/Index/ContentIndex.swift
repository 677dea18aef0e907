import VardplanDiagnostics
import VardplanFrontMatter
import VardplanSystem

/// What a printout or a build needs of one part of a content folder (one diagnosis's
/// folder, or `site.yaml`, `general/` and `regions/` together) without reading it: per
/// file its stamp (`FileStamp`, to tell whether it changed) and its bytes, whole or up to
/// the end of its front matter.
///
/// A step file that a printout may not show is read only as far as its model needs:
/// the front matter, and the body's first character (so that an empty body is still
/// told from a written one); with the whole file's fingerprint and the body's words,
/// which a build keeps of a step whose body it reads only for its pass. Every other
/// file (metadata, translations, regional files, `site.yaml`) is kept whole. The index
/// holds national text only, never a manifest.
public struct ContentIndex: Sendable, Equatable {
    /// Files by path relative to the content folder.
    public var entries: [String: ContentIndexEntry]
    /// Folder listings by path relative to the content folder (`""`: the root).
    public var folders: [String: ContentIndexFolder]

    public init(entries: [String: ContentIndexEntry] = [:], folders: [String: ContentIndexFolder] = [:]) {
        self.entries = entries
        self.folders = folders
    }

    /// The part of the content folder a file belongs to: `diagnoses/<folder>` for a file
    /// below that folder, else `shared` (`ContentIndexStore` names each area's file).
    public static func area(of path: String) -> String {
        let prefix = "diagnoses/".utf8
        guard path.utf8.starts(with: prefix) else { return "shared" }
        let rest = path.utf8.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")), slash != rest.startIndex else { return "shared" }
        return String(path[..<slash])
    }

    /// The area of a folder: `diagnoses/<name>` and the folders in it belong to that
    /// diagnosis's area.
    public static func area(ofFolder path: String) -> String {
        area(of: path + "/")
    }

    /// The area of the folder `diagnoses/<name>`.
    public static func area(ofDiagnosisFolder name: String) -> String {
        "diagnoses/" + name
    }

    /// Lower-case hexadecimal of the first `count` bytes of a SHA-256: names for files.
    static func hexDigest(_ text: String, count: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in SHA256.digest(Array(text.utf8)).prefix(count) {
            out += [digits[Int(byte >> 4)], digits[Int(byte & 15)]]
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One file of a `ContentIndex`.
public struct ContentIndexEntry: Sendable, Equatable {
    /// Whether `bytes` is the whole file or its beginning.
    public enum Kind: UInt8, Sendable {
        case whole = 0
        /// The front matter and the body's first character: a step file whose text
        /// was valid and whose front matter was closed when indexed.
        case frontMatter = 1
    }

    /// What a build needs of the body of a step indexed by its front matter
    /// (`DetachedBody`), so that it need not read the file either.
    public struct StepBody: Sendable, Equatable {
        /// The whole file's fingerprint as the build stamp records it
        /// (`DetachedBody.fingerprint`).
        public var fingerprint: UInt64
        /// Words in the body (`ContentFileParser.wordCount`).
        public var words: UInt32
    }

    public var stamp: FileStamp
    public var kind: Kind
    public var bytes: [UInt8]
    /// For `.frontMatter`: the body's facts; nil for `.whole`.
    public var stepBody: StepBody?

    public init(stamp: FileStamp, kind: Kind, bytes: [UInt8], stepBody: StepBody? = nil) {
        self.stamp = stamp
        self.kind = kind
        self.bytes = bytes
        self.stepBody = kind == .frontMatter ? stepBody : nil
    }

    /// The entry for the file at `path` read whole. `mayShorten` is false for a file
    /// that must be kept whole (not a step file in a section folder, or a step with
    /// translations, whose drift check hashes its body).
    public init(stamp: FileStamp, bytes: [UInt8], path: String, mayShorten: Bool) {
        guard mayShorten, let bodyStart = Self.bodyStart(bytes) else {
            self.init(stamp: stamp, kind: .whole, bytes: bytes)
            return
        }
        self.init(stamp: stamp, bytes: bytes, bodyStart: bodyStart) {
            StepBody(fingerprint: DetachedBody.fingerprint(path: path, bytes: bytes),
                     words: UInt32(ContentFileParser.wordCount(bytes[bodyStart...])))
        }
    }

    /// The entry `init(stamp:bytes:path:mayShorten:)` makes of a step file that may be
    /// shortened, from the split a build already made of it (`DetachedBody.detach`, which
    /// checked the text and the front matter as `bodyStart(_:)` does) and its facts.
    init(stamp: FileStamp, bytes: [UInt8], detached body: DetachedBody) {
        self.init(stamp: stamp, bytes: bytes, bodyStart: body.range.lowerBound) {
            StepBody(fingerprint: body.fingerprintValue, words: UInt32(body.wordCount))
        }
    }

    /// A step file's entry from where its body starts: whole when nothing follows the
    /// body's first character, else the bytes up to the end of it with the body's facts
    /// (only then worked out).
    private init(stamp: FileStamp, bytes: [UInt8], bodyStart: Int, facts: () -> StepBody) {
        let end = Self.firstCharacterEnd(bytes, bodyStart: bodyStart)
        if end == bytes.count {
            self.init(stamp: stamp, kind: .whole, bytes: bytes)
        } else {
            self.init(stamp: stamp, kind: .frontMatter, bytes: Array(bytes[..<end]), stepBody: facts())
        }
    }

    /// Where the body starts, when the file is valid text with closed front matter and no
    /// problem in splitting it; nil otherwise.
    static func bodyStart(_ bytes: [UInt8]) -> Int? {
        let file = SourceFile(path: "", bytes: bytes)
        var diagnostics = Diagnostics()
        guard SourceTextValidator.validate(file, diagnostics: &diagnostics) else { return nil }
        let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        guard split.frontMatterRange != nil, diagnostics.isEmpty else { return nil }
        return split.bodyRange.lowerBound
    }

    /// The end of the body's first character after the white space
    /// `ParsedContentFile.bodyIsEmpty` skips; the file's size when there is none.
    private static func firstCharacterEnd(_ bytes: [UInt8], bodyStart: Int) -> Int {
        var end = bodyStart
        while end < bytes.count, ContentFileParser.isWhiteSpace(bytes[end]) { end += 1 }
        guard end < bytes.count else { return bytes.count }
        end += 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }  // the whole character
        return end
    }

    /// Whether a file may be indexed by its front matter alone: a `.md` file directly in
    /// a section folder (`general/<m>/<s>/x.md`, `diagnoses/<d>/<m>/<s>/x.md`) that is
    /// neither a metadata file nor a translation (`x.en.md`). Whether it has
    /// translations is the caller's to check.
    static func isStepPath(_ path: String) -> Bool {
        // Every file the index reads asks: an ASCII path (nearly all) is read as bytes,
        // where characters are bytes (splitting and comparing `Substring`s was 12 000
        // instructions a file); any other path as characters.
        if let answer = path.utf8.withContiguousStorageIfAvailable(asciiIsStepPath), let answer { return answer }
        let parts = path.pathParts(omittingEmpty: false)
        guard let name = parts.last, name.hasSuffix(".md"), !name.hasPrefix("_"), !name.hasPrefix(".") else { return false }
        switch parts.first {
        case "general": guard parts.count == 4 else { return false }
        case "diagnoses": guard parts.count == 5 else { return false }
        default: return false
        }
        return ContentLoader.translationParts(String(name.dropLast(3))) == nil
    }

    /// `isStepPath` of a path's UTF-8 bytes; nil when a byte is not ASCII.
    private static func asciiIsStepPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var slashes = 0, firstSlash = -1, lastSlash = -1
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "/") {
                slashes += 1
                if firstSlash < 0 { firstSlash = index }
                lastSlash = index
            }
        }
        let name = UnsafeBufferPointer(rebasing: bytes[(lastSlash + 1)...])
        guard name.count >= 3, name.last == UInt8(ascii: "d"), name[name.count - 2] == UInt8(ascii: "m"),
              name[name.count - 3] == UInt8(ascii: "."), name[0] != UInt8(ascii: "_"), name[0] != UInt8(ascii: ".") else { return false }
        let top = UnsafeBufferPointer(rebasing: bytes[..<(firstSlash < 0 ? bytes.count : firstSlash)])
        if top.elementsEqual("general".utf8) {
            guard slashes == 3 else { return false }
        } else if top.elementsEqual("diagnoses".utf8) {
            guard slashes == 4 else { return false }
        } else {
            return false
        }
        // Not a translation (`x.en.md`).
        return ContentLoader.languageSuffixLength(name[..<(name.count - 3)]) == nil
    }
}

/// One folder's listing in a `ContentIndex`: kept only for folders whose entries are all
/// plain files and folders (no symbolic link, nothing that must not be read).
public struct ContentIndexFolder: Sendable, Equatable {
    public var stamp: FileStamp
    public var entries: [DirectoryEntry]

    public init(stamp: FileStamp, entries: [DirectoryEntry]) {
        self.stamp = stamp
        self.entries = entries
    }
}
