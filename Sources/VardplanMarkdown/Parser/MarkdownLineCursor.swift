/// Replays, for one line of cmark's input, how libcmark's block parser matches the open
/// block quotes and list items (`blocks.c`: `S_find_first_nonspace`, `S_advance_offset`,
/// `parse_block_quote_prefix`, `parse_node_item_prefix`, the list-marker padding rule),
/// so that a paragraph's source lines can be read without their container prefixes.
///
/// Columns are virtual (tabs advance to the next multiple of 4), offsets are bytes.
struct MarkdownLineCursor {
    /// One open container around a paragraph, outermost first.
    enum Container: Sendable, Hashable {
        case blockQuote
        /// A list item: continuation lines need `requiredIndent` columns (cmark's
        /// `marker_offset + padding`); `startLine` is the line of its marker.
        case listItem(requiredIndent: Int, startLine: Int)
    }

    /// A line of a paragraph with its container prefix removed.
    struct ContentLine: Sendable, Hashable {
        /// Input offsets: the line's first byte and its end (before `\r\n` or `\n`).
        var lineStart: Int
        var end: Int
        /// Where cmark's paragraph content for this line starts.
        var contentStart: Int
        /// Input offset of byte 0 of cmark's content for this line: `contentStart`,
        /// except on a lazy line after a partly consumed tab, whose remaining columns
        /// cmark stores as spaces (then it may lie before the tab).
        var inlineBase: Int
        /// The first non-space byte after the matched containers.
        var firstNonspace: Int
        /// Columns of indentation after the matched containers.
        var indent: Int
        /// Not every container matched: a lazy continuation line.
        var lazy: Bool
        /// Where the container prefix ends (the line as a block of its own starts here,
        /// indentation included) and how many columns of a partly consumed tab at that
        /// point count as spaces.
        var prefixEnd: Int
        var prefixSpaces: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private(set) var offset: Int
    private(set) var column = 0
    private(set) var partiallyConsumedTab = false

    init(bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int) {
        self.bytes = bytes
        self.offset = lineStart
        self.end = lineEnd
    }

    /// The first non-space, non-tab byte from the current offset, and its column.
    func firstNonspace() -> (offset: Int, column: Int) {
        var position = offset
        var col = column
        var charsToTab = 4 - (column % 4)
        while position < end {
            let byte = bytes[position]
            if byte == 0x20 {
                position += 1
                col += 1
                charsToTab -= 1
                if charsToTab == 0 { charsToTab = 4 }
            } else if byte == 0x09 {
                position += 1
                col += charsToTab
                charsToTab = 4
            } else {
                break
            }
        }
        return (position, col)
    }

    /// cmark's `S_advance_offset`: by columns (a tab may be partly consumed) or by bytes.
    mutating func advance(_ count: Int, columns: Bool) {
        var count = count
        while count > 0, offset < end {
            if bytes[offset] == 0x09 {
                let charsToTab = 4 - (column % 4)
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let step = min(count, charsToTab)
                    column += step
                    if !partiallyConsumedTab { offset += 1 }
                    count -= step
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    private func isSpaceOrTab(_ position: Int) -> Bool {
        position < end && (bytes[position] == 0x20 || bytes[position] == 0x09)
    }

    /// `parse_block_quote_prefix`: up to three spaces, `>`, one optional space.
    mutating func matchBlockQuote() -> Bool {
        let (nonspace, nonspaceColumn) = firstNonspace()
        let indent = nonspaceColumn - column
        guard indent <= 3, nonspace < end, bytes[nonspace] == UInt8(ascii: ">") else { return false }
        advance(indent + 1, columns: true)
        if isSpaceOrTab(offset) { advance(1, columns: true) }
        return true
    }

    /// `parse_node_item_prefix` for a non-blank line.
    mutating func matchListItem(requiredIndent: Int) -> Bool {
        let (nonspace, nonspaceColumn) = firstNonspace()
        if nonspaceColumn - column >= requiredIndent {
            advance(requiredIndent, columns: true)
            return true
        }
        if nonspace >= end {  // blank line
            advance(nonspace - offset, columns: false)
            return true
        }
        return false
    }

    /// Opens the list item whose marker is at the first non-space and returns cmark's
    /// `marker_offset + padding` (the indentation its continuation lines need).
    mutating func openListItem() -> Int? {
        let (nonspace, nonspaceColumn) = firstNonspace()
        let indent = nonspaceColumn - column
        guard nonspace < end else { return nil }
        var matched = 0
        let first = bytes[nonspace]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            matched = 1
        } else {
            var position = nonspace
            while position < end, position - nonspace < 9, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                position += 1
            }
            guard position > nonspace, position < end,
                  bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ")") else { return nil }
            matched = position - nonspace + 1
        }
        let afterMarker = nonspace + matched
        guard afterMarker >= end || bytes[afterMarker] == 0x20 || bytes[afterMarker] == 0x09 else { return nil }
        advance(afterMarker - offset, columns: false)
        let saved = (offset, column, partiallyConsumedTab)
        while column - saved.1 <= 5, isSpaceOrTab(offset) {
            advance(1, columns: true)
        }
        let spaces = column - saved.1
        let padding: Int
        if spaces >= 5 || spaces < 1 || offset >= end {
            padding = matched + 1
            (offset, column, partiallyConsumedTab) = saved
            if spaces > 0 { advance(1, columns: true) }
        } else {
            padding = matched + spaces
        }
        return indent + padding
    }

    /// Matches `containers` in order on line `line` (an item whose marker is on this very
    /// line is opened instead of matched). Returns whether every container matched.
    mutating func match(_ containers: [Container], line: Int) -> Bool {
        for container in containers {
            switch container {
            case .blockQuote:
                if !matchBlockQuote() { return false }
            case .listItem(let requiredIndent, let startLine):
                if startLine == line {
                    if openListItem() == nil { return false }
                } else if !matchListItem(requiredIndent: requiredIndent) {
                    return false
                }
            }
        }
        return true
    }

    /// A continuation line of a paragraph as cmark stores it: after the containers and
    /// the indentation, or, for a lazy line, where container matching stopped.
    static func contentLine(bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int,
                            line: Int, containers: [Container]) -> ContentLine {
        var cursor = MarkdownLineCursor(bytes: bytes, lineStart: lineStart, lineEnd: lineEnd)
        let allMatched = cursor.match(containers, line: line)
        let (nonspace, nonspaceColumn) = cursor.firstNonspace()
        var prefixEnd = cursor.offset
        var prefixSpaces = 0
        if cursor.partiallyConsumedTab, prefixEnd < lineEnd {
            prefixSpaces = 4 - cursor.column % 4
            prefixEnd += 1
        }
        var inlineBase = allMatched ? nonspace : cursor.offset
        if !allMatched, cursor.partiallyConsumedTab, cursor.offset < lineEnd {
            inlineBase = cursor.offset + 1 - (4 - cursor.column % 4)
        }
        return ContentLine(lineStart: lineStart, end: lineEnd,
                           contentStart: allMatched ? nonspace : cursor.offset, inlineBase: inlineBase,
                           firstNonspace: nonspace, indent: nonspaceColumn - cursor.column,
                           lazy: !allMatched, prefixEnd: prefixEnd, prefixSpaces: prefixSpaces)
    }
}
