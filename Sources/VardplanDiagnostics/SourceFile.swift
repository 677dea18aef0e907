#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one file with its line table, so that byte offsets become
/// file-absolute `line:column` positions (columns in characters) in one place.
public struct SourceFile: Sendable {
    /// The path as shown to the user (relative to the content root where possible).
    public let path: String
    /// The file's identity: its path inside the folder it was read from
    /// (`diagnoses/x/_diagnosis.md`), the same under any `--content`. Links, images and
    /// the model's lookups key on it; messages print `path`. A file read on its own
    /// (a manifest) has no folder: its relative path is `path`.
    public let relativePath: String
    /// The file's bytes, exactly as read (BOM and CRLF included).
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `starts[0] == 0`. 32-bit: the
    /// tables of every input file are held at once while a build loads (20 MB as
    /// `Int` at 100 diagnoses); input files are limited far below 4 GB.
    private let starts: [UInt32]

    public init(path: String, relativePath: String? = nil, bytes: [UInt8]) {
        self.path = path
        self.relativePath = relativePath ?? path
        self.bytes = bytes
        // Counted first, then filled: the table is exactly as long as the file has lines
        // (it is kept with every input file for a whole build; reserving one line per
        // 48 bytes held 20 MB at 100 diagnoses for 14 MB of lines).
        precondition(bytes.count <= Int(UInt32.max), "a source file over 4 GB")
        self.starts = bytes.withUnsafeBufferPointer { buffer -> [UInt32] in
            guard let start = buffer.baseAddress else { return [0] }
            let end = start + buffer.count
            var newlines = 0
            var cursor = start
            while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
                newlines += 1
                cursor = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return [UInt32](unsafeUninitializedCapacity: newlines + 1) { starts, count in
                starts[0] = 0
                count = 1
                var cursor = start
                while count <= newlines, let found = memchr(cursor, 0x0A, end - cursor) {
                    let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    starts[count] = UInt32(start.distance(to: newline) + 1)
                    count += 1
                    cursor = newline + 1
                }
            }
        }
    }

    public init(path: String, relativePath: String? = nil, text: String) {
        self.init(path: path, relativePath: relativePath, bytes: Array(text.utf8))
    }

    /// The number of lines (a final line without newline counts).
    public var lineCount: Int { starts.count }

    /// The byte offset where the line at 0-based `index` starts (`lineStart(0) == 0`).
    public func lineStart(_ index: Int) -> Int { Int(starts[index]) }

    /// The byte range of a 1-based line, without its line break (`\n` or `\r\n`).
    public func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= starts.count else { return bytes.count..<bytes.count }
        let start = Int(starts[line - 1])
        var end = line < starts.count ? Int(starts[line]) - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The position of a byte offset: 1-based line and 1-based character column.
    public func position(ofOffset offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(starts[mid]) <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = Int(starts[low])
        return SourcePosition(line: low + 1, column: characterColumn(from: lineStart, to: clamped))
    }

    /// The position of a 1-based line and 1-based *byte* column (as libcmark reports).
    public func position(line: Int, byteColumn: Int) -> SourcePosition {
        guard line >= 1, line <= starts.count else {
            return SourcePosition(line: max(line, 1), column: max(byteColumn, 1))
        }
        let start = Int(starts[line - 1])
        let offset = min(start + max(byteColumn, 1) - 1, bytes.count)
        return SourcePosition(line: line, column: characterColumn(from: start, to: offset))
    }

    /// The location of a byte offset in this file.
    public func location(ofOffset offset: Int) -> SourceLocation {
        SourceLocation(path: path, position: position(ofOffset: offset))
    }

    /// A location at a 1-based line and character column in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// 1-based column counting UTF-8 lead bytes (one per character) between two offsets.
    private func characterColumn(from lineStart: Int, to offset: Int) -> Int {
        var column = 1
        var index = lineStart
        // A UTF-8 BOM at the very start of the file is not a column.
        if lineStart == 0, SourceText.byteOrderMarkLength(bytes) == 3 {
            index = min(3, offset)
        }
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }
}
