import VardplanDiagnostics

/// Block mappings and block lists of `YAMLParser`.
extension YAMLParser {
    mutating func parseBlockMapping(indent: Int, firstKey: Key, depth: Int) throws -> YAMLNode {
        guard depth < Self.maximumDepth else { throw tooDeep(at: firstKey.offset) }
        let mappingLocation = location(firstKey.offset)
        var pairs: [YAMLPair] = []
        var firstLocations: [String: SourceLocation] = [:]
        var key = firstKey
        while true {
            let keyLocation = location(key.offset)
            let value = try parseValue(afterIndicator: key.valueStart, parentIndent: indent, context: .mappingValue,
                                       depth: depth + 1)
            if let first = firstLocations[key.text] {
                diagnostics.error("duplicate key '\(shown(key.text))' in this mapping; each key may appear only once",
                                  at: keyLocation, notes: [Diagnostic.Note("'\(shown(key.text))' is first defined here", at: first)])
            } else {
                firstLocations[key.text] = keyLocation
                pairs.append(YAMLPair(key: key.text, keyLocation: keyLocation, value: value))
            }
            guard let line = nextContentLine(from: pos) else {
                pos = end
                break
            }
            if isDocumentMarker(line) || line.indent < indent {
                pos = line.start
                break
            }
            if line.indent > indent {
                throw fail("this line is indented more than the keys of its mapping (column \(indent + 1)); line it up with the key it belongs with",
                           at: line.first)
            }
            try checkIndentation(line)
            key = try parseNextKey(line, indent: indent)
        }
        return YAMLNode(.mapping(pairs), at: mappingLocation)
    }

    /// Reads the key of a mapping's next entry, which must be on `line`.
    mutating func parseNextKey(_ line: Line, indent: Int) throws -> Key {
        let p = line.first
        let c = byte(p)
        if isSequenceEntry(p) {
            throw fail("a list entry ('- ') cannot appear among the keys of a mapping; indent it under the key it belongs to",
                       at: p)
        }
        if c == TextByte.pipe || c == TextByte.greaterThan || c == TextByte.leftBracket {
            throw fail("expected 'key: value' here, found '\(token(at: p))'", at: p)
        }
        switch try parseScalarOrKey(at: p, parentIndent: indent) {
        case .key(let key):
            return key
        case .scalar:
            throw fail("expected 'key: value' here, found '\(lineText(at: p))' without ':'; add ': ' after the key, or indent the line if it continues the value above",
                       at: p)
        }
    }

    mutating func parseBlockSequence(indent: Int, at p: Int, alignedWithKey: Bool, depth: Int) throws -> YAMLNode {
        guard depth < Self.maximumDepth else { throw tooDeep(at: p) }
        let sequenceLocation = location(p)
        var items: [YAMLNode] = []
        var dash = p
        while true {
            items.append(try parseValue(afterIndicator: dash + 1, parentIndent: indent, context: .sequenceEntry,
                                        depth: depth + 1))
            guard let line = nextContentLine(from: pos) else {
                pos = end
                break
            }
            if isDocumentMarker(line) || line.indent < indent {
                pos = line.start
                break
            }
            if line.indent > indent {
                throw fail("this line is indented more than the '- ' entries of its list (column \(indent + 1)); line it up with the entry it belongs with",
                           at: line.first)
            }
            try checkIndentation(line)
            if isSequenceEntry(line.first) {
                dash = line.first
                continue
            }
            if alignedWithKey {
                pos = line.start
                break
            }
            throw fail("expected a list entry ('- ') here, found '\(token(at: line.first))'; a list and a mapping cannot share one indentation level",
                       at: line.first)
        }
        return YAMLNode(.sequence(items), at: sequenceLocation)
    }
}
