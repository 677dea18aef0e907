/// Flow lists (`[a, 'b', "c"]`) of `YAMLParser`: scalars only, possibly over several lines.
extension YAMLParser {
    /// The list whose `[` is at `p`. Leaves `pos` just after the closing `]`.
    mutating func parseFlowSequence(at p: Int, parentIndent: Int, depth: Int) throws -> YAMLNode {
        guard depth < Self.maximumDepth else { throw tooDeep(at: p) }
        let listLocation = location(p)
        var items: [YAMLNode] = []
        var expectItem = true
        var i = p + 1
        while true {
            i = try skipFlowSpace(from: i, parentIndent: parentIndent, opening: p)
            let c = bytes[i]
            if c == TextByte.rightBracket {
                pos = i + 1
                return YAMLNode(.sequence(items), at: listLocation)
            }
            if !expectItem {
                if c == TextByte.comma {
                    expectItem = true
                    i += 1
                    continue
                }
                if c == TextByte.colon {
                    throw fail("a 'key: value' pair inside '[...]' is not supported; quote the entry if ':' is part of the text",
                               at: i)
                }
                throw fail("expected ',' or ']' in the list, found '\(token(at: i))'", at: i)
            }
            let afterIsSeparator = isWhiteOrEnd(i + 1) || isFlowIndicator(byte(i + 1))
            switch c {
            case TextByte.comma:
                throw fail("empty entry in the list: two ',' in a row (or a ',' right after '['); remove one", at: i)
            case TextByte.leftBracket:
                throw fail("nested lists inside '[...]' are not supported in front matter; write the outer list as indented '- ' lines",
                           at: i)
            case TextByte.leftBrace:
                throw fail("flow mappings ('{...}') are not supported in front matter; write the mapping as indented 'key: value' lines",
                           at: i)
            case TextByte.doubleQuote, TextByte.singleQuote:
                let (scalar, _) = try parseQuoted(at: i, parentIndent: parentIndent, flow: true)
                items.append(YAMLNode(.scalar(scalar), at: location(i)))
                i = pos
            case TextByte.ampersand:
                throw fail("anchors ('\(token(at: i))') are not supported in front matter; repeat the value instead", at: i)
            case TextByte.asterisk:
                throw fail("aliases ('\(token(at: i))') are not supported in front matter; repeat the value instead", at: i)
            case TextByte.exclamation:
                throw fail("tags ('\(token(at: i))') are not supported in front matter; remove the tag, and quote the value if it must stay text",
                           at: i)
            case TextByte.question where afterIsSeparator:
                throw fail("complex keys ('? ') are not supported in front matter", at: i)
            case TextByte.question:
                // YAML 1.2 reads `[?x]` as the text '?x', YAML 1.1 tools as a mapping.
                throw fail("an entry starting with '?' inside '[...]' is read differently by different YAML tools; put it in quotes",
                           at: i)
            case TextByte.colon where afterIsSeparator:
                throw fail("a 'key: value' pair inside '[...]' is not supported; quote the entry if ':' is part of the text",
                           at: i)
            case TextByte.minus where afterIsSeparator:
                throw fail("list entries ('- ') are not allowed inside '[...]'; separate the entries with ','", at: i)
            case TextByte.hash, TextByte.pipe, TextByte.greaterThan, TextByte.percent, TextByte.at, TextByte.backtick,
                 TextByte.rightBrace:
                throw fail("the character '\(Character(Unicode.Scalar(c)))' cannot start an entry of a '[...]' list; put the entry in quotes",
                           at: i)
            default:
                let scan = scanPlainLine(from: i, flow: true)
                items.append(try parsePlain(at: i, firstLine: scan, parentIndent: parentIndent, flow: true))
                i = pos
            }
            expectItem = false
        }
    }

    /// Skips blanks, line breaks and comments inside a flow list; lines must be indented more
    /// than `parentIndent`. Returns the offset of the next token (never the end).
    mutating func skipFlowSpace(from p: Int, parentIndent: Int, opening: Int) throws -> Int {
        var i = p
        while true {
            i = skipBlanks(i)
            if byte(i) == TextByte.hash, i > start, isWhiteOrEnd(i - 1) {
                i = lineEnd(i)
            }
            guard i < end else {
                throw fail("the list '[' starting here is never closed; add ']'", at: opening)
            }
            guard isBreakOrEnd(i) else { return i }
            var line = nextLineStart(i)
            while line < end {
                var first = line
                while byte(first) == TextByte.space { first += 1 }
                let content = skipBlanks(first)
                if isBreakOrEnd(content) || byte(content) == TextByte.hash {
                    line = nextLineStart(content)
                    continue
                }
                if isDocumentMarker(lineStart: line) {
                    throw fail("the list '[' starting here is never closed; add ']'", at: opening)
                }
                if first - line <= parentIndent {
                    throw fail("this line is inside the list '[...]' but is not indented more than its key or list entry (column \(parentIndent + 1)); indent it",
                               at: content)
                }
                break
            }
            guard line < end else {
                throw fail("the list '[' starting here is never closed; add ']'", at: opening)
            }
            i = line
        }
    }
}
