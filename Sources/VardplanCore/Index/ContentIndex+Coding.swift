import VardplanSystem

/// The index file's bytes: a header that says which binary wrote it for which content
/// folder and part of it, the entries in path order, and a checksum of everything
/// before it. Anything the reader does not expect (another format or binary version,
/// another folder, a short or corrupt file) makes it answer nil: the index is a cache,
/// and a printout without it reads the files.
///
/// Layout (integers little-endian; a stamp is device, inode, size, modification and
/// status-change time, 8 bytes each): `VPIX`, format version (u32), then the binary's
/// version, the content folder's real path and the area as strings (u32 length +
/// UTF-8), the entry count (u32); per entry its path (string), stamp, kind (u8), for a
/// step given by its front matter the whole file's fingerprint (u64) and its body's
/// words (u32), and its bytes (u32 length + bytes); then the folder count (u32) and per
/// folder its path, stamp, entry count (u32) and per entry its name, flags (u8: 1 a
/// folder, 2 with an identity) and, with an identity, device and inode; last a checksum
/// (u64, `checksum(_:)`) of all bytes before it.
extension ContentIndex {
    /// Bumped whenever the layout or the meaning of an entry changes.
    public static let formatVersion: UInt32 = 4
    static let magic: [UInt8] = Array("VPIX".utf8)

    /// What the header must say for an index to be used.
    public struct Header: Sendable, Equatable {
        public var toolVersion: String
        public var contentRoot: String
        public var area: String

        public init(toolVersion: String, contentRoot: String, area: String) {
            self.toolVersion = toolVersion
            self.contentRoot = contentRoot
            self.area = area
        }
    }

    /// The index as bytes.
    public func encoded(_ header: Header) -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(entries.values.reduce(256) { $0 + $1.bytes.count + 80 })
        append(Self.formatVersion, to: &out)
        for text in [header.toolVersion, header.contentRoot, header.area] { append(text, to: &out) }
        append(UInt32(entries.count), to: &out)
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            append(path, to: &out)
            append(entry.stamp, to: &out)
            out.append(entry.kind.rawValue)
            if entry.kind == .frontMatter {
                append(entry.stepBody?.fingerprint ?? 0, to: &out)
                append(entry.stepBody?.words ?? 0, to: &out)
            }
            append(UInt32(entry.bytes.count), to: &out)
            out += entry.bytes
        }
        append(UInt32(folders.count), to: &out)
        for path in folders.keys.sorted() {
            let folder = folders[path]!
            append(path, to: &out)
            append(folder.stamp, to: &out)
            append(UInt32(folder.entries.count), to: &out)
            for entry in folder.entries {
                append(entry.name, to: &out)
                out.append((entry.isDirectory ? 1 : 0) | (entry.identity == nil ? 0 : 2))
                if let identity = entry.identity {
                    append(identity.device, to: &out)
                    append(identity.inode, to: &out)
                }
            }
        }
        append(Self.checksum(out[...]), to: &out)
        return out
    }

    /// The index in `bytes` if it is whole and was written for `header`; nil otherwise.
    public static func decode(_ bytes: [UInt8], expecting header: Header) -> ContentIndex? {
        guard bytes.count >= magic.count + 12, bytes.starts(with: magic) else { return nil }
        var reader = ByteReader(bytes: bytes[..<(bytes.count - 8)])
        var trailer = ByteReader(bytes: bytes[(bytes.count - 8)...])
        guard trailer.u64() == checksum(bytes[..<(bytes.count - 8)]) else { return nil }
        reader.offset = magic.count
        guard reader.u32() == formatVersion, reader.string() == header.toolVersion,
              reader.string() == header.contentRoot, reader.string() == header.area,
              let count = reader.u32() else { return nil }
        var entries: [String: ContentIndexEntry] = [:]
        entries.reserveCapacity(Int(min(count, 1 << 20)))
        for _ in 0..<count {
            guard let path = reader.string(), let stamp = reader.stamp(),
                  let kindByte = reader.u8(), let kind = ContentIndexEntry.Kind(rawValue: kindByte) else { return nil }
            var stepBody: ContentIndexEntry.StepBody?
            if kind == .frontMatter {
                guard let fingerprint = reader.u64(), let words = reader.u32() else { return nil }
                stepBody = ContentIndexEntry.StepBody(fingerprint: fingerprint, words: words)
            }
            guard let length = reader.u32(), let body = reader.take(Int(length)) else { return nil }
            entries[path] = ContentIndexEntry(stamp: stamp, kind: kind, bytes: Array(body), stepBody: stepBody)
        }
        guard let folderCount = reader.u32() else { return nil }
        var folders: [String: ContentIndexFolder] = [:]
        for _ in 0..<folderCount {
            guard let path = reader.string(), let stamp = reader.stamp(), let count = reader.u32() else { return nil }
            var listing: [DirectoryEntry] = []
            for _ in 0..<count {
                guard let name = reader.string(), let flags = reader.u8(), flags < 4 else { return nil }
                var identity: FileIdentity?
                if flags & 2 != 0 {
                    guard let device = reader.u64(), let inode = reader.u64() else { return nil }
                    identity = FileIdentity(device: device, inode: inode)
                }
                listing.append(DirectoryEntry(name: name, isDirectory: flags & 1 != 0, identity: identity))
            }
            folders[path] = ContentIndexFolder(stamp: stamp, entries: listing)
        }
        guard reader.offset == reader.bytes.endIndex else { return nil }
        return ContentIndex(entries: entries, folders: folders)
    }

    /// FNV-1a's constants over 8-byte little-endian words, each step followed by a
    /// shift that folds the high bits down, then the trailing bytes one at a time: a
    /// check against truncation and corruption, eight times fewer steps than per byte
    /// (a printout reads its indexes whole).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var (hash, offset) = InputFingerprint.mixWords(raw, into: 0xcbf2_9ce4_8422_2325)
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
                offset += 1
            }
            return hash
        }
    }

    private func append<Value: FixedWidthInteger>(_ value: Value, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    private func append(_ stamp: FileStamp, to out: inout [UInt8]) {
        for value in [stamp.device, stamp.inode, stamp.size, UInt64(bitPattern: stamp.modified),
                      UInt64(bitPattern: stamp.changed)] {
            append(value, to: &out)
        }
    }

    private func append(_ text: String, to out: inout [UInt8]) {
        append(UInt32(text.utf8.count), to: &out)
        out += text.utf8
    }
}

/// Reads little-endian integers and strings from bytes, answering nil past the end.
private struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var offset: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.offset = bytes.startIndex
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.endIndex - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func u8() -> UInt8? { take(1)?.first }

    mutating func u32() -> UInt32? {
        little(4).map(UInt32.init(truncatingIfNeeded:))
    }

    mutating func u64() -> UInt64? {
        little(8)
    }

    /// `count` (at most 8) bytes as a little-endian integer: one loop over the bytes in
    /// place (`reversed().reduce` on a slice was most of the index's decoding).
    private mutating func little(_ count: Int) -> UInt64? {
        guard count <= bytes.endIndex - offset else { return nil }
        var value: UInt64 = 0
        var index = offset + count
        while index > offset {
            index -= 1
            value = value << 8 | UInt64(bytes[index])
        }
        offset += count
        return value
    }

    mutating func stamp() -> FileStamp? {
        guard let device = u64(), let inode = u64(), let size = u64(), let modified = u64(), let changed = u64()
        else { return nil }
        return FileStamp(device: device, inode: inode, size: size, modified: Int64(bitPattern: modified),
                         changed: Int64(bitPattern: changed))
    }

    mutating func string() -> String? {
        guard let length = u32(), let utf8 = take(Int(length)) else { return nil }
        return String(validating: utf8, as: UTF8.self)
    }
}
