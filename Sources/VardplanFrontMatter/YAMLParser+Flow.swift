import VardplanDiagnostics

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
                    throw fail(.yamlPairInFlowList(at: location(i)))
                }
                throw fail(.yamlFlowListSeparator(found: token(at: i), at: location(i)))
            }
            let afterIsSeparator = isWhiteOrEnd(i + 1) || isFlowIndicator(byte(i + 1))
            switch c {
            case TextByte.comma:
                throw fail(.yamlFlowListEmptyEntry(at: location(i)))
            case TextByte.leftBracket:
                throw fail(.yamlNestedFlowList(at: location(i)))
            case TextByte.leftBrace:
                throw fail(.yamlFlowMapping(at: location(i)))
            case TextByte.doubleQuote, TextByte.singleQuote:
                let (scalar, _) = try parseQuoted(at: i, parentIndent: parentIndent, flow: true)
                items.append(YAMLNode(.scalar(scalar), at: location(i)))
                i = pos
            case TextByte.ampersand:
                throw fail(.yamlAnchor(token(at: i), at: location(i)))
            case TextByte.asterisk:
                throw fail(.yamlAlias(token(at: i), at: location(i)))
            case TextByte.exclamation:
                throw fail(.yamlTag(token(at: i), at: location(i)))
            case TextByte.question where afterIsSeparator:
                throw fail(.yamlComplexKey(inFlowList: true, at: location(i)))
            case TextByte.question:
                // YAML 1.2 reads `[?x]` as the text '?x', YAML 1.1 tools as a mapping.
                throw fail(.yamlQuestionMarkInFlowList(at: location(i)))
            case TextByte.colon where afterIsSeparator:
                throw fail(.yamlPairInFlowList(at: location(i)))
            case TextByte.minus where afterIsSeparator:
                throw fail(.yamlListEntryInFlowList(at: location(i)))
            case TextByte.hash, TextByte.pipe, TextByte.greaterThan, TextByte.percent, TextByte.at, TextByte.backtick,
                 TextByte.rightBrace:
                throw fail(.yamlIndicatorStartsFlowEntry(Character(Unicode.Scalar(c)), at: location(i)))
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
                throw fail(.yamlFlowListNotClosed(at: location(opening)))
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
                    throw fail(.yamlFlowListNotClosed(at: location(opening)))
                }
                if first - line <= parentIndent {
                    throw fail(.yamlFlowListLineNotIndented(parentColumn: parentIndent + 1, at: location(content)))
                }
                break
            }
            guard line < end else {
                throw fail(.yamlFlowListNotClosed(at: location(opening)))
            }
            i = line
        }
    }
}
