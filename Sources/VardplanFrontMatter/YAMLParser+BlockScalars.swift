import VardplanDiagnostics

/// Literal (`|`) and folded (`>`) block scalars of `YAMLParser`.
extension YAMLParser {
    /// A literal (`|`) or folded (`>`) block scalar whose header is at `p`. Leaves `pos` at the
    /// start of the first line after it.
    mutating func parseBlockScalar(at p: Int, parentIndent: Int) throws -> YAMLNode {
        let literal = bytes[p] == TextByte.pipe
        var chomping = 0  // -1 strip, 0 clip, +1 keep
        var chompingSet = false
        var explicitIndent: Int?
        var i = p + 1
        while true {
            let c = byte(i)
            if (c == TextByte.minus || c == TextByte.plus), !chompingSet {
                chomping = c == TextByte.minus ? -1 : 1
                chompingSet = true
            } else if c >= TextByte.one, c <= TextByte.nine, explicitIndent == nil {
                explicitIndent = Int(c - TextByte.zero)
            } else if c == TextByte.zero, explicitIndent == nil {
                throw fail(.yamlBlockIndentationIndicator(at: location(i)))
            } else {
                break
            }
            i += 1
        }
        let header = text(p..<i)
        try finishLine(from: i) { .yamlTextAfterBlockHeader($0, header: header, at: $1) }
        var line = pos
        let indent: Int
        if let explicitIndent {
            indent = max(parentIndent, 0) + explicitIndent
        } else {
            indent = try detectBlockIndent(from: line, parentIndent: parentIndent)
        }
        var out: [UInt8] = []
        var leadingBreak = false
        var trailingBreaks = 0
        var leadingBlank = false
        while true {
            // Empty lines (spaces up to the indentation, then a break).
            while line < end {
                var first = line
                while first - line < indent, byte(first) == TextByte.space { first += 1 }
                if first - line < indent, byte(first) == TextByte.tab {
                    let rest = skipBlanks(first)
                    if isBreakOrEnd(rest) { throw tabIndentation(at: first) }
                }
                guard isBreakOrEnd(first) else { break }
                if first >= end {
                    // A last line without a line break counts as ending with one.
                    if first > line { trailingBreaks += 1 }
                    line = end
                    break
                }
                trailingBreaks += 1
                line = nextLineStart(first)
            }
            guard line < end, !isDocumentMarker(lineStart: line) else { break }
            var first = line
            while first - line < indent, byte(first) == TextByte.space { first += 1 }
            guard first - line == indent else { break }
            let trailingBlank = isBlank(byte(first))
            if !literal, leadingBreak, !leadingBlank, !trailingBlank {
                if trailingBreaks == 0 { out.append(TextByte.space) }
            } else if leadingBreak {
                out.append(TextByte.lineFeed)
            }
            out.append(contentsOf: repeatElement(TextByte.lineFeed, count: trailingBreaks))
            trailingBreaks = 0
            leadingBreak = false
            leadingBlank = trailingBlank
            let contentEnd = lineEnd(first)
            out.append(contentsOf: bytes[first..<contentEnd])
            line = nextLineStart(contentEnd)
            leadingBreak = true  // also at the end of the text: a missing last line break counts as one
        }
        if chomping >= 0, leadingBreak { out.append(TextByte.lineFeed) }
        if chomping > 0 { out.append(contentsOf: repeatElement(TextByte.lineFeed, count: trailingBreaks)) }
        pos = line
        return YAMLNode(.scalar(YAMLScalar(String(decoding: out, as: UTF8.self), style: literal ? .literal : .folded)),
                        at: location(p))
    }

    /// The content indentation of a block scalar without an indentation indicator: the spaces
    /// before its first non-empty line (a tab after them is content). Leading empty lines may
    /// not have more spaces than that line.
    mutating func detectBlockIndent(from lineStart: Int, parentIndent: Int) throws -> Int {
        let minimum = max(parentIndent + 1, 0)
        var line = lineStart
        var widest = 0
        var widestAt = lineStart
        while line < end {
            var first = line
            while byte(first) == TextByte.space { first += 1 }
            if isBreakOrEnd(first) {
                if first - line > widest {
                    widest = first - line
                    widestAt = first
                }
                if first >= end { break }
                line = nextLineStart(first)
                continue
            }
            let indent = first - line
            if indent < minimum || isDocumentMarker(lineStart: line) { break }
            if widest > indent {
                throw fail(.yamlBlockLeadingSpaces(indent: indent, at: location(widestAt)))
            }
            return indent
        }
        return max(minimum, widest, 1)
    }
}
