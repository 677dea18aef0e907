/// Searching, splitting and joining paths and addresses by their UTF-8 bytes.
///
/// `/`, `#` and `.` are ASCII, so a byte search finds them where a `Character` search
/// does — except after a combining mark, where the file system and a browser split at
/// the byte and a `Character` search does not — and costs a fraction: searching by
/// `Character` walks grapheme clusters (`split(separator: "/")` took about 36 000
/// instructions for a 70-byte path), and even the generic search of the `utf8` view
/// steps an index object byte by byte.
extension StringProtocol {
    /// The first position of `byte`, or nil.
    func firstIndex(ofByte byte: UInt8) -> String.Index? {
        index(ofByteOffset: utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: byte) } ?? Array(utf8).firstIndex(of: byte))
    }

    /// The last position of `byte`, or nil.
    func lastIndex(ofByte byte: UInt8) -> String.Index? {
        index(ofByteOffset: utf8.withContiguousStorageIfAvailable { $0.lastIndex(of: byte) } ?? Array(utf8).lastIndex(of: byte))
    }

    /// The index `offset` bytes in. The searches above scan the contiguous UTF-8 buffer
    /// (not contiguous only for a string bridged from elsewhere: then a copy).
    private func index(ofByteOffset offset: Int?) -> String.Index? {
        offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Where the path's last `/` is (the 23 000 pages a rebuild keeps are each split
    /// at theirs).
    var lastSlash: String.Index? { lastIndex(ofByte: UInt8(ascii: "/")) }

    /// The path split at its last `/`: what is before it and the name after it (that
    /// `/` is one byte, whatever follows it); nil when the path has no `/`.
    var folderAndName: (folder: SubSequence, name: SubSequence)? {
        guard let slash = lastSlash else { return nil }
        return (self[..<slash], self[utf8.index(after: slash)...])
    }

    /// The path's `/`-separated parts. Empty parts are left out unless `omittingEmpty`
    /// is false: `"a//b"` → `["a", "b"]` or `["a", "", "b"]`; `""` → `[]` or `[""]`.
    func pathParts(omittingEmpty: Bool = true) -> [SubSequence] {
        var parts: [SubSequence] = []
        var rest = self[...]
        while let slash = rest.firstIndex(ofByte: UInt8(ascii: "/")) {
            if !omittingEmpty || slash != rest.startIndex { parts.append(self[rest.startIndex..<slash]) }
            rest = rest[rest.utf8.index(after: slash)...]
        }
        if !omittingEmpty || !rest.isEmpty { parts.append(self[rest.startIndex..<rest.endIndex]) }
        return parts
    }
}

extension String {
    /// The text after `prefix` when the string starts with it as `hasPrefix` decides, as
    /// `dropFirst(prefix.count)` gives it; nil when it does not. Compared as bytes where
    /// that gives the same answer: every link of every page is matched against its
    /// schemes several times, and `hasPrefix` with a `Character` count of the prefix was a
    /// third of a link's resolution. Only where a byte that is not ASCII could make a
    /// `Character` of more than one letter of the prefix (a combining mark after its last
    /// byte) are they compared as strings.
    func afterPrefix(_ prefix: String) -> String? {
        let match = utf8.withContiguousStorageIfAvailable { text in
            prefix.utf8.withContiguousStorageIfAvailable { Self.asciiPrefixMatch($0, of: text) } ?? .unsure
        } ?? .unsure
        switch match {
        case .absent: return nil
        case .rest(let rest): return rest
        case .unsure: return hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
        }
    }

    private enum PrefixMatch {
        case absent
        /// The text after the prefix, made from the bytes (a `Substring` made into a
        /// `String` took longer than the match).
        case rest(String)
        /// A byte that is not ASCII: only `hasPrefix` can tell.
        case unsure
    }

    private static func asciiPrefixMatch(_ prefix: UnsafeBufferPointer<UInt8>, of text: UnsafeBufferPointer<UInt8>) -> PrefixMatch {
        for index in prefix.indices {
            guard index < text.count else { return .absent }
            guard text[index] < 0x80, prefix[index] < 0x80 else { return .unsure }
            // An ASCII byte that differs starts another character: no prefix.
            guard text[index] == prefix[index] else { return .absent }
        }
        if prefix.count < text.count, text[prefix.count] >= 0x80 { return .unsure }
        return .rest(String(decoding: UnsafeBufferPointer(rebasing: text[prefix.count...]), as: UTF8.self))
    }
}

/// The parts one after another, made in one allocation of the exact size: `a + "/" + b`
/// and `"\(a)/\(b).html"` allocate and copy again as they grow, and paths are made
/// for every file a run reads and every page it writes.
func concatenated(_ parts: String...) -> String {
    var count = 0
    for part in parts { count += part.utf8.count }
    return String(unsafeUninitializedCapacity: count) { buffer in
        let bytes = UnsafeMutableRawBufferPointer(buffer)
        var end = 0
        for var part in parts {
            part.withUTF8 { utf8 in
                UnsafeMutableRawBufferPointer(rebasing: bytes[end...]).copyMemory(from: UnsafeRawBufferPointer(utf8))
                end += utf8.count
            }
        }
        return end
    }
}
