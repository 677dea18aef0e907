import VardplanDiagnostics

/// Plain and quoted scalars of `YAMLParser`.
extension YAMLParser {
    /// What ended one line of a plain scalar.
    enum PlainStop {
        case lineEnd, comment, colon, flowIndicator
    }

    /// One line of a plain scalar: its text ends at `textEnd` (trailing blanks excluded),
    /// and `stop` at `stopAt` ended it.
    struct PlainScan {
        var textEnd: Int
        var stopAt: Int
        var stop: PlainStop
    }

    /// Scans plain text from `p` to the end of its line, a comment (` #`), a mapping
    /// indicator (`: `), or in a flow list a flow indicator.
    func scanPlainLine(from p: Int, flow: Bool) -> PlainScan {
        var i = p
        var textEnd = p
        while true {
            if isBreakOrEnd(i) { return PlainScan(textEnd: textEnd, stopAt: i, stop: .lineEnd) }
            let c = bytes[i]
            if c == TextByte.colon {
                if isWhiteOrEnd(i + 1) || (flow && isFlowIndicator(byte(i + 1))) {
                    return PlainScan(textEnd: textEnd, stopAt: i, stop: .colon)
                }
            } else if c == TextByte.hash {
                if i > p, isBlank(bytes[i - 1]) { return PlainScan(textEnd: textEnd, stopAt: i, stop: .comment) }
            } else if flow, isFlowIndicator(c) {
                return PlainScan(textEnd: textEnd, stopAt: i, stop: .flowIndicator)
            }
            if !isBlank(c) { textEnd = i + 1 }
            i += 1
        }
    }

    /// A plain scalar whose first line was scanned, folded with its continuation lines (those
    /// indented more than `parentIndent`). Leaves `pos` just after the last text.
    mutating func parsePlain(at p: Int, firstLine: PlainScan, parentIndent: Int, flow: Bool) throws -> YAMLNode {
        var out = Array(bytes[p..<firstLine.textEnd])
        var lastEnd = firstLine.textEnd
        if firstLine.stop == .lineEnd {
            var lineStart = nextLineStart(firstLine.stopAt)
            var breaks = 0
            while lineStart < end {
                var first = lineStart
                while byte(first) == TextByte.space { first += 1 }
                let content = skipBlanks(first)
                if isBreakOrEnd(content) {
                    if content >= end { break }
                    breaks += 1
                    lineStart = nextLineStart(content)
                    continue
                }
                if first - lineStart <= parentIndent || byte(content) == TextByte.hash
                    || isDocumentMarker(lineStart: lineStart) || (flow && isFlowIndicator(byte(content))) {
                    break
                }
                let scan = scanPlainLine(from: content, flow: flow)
                if scan.stop == .colon {
                    if flow { break }
                    throw fail(.yamlColonInPlainContinuation(at: location(content)))
                }
                if scan.textEnd == content { break }
                if breaks == 0 {
                    out.append(TextByte.space)
                } else {
                    out.append(contentsOf: repeatElement(TextByte.lineFeed, count: breaks))
                }
                breaks = 0
                out.append(contentsOf: bytes[content..<scan.textEnd])
                lastEnd = scan.textEnd
                if scan.stop != .lineEnd { break }
                lineStart = nextLineStart(scan.stopAt)
            }
        }
        pos = lastEnd
        return YAMLNode(.scalar(YAMLScalar(String(decoding: out, as: UTF8.self), style: .plain)), at: location(p))
    }

    // MARK: - Quoted

    /// A single- or double-quoted scalar at `p`; continuation lines must be indented more than
    /// `parentIndent`. Leaves `pos` just after the closing quote; also says whether it spans lines.
    mutating func parseQuoted(at p: Int, parentIndent: Int, flow: Bool) throws -> (YAMLScalar, Bool) {
        let quote = bytes[p]
        let double = quote == TextByte.doubleQuote
        var out: [UInt8] = []
        var trailingBlanks: Int?  // where unescaped blanks at the end of `out` start
        var multiLine = false
        var i = p + 1
        while true {
            guard i < end else { throw unterminated(p) }
            let c = bytes[i]
            if c == quote {
                if !double, byte(i + 1) == TextByte.singleQuote {
                    out.append(TextByte.singleQuote)
                    trailingBlanks = nil
                    i += 2
                    continue
                }
                pos = i + 1
                let style: YAMLScalar.Style = double ? .doubleQuoted : .singleQuoted
                return (YAMLScalar(String(decoding: out, as: UTF8.self), style: style), multiLine)
            }
            if c == TextByte.lineFeed || c == TextByte.carriageReturn {
                multiLine = true
                if let blanks = trailingBlanks { out.removeSubrange(blanks...) }
                trailingBlanks = nil
                i = try quotedLinePrefix(from: nextLineStart(i), parentIndent: parentIndent, opening: p,
                                         fold: true, into: &out)
                continue
            }
            if double, c == TextByte.backslash {
                trailingBlanks = nil
                let escaped = byte(i + 1)
                if escaped == TextByte.lineFeed || escaped == TextByte.carriageReturn {
                    multiLine = true
                    i = try quotedLinePrefix(from: nextLineStart(i + 1), parentIndent: parentIndent, opening: p,
                                             fold: false, into: &out)
                    continue
                }
                i = try unescape(at: i, into: &out)
                continue
            }
            if isBlank(c) {
                if trailingBlanks == nil { trailingBlanks = out.count }
            } else {
                trailingBlanks = nil
            }
            out.append(c)
            i += 1
        }
    }

    /// Skips the empty lines and indentation after a line break inside quotes, appending the
    /// folded break (a space, or one line feed per empty line; with `fold` false only the
    /// line feeds). Returns the offset of the next content.
    mutating func quotedLinePrefix(from lineStart: Int, parentIndent: Int, opening: Int, fold: Bool,
                                   into out: inout [UInt8]) throws -> Int {
        var line = lineStart
        var empty = 0
        while true {
            guard line < end, !isDocumentMarker(lineStart: line) else { throw unterminated(opening) }
            var first = line
            while byte(first) == TextByte.space { first += 1 }
            let content = skipBlanks(first)
            if isBreakOrEnd(content) {
                guard content < end else { throw unterminated(opening) }
                empty += 1
                line = nextLineStart(content)
                continue
            }
            if first - line <= parentIndent {
                let lineNumber = locator.location(line).position.line
                let double = bytes[opening] == TextByte.doubleQuote
                throw fail(.yamlQuoteNotClosedBeforeLine(lineNumber, double: double, at: location(opening)))
            }
            if empty == 0 {
                if fold { out.append(TextByte.space) }
            } else {
                out.append(contentsOf: repeatElement(TextByte.lineFeed, count: empty))
            }
            return content
        }
    }

    mutating func unterminated(_ p: Int) -> Stop {
        fail(.yamlQuoteNotClosed(double: bytes[p] == TextByte.doubleQuote, at: location(p)))
    }

    /// Decodes the escape sequence at `i` (a backslash) and returns the offset after it.
    mutating func unescape(at i: Int, into out: inout [UInt8]) throws -> Int {
        let escaped = byte(i + 1)
        let simple: UInt8?
        switch escaped {
        case 0x30: simple = 0x00  // \0
        case 0x61: simple = 0x07  // \a
        case 0x62: simple = 0x08  // \b
        case 0x74, TextByte.tab: simple = 0x09  // \t
        case 0x6E: simple = 0x0A  // \n
        case 0x76: simple = 0x0B  // \v
        case 0x66: simple = 0x0C  // \f
        case 0x72: simple = 0x0D  // \r
        case 0x65: simple = 0x1B  // \e
        case TextByte.space, TextByte.doubleQuote, TextByte.slash, TextByte.backslash: simple = escaped
        default: simple = nil
        }
        if let simple {
            out.append(simple)
            return i + 2
        }
        let scalar: UInt32
        let digits: Int
        switch escaped {
        case 0x4E: scalar = 0x85; digits = 0  // \N
        case 0x5F: scalar = 0xA0; digits = 0  // \_
        case 0x4C: scalar = 0x2028; digits = 0  // \L
        case 0x50: scalar = 0x2029; digits = 0  // \P
        case 0x78: scalar = 0; digits = 2  // \x
        case 0x75: scalar = 0; digits = 4  // \u
        case 0x55: scalar = 0; digits = 8  // \U
        default:
            throw fail(.yamlUnknownEscape(token(at: i + 1).prefix(1), at: location(i)))
        }
        var value = scalar
        for k in 0..<digits {
            guard let digit = TextByte.hexValue(byte(i + 2 + k)) else {
                let name = text(i..<(i + 2))
                throw fail(.yamlEscapeDigits(name, digits: digits, at: location(i)))
            }
            value = value << 4 | digit
        }
        guard let unicode = Unicode.Scalar(value) else {
            throw fail(.yamlEscapeNotCharacter(shown(text(i..<(i + 2 + digits))), at: location(i)))
        }
        TextByte.appendUTF8(unicode, to: &out)
        return i + 2 + digits
    }
}
