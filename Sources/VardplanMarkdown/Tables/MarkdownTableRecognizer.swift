/// Finds a GitHub-style pipe table in the source lines of one cmark paragraph, following
/// cmark-gfm's table extension (`extensions/table.c` and its scanners) step by step:
///
/// - a delimiter row may only be a non-lazy line indented less than four columns, and is
///   `|? delimiter (| delimiter)* |? spaces newline` with `delimiter = spaces :? -+ :? spaces`;
/// - the header is the paragraph line just above it and must have as many cells; the first
///   delimiter-like line decides (a mismatch is reported and the paragraph stays one);
/// - lines before the header stay a paragraph; body rows follow while a line is non-lazy,
///   has at least one cell, is indented less than four columns and starts no other block;
/// - cells are split at unescaped pipes (`\|` never splits, also inside code spans), `\|`
///   becomes `|`, cells are trimmed; short rows are padded, long rows cut.
struct MarkdownTableRecognizer {
    /// One cell's text (pipes unescaped, trimmed) and where it comes from in the input.
    struct Cell: Sendable, Hashable {
        var text: [UInt8]
        /// Input offset of the cell's first text byte (for an empty cell: where it is).
        var start: Int
        /// Indices in `text` where a `\` before `|` was removed (ascending); the input
        /// offset of `text[i]` is `start + i + (number of deletions <= i)`.
        var deletions: [Int]
    }

    struct Plan: Sendable, Hashable {
        /// Index (in the recognised lines) of the header row; the lines before it stay a paragraph.
        var headerLine: Int
        var alignments: [MarkdownTable.Alignment?]
        var header: [Cell]
        var rows: [[Cell]]
        /// Index of each body row's line.
        var rowLines: [Int]
        /// Index of the first line after the table (`lines.count` when the table runs to the end).
        var endLine: Int
    }

    enum Outcome: Sendable, Hashable {
        case none
        /// A delimiter row whose cell count differs from the header's; the paragraph stays.
        case mismatch(delimiterLine: Int, headerCells: Int, delimiterCells: Int)
        case table(Plan)
    }

    /// Cheap test before any real work: does a line after the first start (after
    /// spaces, tabs and `>`) with `|`, `:` or `-`?
    static func mightContainTable(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var position = start
        var atLineStart = false
        while position < end {
            let byte = bytes[position]
            if byte == 0x0A {
                atLineStart = true
            } else if atLineStart {
                if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") { return true }
                if byte != 0x20, byte != 0x09, byte != UInt8(ascii: ">") { atLineStart = false }
            }
            position += 1
        }
        return false
    }

    /// Recognises a table in `lines` (a paragraph's lines; when `lastLineIsSetextUnderline`,
    /// a setext heading's lines including its underline, which cannot be a delimiter row).
    static func recognize(_ bytes: UnsafeBufferPointer<UInt8>, lines: [MarkdownLineCursor.ContentLine],
                          lastLineIsSetextUnderline: Bool) -> Outcome {
        let lastCandidate = lastLineIsSetextUnderline ? lines.count - 2 : lines.count - 1
        guard lastCandidate >= 1 else { return .none }
        for index in 1...lastCandidate {
            let line = lines[index]
            guard !line.lazy, line.indent < 4,
                  isDelimiterRow(bytes, start: line.firstNonspace, end: line.end),
                  let delimiter = row(bytes, start: line.firstNonspace, end: line.end) else { continue }
            let headerLine = lines[index - 1]
            guard let header = row(bytes, start: headerLine.contentStart, end: headerLine.end) else { return .none }
            guard header.count == delimiter.count else {
                return .mismatch(delimiterLine: index, headerCells: header.count, delimiterCells: delimiter.count)
            }
            let alignments = delimiter.map { cell -> MarkdownTable.Alignment? in
                let left = cell.text.first == UInt8(ascii: ":")
                let right = cell.text.last == UInt8(ascii: ":")
                switch (left, right) {
                case (true, true): return .center
                case (true, false): return .left
                case (false, true): return .right
                case (false, false): return nil
                }
            }
            var rows: [[Cell]] = []
            var rowLines: [Int] = []
            var next = index + 1
            while next < lines.count {
                let candidate = lines[next]
                guard !candidate.lazy, candidate.indent < 4,
                      var cells = row(bytes, start: candidate.firstNonspace, end: candidate.end),
                      !MarkdownBlockStartScanner.startsBlockInTable(bytes, start: candidate.firstNonspace, end: candidate.end)
                else { break }
                if cells.count > header.count {
                    cells.removeLast(cells.count - header.count)
                }
                while cells.count < header.count {
                    cells.append(Cell(text: [], start: candidate.end, deletions: []))
                }
                rows.append(cells)
                rowLines.append(next)
                next += 1
            }
            return .table(Plan(headerLine: index - 1, alignments: alignments, header: header, rows: rows,
                               rowLines: rowLines, endLine: next))
        }
        return .none
    }

    /// `[ \t\v\f]`: cmark-gfm's `table_spacechar`.
    private static func isTableSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// cmark-gfm's `scan_table_start` on `bytes[start..<end]` followed by a newline.
    static func isDelimiterRow(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var position = start
        if position < end, bytes[position] == UInt8(ascii: "|") { position += 1 }
        while true {
            while position < end, isTableSpace(bytes[position]) { position += 1 }
            if position < end, bytes[position] == UInt8(ascii: ":") { position += 1 }
            let dashes = position
            while position < end, bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position > dashes else { return false }
            if position < end, bytes[position] == UInt8(ascii: ":") { position += 1 }
            while position < end, isTableSpace(bytes[position]) { position += 1 }
            guard position < end, bytes[position] == UInt8(ascii: "|") else { break }
            position += 1
            var after = position
            while after < end, isTableSpace(bytes[after]) { after += 1 }
            if after == end { return true }  // trailing pipe
        }
        while position < end, isTableSpace(bytes[position]) { position += 1 }
        return position == end
    }

    /// cmark-gfm's `row_from_string` for one line (`bytes[start..<end]` plus a newline):
    /// the cells, or `nil` when the line is not a row (no cells at all).
    static func row(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> [Cell]? {
        // `_scan_table_cell_end`: a pipe and the table spaces after it.
        func cellEnd(_ position: Int) -> Int {
            guard position < end, bytes[position] == UInt8(ascii: "|") else { return 0 }
            var next = position + 1
            while next < end, isTableSpace(bytes[next]) { next += 1 }
            return next - position
        }
        // `_scan_table_cell`: (`\|` | anything but `|`, NUL, CR, LF)+.
        func cell(_ position: Int) -> Int {
            var next = position
            while next < end {
                let byte = bytes[next]
                if byte == UInt8(ascii: "\\"), next + 1 < end, bytes[next + 1] == UInt8(ascii: "|") {
                    next += 2
                } else if byte == UInt8(ascii: "|") || byte == 0 || byte == 0x0D || byte == 0x0A {
                    break
                } else {
                    next += 1
                }
            }
            return next - position
        }
        var cells: [Cell] = []
        var offset = start + cellEnd(start)
        while offset < end {
            let cellLength = cell(offset)
            let pipeLength = cellEnd(offset + cellLength)
            if cellLength > 0 || pipeLength > 0 {
                cells.append(makeCell(bytes, start: offset, end: offset + cellLength))
            }
            offset += cellLength + pipeLength
            if pipeLength == 0 {
                // The rest must be table spaces up to the newline.
                while offset < end, isTableSpace(bytes[offset]) { offset += 1 }
                if offset < end, bytes[offset] == 0x0D, offset + 1 == end { offset += 1 }
                guard offset == end else { return nil }
            }
        }
        return cells.isEmpty ? nil : cells
    }

    /// cmark's `cmark_isspace`: space, `\t`, `\n`, `\v`, `\f`, `\r`.
    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// `unescape_pipes` then `cmark_strbuf_trim`, remembering where bytes were removed.
    private static func makeCell(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Cell {
        var low = start
        var high = end
        while low < high, isTrimmable(bytes[low]) { low += 1 }
        while high > low, isTrimmable(bytes[high - 1]) { high -= 1 }
        var text: [UInt8] = []
        text.reserveCapacity(high - low)
        var deletions: [Int] = []
        var position = low
        while position < high {
            if bytes[position] == UInt8(ascii: "\\"), position + 1 < high, bytes[position + 1] == UInt8(ascii: "|") {
                deletions.append(text.count)
                position += 1
            }
            text.append(bytes[position])
            position += 1
        }
        return Cell(text: text, start: low, deletions: deletions)
    }
}
