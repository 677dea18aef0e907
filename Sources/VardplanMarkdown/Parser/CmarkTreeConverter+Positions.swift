#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanDiagnostics

/// Positions: cmark's block positions are exact, but its inline positions are relative
/// to the paragraph's first column on every line and miss some line ends (backslash
/// breaks, line ends inside a link's destination). These replay each line's container
/// prefix (`MarkdownLineCursor`) to turn them into file offsets, then locations through
/// the session's `SourceCursor`.
extension CmarkTreeConverter {
    // MARK: - Positions

    /// A location from an input line and cmark's 1-based byte column on it.
    func location(line: Int, offset: Int) -> SourceLocation {
        session.location(ofFileOffset: input.fileOffset(line: line, offset: offset))
    }

    /// Block positions from cmark are exact (byte columns on input lines).
    func blockLocation(_ node: CmarkNode) -> SourceLocation {
        let line = node.startLine
        let column = node.startColumn
        guard line >= 1, line <= input.lineCount else {
            return location(line: max(1, min(line, input.lineCount)), offset: input.lineStart(max(1, min(line, input.lineCount))))
        }
        let offset = min(input.lineStart(line) + max(column, 1) - 1, input.lineEnd(line))
        return location(line: line, offset: offset)
    }

    /// cmark gives inline columns relative to the paragraph's first column on every
    /// line; on continuation lines the real column comes from replaying the line's
    /// container prefix. An autolink's own column is unreliable: use its text's.
    mutating func linkLocation(_ node: CmarkNode) -> SourceLocation {
        if node.kind == .link,
           let child = node.firstChild, child.kind == .text,
           let literal = child.literal, let url = node.url {
            if Self.equal(url, literal) || (Self.hasMailtoPrefix(url) && Self.equal(url + 7, literal)) {
                return inlineLocation(line: child.startLine,
                                      column: child.startColumn - 1)
            }
        }
        // cmark gives a link the line of its `]` and the column of its `[`; the `[`
        // is on the line where the previous inline ended.
        guard let current = leafState else { return inlineLocation(node) }
        return inlineLocation(inputLine: current.currentLine, column: node.startColumn)
    }

    static func equal(_ a: UnsafePointer<CChar>, _ b: UnsafePointer<CChar>) -> Bool {
        var index = 0
        while a[index] == b[index] {
            if a[index] == 0 { return true }
            index += 1
        }
        return false
    }

    static func hasMailtoPrefix(_ url: UnsafePointer<CChar>) -> Bool {
        var index = 0
        for expected in "mailto:".utf8 {
            guard UInt8(bitPattern: url[index]) == expected else { return false }
            index += 1
        }
        return true
    }

    mutating func inlineLocation(_ node: CmarkNode) -> SourceLocation {
        inlineLocation(line: node.startLine, column: node.startColumn)
    }

    mutating func inlineLocation(line cmarkLine: Int, column: Int) -> SourceLocation {
        inlineLocation(inputLine: realLine(cmarkLine), column: column)
    }

    mutating func inlineLocation(inputLine line: Int, column: Int) -> SourceLocation {
        guard line >= 1, line <= input.lineCount else {
            return frames[frames.count - 1].location
        }
        let start = input.lineStart(line)
        let end = input.lineEnd(line)
        var offset = start + column - 1
        if let current = leafState, current.replayable, line >= current.startLine, line <= current.endLine {
            offset = contentLine(line).inlineBase + column - current.startColumn - current.carriedBytes
        }
        return location(line: line, offset: min(max(offset, start), end))
    }

    /// The current leaf's numbers, without its cached lines: holding a copy of `leaf`
    /// while `contentLine` fills the cache would copy the whole cache on every call
    /// (quadratic in the paragraph's lines).
    struct LeafState {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var carriedBytes: Int
        var currentLine: Int
        /// Whether its containers are known, so its lines can be replayed.
        var replayable: Bool
    }

    var leafState: LeafState? {
        guard let leaf else { return nil }
        return LeafState(startLine: leaf.startLine, startColumn: leaf.startColumn, endLine: leaf.endLine,
                         carriedBytes: leaf.carriedBytes, currentLine: leaf.currentLine,
                         replayable: leaf.containers != nil)
    }

    /// The input line of cmark's inline line number `line` in the current leaf.
    func realLine(_ line: Int) -> Int {
        guard let current = leaf else { return line }
        return line + current.definitionLines + current.missedLineEnds
    }

    /// Remembers on which line the last inline ended. A newline inside it (a code span,
    /// raw HTML, a link destination) makes cmark count columns from there again.
    mutating func noteInlineEnd(_ node: CmarkNode) {
        let line = node.endLine
        guard line > 0, leaf != nil else { return }
        if line != node.startLine { leaf!.carriedBytes = 0 }
        leaf!.currentLine = realLine(line)
    }

    /// After a link or image: cmark does not count line ends in its `](…)` part, but its
    /// end column, counted from cmark's current column base, tells how far it reaches.
    mutating func noteLinkEnd(_ node: CmarkNode) {
        guard let current = leafState, current.replayable,
              current.currentLine >= current.startLine, current.currentLine <= current.endLine else { return }
        if node.kind == .link, let child = node.firstChild,
           child.kind == .text, node.firstChild == node.lastChild,
           let literal = child.literal, let url = node.url,
           Self.equal(url, literal) || (Self.hasMailtoPrefix(url) && Self.equal(url + 7, literal)) {
            return  // an autolink: one line, and cmark's end column is not usable
        }
        // Bytes from cmark's column base to just after the link.
        var remaining = node.endColumn - current.startColumn + 1
        let startLine = current.currentLine
        var carried = current.carriedBytes
        let endLine = current.endLine
        guard remaining > 0 else { return }
        var line = startLine
        var first = contentLine(line)
        var consumed = 0
        while line < endLine, remaining > first.end - first.inlineBase + carried {
            let length = first.end - first.inlineBase + 1 + carried
            remaining -= length
            consumed += length
            carried = 0
            line += 1
            first = contentLine(line)
        }
        guard line > startLine else { return }
        leaf!.missedLineEnds += line - startLine
        leaf!.carriedBytes = consumed  // from cmark's column base to the new line's content
        leaf!.currentLine = line
    }

    /// A line break: a backslash at the end of the line is one cmark does not count.
    mutating func noteLineEnd(backslash possibly: Bool) {
        guard leaf != nil else { return }
        let line = leaf!.currentLine
        var backslash = false
        if possibly, leaf!.containers != nil, line >= leaf!.startLine, line < leaf!.endLine {
            let content = contentLine(line)
            backslash = content.end > content.contentStart && input.bytes[content.end - 1] == UInt8(ascii: "\\")
            if backslash {
                leaf!.missedLineEnds += 1
                leaf!.carriedBytes += content.end - content.inlineBase + 1  // cmark stores "\r\n" as "\n"
            }
        }
        if !backslash { leaf!.carriedBytes = 0 }
        leaf!.currentLine = line + 1
    }

    /// Line `line` of the current leaf without its container prefix (cached).
    mutating func contentLine(_ line: Int) -> MarkdownLineCursor.ContentLine {
        guard leaf != nil else { preconditionFailure("no paragraph") }
        let index = line - leaf!.startLine
        if leaf!.lines.isEmpty {
            leaf!.lines = Array(repeating: nil, count: leaf!.endLine - leaf!.startLine + 1)
        }
        if let cached = leaf!.lines[index] { return cached }
        let startColumn = leaf!.startColumn
        let start = input.lineStart(line)
        let end = input.lineEnd(line)
        let computed: MarkdownLineCursor.ContentLine
        if index == 0 {
            let contentStart = min(start + startColumn - 1, end)
            computed = MarkdownLineCursor.ContentLine(lineStart: start, end: end, contentStart: contentStart,
                                                      inlineBase: contentStart,
                                                      firstNonspace: contentStart, indent: 0, lazy: false,
                                                      prefixEnd: contentStart, prefixSpaces: 0)
        } else {
            computed = MarkdownLineCursor.contentLine(bytes: input.bytes, lineStart: start, lineEnd: end,
                                                      line: line, containers: leaf!.containers ?? [])
        }
        leaf!.lines[index] = computed
        return computed
    }

    /// The underline of the setext heading starting on `line` (cmark reports the line
    /// after it as the heading's end): the first later line that is `=`s or `-`s.
    func setextUnderline(after line: Int, until reportedEnd: Int) -> Int {
        let last = min(reportedEnd, input.lineCount)
        guard line < last, let containers = leaf?.containers else { return line }
        for candidate in (line + 1)...last {
            let content = MarkdownLineCursor.contentLine(bytes: input.bytes, lineStart: input.lineStart(candidate),
                                                         lineEnd: input.lineEnd(candidate), line: candidate,
                                                         containers: containers)
            guard !content.lazy, content.indent < 4, content.firstNonspace < content.end else { continue }
            let marker = input.bytes[content.firstNonspace]
            guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { continue }
            var position = content.firstNonspace
            while position < content.end, input.bytes[position] == marker { position += 1 }
            while position < content.end, input.bytes[position] == 0x20 || input.bytes[position] == 0x09 { position += 1 }
            if position == content.end { return candidate }
        }
        return line
    }

    /// cmark's `marker_offset + padding` for the list item whose marker is on `line`.
    func itemIndent(line: Int) -> Int {
        guard line >= 1, line <= input.lineCount, containers.count <= 2 * MarkdownParser.maximumBlockDepth else { return 2 }
        var cursor = MarkdownLineCursor(bytes: input.bytes, lineStart: input.lineStart(line), lineEnd: input.lineEnd(line))
        _ = cursor.match(containers, line: line)
        return cursor.openListItem() ?? 2
    }
}
