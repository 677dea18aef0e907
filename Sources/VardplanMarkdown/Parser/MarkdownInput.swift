#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanDiagnostics

/// The bytes handed to one cmark parse and how its lines map back to the source file:
/// either a contiguous slice of the file (the body) or lines assembled from pieces of
/// it (table cells, paragraph lines re-parsed after a table), each with its file offset.
struct MarkdownInput {
    /// How an input line maps to the file.
    struct MappedLine: Sendable, Hashable {
        /// File offset of the line's first byte after `prefix`.
        var fileOffset: Int
        /// Bytes at the start of the line that are not in the file (a cell's marker).
        var prefix: Int
        /// Positions (counted after `prefix`) where one file byte was dropped, ascending.
        var deletions: [Int]
    }

    enum Map {
        /// Input offset `o` is file offset `fileBase + o`.
        case contiguous(fileBase: Int)
        /// One entry per input line.
        case lines([MappedLine])
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Input offset of each line's first byte; `lineStarts[0] == 0`.
    let lineStarts: [Int]
    /// Where the last line of interest ends (text appended after it is not mapped).
    let textEnd: Int
    let map: Map

    var lineCount: Int { lineStarts.count }

    /// The input offset of a 1-based line's first byte.
    func lineStart(_ line: Int) -> Int { lineStarts[line - 1] }

    /// The end of a 1-based line, before its `\n` or `\r\n`.
    func lineEnd(_ line: Int) -> Int {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : textEnd
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return max(start, end)
    }

    /// The file offset of input offset `offset`, which lies on 1-based line `line`.
    func fileOffset(line: Int, offset: Int) -> Int {
        switch map {
        case .contiguous(let fileBase):
            return fileBase + offset
        case .lines(let lines):
            let mapped = lines[line - 1]
            let position = max(0, offset - lineStarts[line - 1] - mapped.prefix)
            var dropped = 0
            for deletion in mapped.deletions where deletion <= position { dropped += 1 }
            return mapped.fileOffset + position + dropped
        }
    }

    /// Line starts of `bytes`, which is `file.bytes[fileBase...]` starting at a line
    /// start: the file's own line table, unless a lone `\r` (a line end for cmark, not
    /// for `SourceFile`) requires a scan.
    static func lineStarts(of bytes: UnsafeBufferPointer<UInt8>, in file: SourceFile, at fileBase: Int) -> [Int] {
        if let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) != nil {
            return lineStarts(of: bytes)
        }
        let lineCount = file.lineCount
        var low = 0, high = lineCount
        while low < high {  // first line start after fileBase
            let middle = (low + high) / 2
            if file.lineStart(middle) <= fileBase { low = middle + 1 } else { high = middle }
        }
        var starts = [0]
        starts.reserveCapacity(lineCount - low + 1)
        let end = fileBase + bytes.count
        var index = low
        while index < lineCount, file.lineStart(index) <= end {
            starts.append(file.lineStart(index) - fileBase)
            index += 1
        }
        return starts
    }

    /// Line starts of a byte buffer (`\n`, `\r\n` and lone `\r` end a line, as in cmark).
    static func lineStarts(of bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D, index + 1 < count, bytes[index + 1] != 0x0A {
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }
}
