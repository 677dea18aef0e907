import VardplanDiagnostics

/// Finds the YAML front matter between `---` fences at the top of a content file.
///
/// The file (after an optional UTF-8 BOM) must start with a line `---`; the front matter
/// ends at the next line that is exactly `---` or `...`. Trailing spaces and tabs after a
/// fence and CRLF line endings are allowed.
public enum FrontMatterSplitter {
    /// Where the front matter and the body are in the file's bytes.
    public struct Split: Sendable, Equatable {
        /// The YAML between the fences (fences excluded), or nil when the file has none.
        public var frontMatterRange: Range<Int>?
        /// The Markdown body: after the closing fence's line, or the whole file (BOM excluded).
        public var bodyRange: Range<Int>
        /// The 1-based file line on which the body starts.
        public var bodyFirstLine: Int
    }

    /// Splits a file; an opening fence that is never closed is an error, and the whole
    /// file is then returned as the body (VP100).
    public static func split(_ file: SourceFile, diagnostics: inout Diagnostics) -> Split {
        let bytes = file.bytes
        let start = SourceText.byteOrderMarkLength(bytes)
        let whole = Split(frontMatterRange: nil, bodyRange: start..<bytes.count, bodyFirstLine: 1)
        let firstLine = file.byteRange(ofLine: 1)
        guard isFence(bytes, max(start, firstLine.lowerBound)..<max(start, firstLine.upperBound), dots: false) else {
            return whole
        }
        let yamlStart = file.lineCount > 1 ? file.lineStart(1) : bytes.count
        var line = 2
        while line <= file.lineCount {
            if isFence(bytes, file.byteRange(ofLine: line), dots: true) {
                let fenceStart = file.lineStart(line - 1)
                let bodyStart = line < file.lineCount ? file.lineStart(line) : bytes.count
                return Split(frontMatterRange: yamlStart..<fenceStart, bodyRange: bodyStart..<bytes.count,
                             bodyFirstLine: line + 1)
            }
            line += 1
        }
        diagnostics.append(.frontMatterNotClosed(at: file.location(ofOffset: start)))
        return whole
    }

    /// `---` (or `...` when `dots`) followed only by spaces or tabs.
    private static func isFence(_ bytes: [UInt8], _ range: Range<Int>, dots: Bool) -> Bool {
        guard range.count >= 3 else { return false }
        let mark = bytes[range.lowerBound]
        guard mark == 0x2D || (dots && mark == 0x2E) else { return false }
        let lower = range.lowerBound
        guard bytes[lower + 1] == mark, bytes[lower + 2] == mark else { return false }
        return bytes[(lower + 3)..<range.upperBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
