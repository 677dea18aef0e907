/// A small Markdown document assembled from pieces of the source (table cells, the
/// paragraph lines around a table), each line remembering where it came from, so that
/// cmark can parse the pieces and every position still points into the file.
///
/// Pieces are separated by blank lines, so each starts a fresh block.
struct MarkdownAuxiliaryDocument {
    struct Segment: Sendable, Hashable {
        var firstLine: Int
        var lastLine: Int
    }

    private(set) var bytes: [UInt8] = []
    private(set) var lineStarts: [Int] = []
    private(set) var mappedLines: [MarkdownInput.MappedLine] = []
    private(set) var segments: [Segment] = []

    /// The marker put before a table cell so that cmark reads it as a paragraph of
    /// inlines (never a list, heading or block HTML) with no effect on flanking rules:
    /// a no-break space counts as white space, like the start of a line.
    static let cellPrefix: [UInt8] = [0xC2, 0xA0]

    /// Adds one line; `deletions` as in `MarkdownInput.MappedLine`.
    mutating func appendLine(_ content: some Collection<UInt8>, fileOffset: Int, prefix: [UInt8] = [], deletions: [Int] = []) {
        lineStarts.append(bytes.count)
        bytes.append(contentsOf: prefix)
        bytes.append(contentsOf: content)
        bytes.append(0x0A)
        mappedLines.append(MarkdownInput.MappedLine(fileOffset: fileOffset, prefix: prefix.count, deletions: deletions))
    }

    /// Starts a piece: the lines appended until `endSegment()` belong to it.
    mutating func beginSegment() -> Int {
        segments.append(Segment(firstLine: lineStarts.count + 1, lastLine: lineStarts.count))
        return segments.count - 1
    }

    /// Ends the current piece with a blank line.
    mutating func endSegment() {
        segments[segments.count - 1].lastLine = lineStarts.count
        let fileOffset = mappedLines.last?.fileOffset ?? 0
        appendLine(EmptyCollection<UInt8>(), fileOffset: fileOffset)
    }

    var isEmpty: Bool { segments.isEmpty }
}
