import VardplanDiagnostics

/// Block mappings and block lists of `YAMLParser`.
extension YAMLParser {
    mutating func parseBlockMapping(indent: Int, firstKey: Key, depth: Int) throws -> YAMLNode {
        guard depth < Self.maximumDepth else { throw tooDeep(at: firstKey.offset) }
        let mappingLocation = location(firstKey.offset)
        var pairs: [YAMLPair] = []
        var keys = MappingKeyTable()
        var key = firstKey
        while true {
            let keyLocation = location(key.offset)
            let value = try parseValue(afterIndicator: key.valueStart, parentIndent: indent, context: .mappingValue,
                                       depth: depth + 1)
            if let first = keys.firstLocation(of: key.text, in: pairs) {
                diagnostics.append(.yamlDuplicateKey(shown(key.text), first: first, at: keyLocation))
            } else {
                pairs.append(YAMLPair(key: key.text, keyLocation: keyLocation, value: value))
                keys.added(pairs)
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
                throw fail(.yamlIndentedMoreThanKeys(keyColumn: indent + 1, at: location(line.first)))
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
            throw fail(.yamlListEntryAmongKeys(at: location(p)))
        }
        if c == TextByte.pipe || c == TextByte.greaterThan || c == TextByte.leftBracket {
            throw fail(.yamlExpectedKey(found: token(at: p), at: location(p)))
        }
        switch try parseScalarOrKey(at: p, parentIndent: indent) {
        case .key(let key):
            return key
        case .scalar:
            throw fail(.yamlExpectedKeyMissingColon(lineText(at: p), at: location(p)))
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
                throw fail(.yamlIndentedMoreThanEntries(entryColumn: indent + 1, at: location(line.first)))
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
            throw fail(.yamlExpectedListEntry(found: token(at: line.first), at: location(line.first)))
        }
        return YAMLNode(.sequence(items), at: sequenceLocation)
    }
}
