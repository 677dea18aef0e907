import VardplanDiagnostics

/// Byte- and line-level helpers of `YAMLParser`.
extension YAMLParser {
    /// The byte at `i`, or 0 at the end (NUL never passes validation, so 0 means "end").
    @inline(__always)
    func byte(_ i: Int) -> UInt8 {
        i < end ? bytes[i] : 0
    }

    @inline(__always)
    func isBlank(_ byte: UInt8) -> Bool {
        byte == TextByte.space || byte == TextByte.tab
    }

    /// At a line break (LF, or the CR of a CRLF) or at the end.
    @inline(__always)
    func isBreakOrEnd(_ i: Int) -> Bool {
        i >= end || bytes[i] == TextByte.lineFeed || bytes[i] == TextByte.carriageReturn
    }

    @inline(__always)
    func isWhiteOrEnd(_ i: Int) -> Bool {
        isBreakOrEnd(i) || isBlank(bytes[i])
    }

    func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == TextByte.comma || byte == TextByte.leftBracket || byte == TextByte.rightBracket
            || byte == TextByte.leftBrace || byte == TextByte.rightBrace
    }

    /// `-` followed by white space or the end of the line.
    func isSequenceEntry(_ p: Int) -> Bool {
        byte(p) == TextByte.minus && isWhiteOrEnd(p + 1)
    }

    func skipBlanks(_ p: Int) -> Int {
        var q = p
        while isBlank(byte(q)) { q += 1 }
        return q
    }

    /// The start of the line after the one holding `p` (or the end).
    func nextLineStart(_ p: Int) -> Int {
        var q = p
        while q < end, bytes[q] != TextByte.lineFeed { q += 1 }
        return min(q + 1, end)
    }

    /// The end of the line holding `p`, before its line break.
    func lineEnd(_ p: Int) -> Int {
        var q = p
        while !isBreakOrEnd(q) { q += 1 }
        return q
    }

    /// The start of the line holding `p`.
    func lineStart(of p: Int) -> Int {
        var q = p
        while q > start, bytes[q - 1] != TextByte.lineFeed { q -= 1 }
        return q
    }

    /// The 0-based byte column of `p`; only used where everything before `p` on its line is ASCII
    /// (indentation, `- ` and `: `), so it equals the character column.
    func column(of p: Int) -> Int {
        p - lineStart(of: p)
    }

    /// The first line at or after the line start `p` that is neither blank nor a comment.
    func nextContentLine(from p: Int) -> Line? {
        var lineStart = p
        while lineStart < end {
            var first = lineStart
            while byte(first) == TextByte.space { first += 1 }
            let content = skipBlanks(first)
            if isBreakOrEnd(content) || byte(content) == TextByte.hash {
                lineStart = nextLineStart(content)
                continue
            }
            return Line(start: lineStart, indent: first - lineStart, first: first)
        }
        return nil
    }

    /// Whether the line is a document marker `---` or `...` (any when `mark` is nil) at column 1.
    func isDocumentMarker(_ line: Line, _ mark: UInt8? = nil) -> Bool {
        isDocumentMarker(lineStart: line.start, mark)
    }

    func isDocumentMarker(lineStart p: Int, _ mark: UInt8? = nil) -> Bool {
        let c = byte(p)
        guard c == TextByte.minus || c == TextByte.dot, mark == nil || mark == c else { return false }
        return byte(p + 1) == c && byte(p + 2) == c && isWhiteOrEnd(p + 3)
    }

    /// Rejects a line whose indentation contains a tab.
    mutating func checkIndentation(_ line: Line) throws {
        if byte(line.first) == TextByte.tab { throw tabIndentation(at: line.first) }
    }

    /// After a complete value: only blanks and a comment may follow on the line. Moves `pos`
    /// to the next line's start; otherwise reports `problem` for the token found and its location.
    mutating func finishLine(from p: Int, _ problem: (String, SourceLocation) -> Diagnostic) throws {
        let q = skipBlanks(p)
        if isBreakOrEnd(q) || (byte(q) == TextByte.hash && q > p) {
            pos = nextLineStart(q)
            return
        }
        let found = token(at: q)
        throw fail(problem(found, location(q)))
    }

    /// The user's token at `p` (up to white space, at most about 40 bytes) for messages.
    func token(at p: Int) -> String {
        guard quotesInput else { return "…" }
        var q = p
        while q < end, q - p < 40, !isWhiteOrEnd(q) { q += 1 }
        while q < end, bytes[q] & 0xC0 == 0x80 { q += 1 }
        return text(p..<q)
    }

    /// The rest of the line from `p` (shortened), for messages.
    func lineText(at p: Int) -> String {
        guard quotesInput else { return "…" }
        var q = p
        while !isBreakOrEnd(q), q - p < 60 { q += 1 }
        while q < end, bytes[q] & 0xC0 == 0x80 { q += 1 }
        var shown = text(p..<q)
        if !isBreakOrEnd(q) { shown += "…" }
        while shown.hasSuffix(" ") || shown.hasSuffix("\t") { shown.removeLast() }
        return shown
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The input's text for a message, or '…' when messages may not quote the input.
    func shown(_ text: String) -> String {
        quotesInput ? text : "…"
    }
}
