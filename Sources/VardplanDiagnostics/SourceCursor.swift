/// The one position cursor: turns byte offsets into file-absolute locations through
/// `SourceFile`, continuing from the previous answer when the reader moves forward on
/// the same line, so that many nodes on one long line stay linear time. Every parser
/// uses this instead of its own offset-to-line:column tracking.
public struct SourceCursor: Sendable {
    public let file: SourceFile
    private var lastOffset = -1
    private var lastPosition = SourcePosition(line: 1, column: 1)
    /// Where the line after `lastPosition`'s begins (the file's end on its last line):
    /// an offset at or past it is on a later line, found without walking to it.
    private var nextLineStart = 0

    public init(file: SourceFile) {
        self.file = file
    }

    /// The position of `offset` (clamped to the file).
    public mutating func position(_ offset: Int) -> SourcePosition {
        location(offset).position
    }

    /// The location of `offset` (clamped to the file).
    public mutating func location(_ offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), file.bytes.count)
        // Offsets below 3 may sit inside a BOM, which only SourceFile knows how to skip.
        if lastOffset >= 3, offset >= lastOffset, offset < nextLineStart || nextLineStart == file.bytes.count {
            let column = file.bytes.withUnsafeBufferPointer { bytes -> Int? in
                var column = lastPosition.column
                var index = lastOffset
                while index < offset, bytes[index] != 0x0A {
                    if bytes[index] & 0xC0 != 0x80 { column += 1 }
                    index += 1
                }
                return index == offset ? column : nil
            }
            if let column {
                lastOffset = offset
                lastPosition.column = column
                return SourceLocation(path: file.path, position: lastPosition)
            }
        }
        let location = file.location(ofOffset: offset)
        lastOffset = offset
        lastPosition = location.position
        let line = location.position.line
        nextLineStart = line < file.lineCount ? file.lineStart(line) : file.bytes.count
        return location
    }
}
