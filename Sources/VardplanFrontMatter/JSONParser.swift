import VardplanDiagnostics

/// A strict JSON (RFC 8259) parser producing the same `YAMLNode` tree as `YAMLParser`,
/// so manifests may be written in JSON: objects become mappings (order kept), arrays
/// sequences, strings double-quoted scalars, and numbers, `true`, `false` and `null`
/// plain scalars holding their source text.
public struct JSONParser {
    /// Arrays and objects nested deeper than this are rejected.
    public static let maximumDepth = 100

    /// Parses `range` of `file` (the whole file when nil), which must hold exactly one JSON
    /// value, appending diagnostics. Returns nil when an error was reported.
    /// With `quotingInput: false` (manifests) no message quotes the file's text.
    public static func parse(_ file: SourceFile, range: Range<Int>? = nil, quotingInput: Bool = true,
                             diagnostics: inout Diagnostics) -> YAMLNode? {
        var parser = JSONParser(file: file, range: range)
        parser.quotesInput = quotingInput
        let root = try? parser.parseDocument()
        diagnostics.append(contentsOf: parser.diagnostics)
        return parser.diagnostics.hasErrors ? nil : root
    }

    /// Parses a sequence of JSON values separated by white space (as in the YAML test
    /// suite's `in.json` of multi-document cases). Returns nil when an error was reported.
    static func parseSequence(_ file: SourceFile, range: Range<Int>? = nil, diagnostics: inout Diagnostics) -> [YAMLNode]? {
        var parser = JSONParser(file: file, range: range)
        var values: [YAMLNode] = []
        do {
            try parser.prepare()
            while true {
                parser.skipWhitespace()
                if parser.pos >= parser.end { break }
                values.append(try parser.parseValue(depth: 0))
            }
        } catch {}
        diagnostics.append(contentsOf: parser.diagnostics)
        return parser.diagnostics.hasErrors ? nil : values
    }

    struct Stop: Error {}

    let bytes: [UInt8]
    let start: Int
    let end: Int
    var pos: Int
    var locator: SourceCursor
    var diagnostics = Diagnostics()
    /// Whether messages may quote the input's text (false for manifests).
    var quotesInput = true

    init(file: SourceFile, range: Range<Int>?) {
        let count = file.bytes.count
        let requested = range ?? 0..<count
        let lower = min(max(requested.lowerBound, 0), count)
        let upper = min(max(requested.upperBound, lower), count)
        bytes = file.bytes
        var first = lower
        if upper - lower >= 3, bytes[first] == 0xEF, bytes[first + 1] == 0xBB, bytes[first + 2] == 0xBF { first += 3 }
        start = first
        end = upper
        pos = first
        locator = SourceCursor(file: file)
    }

    mutating func prepare() throws {
        if let problem = TextValidator.firstProblem(in: bytes, range: start..<end, yamlRules: false) {
            throw fail(problem.message, at: problem.offset)
        }
    }

    mutating func parseDocument() throws -> YAMLNode {
        try prepare()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if pos < end {
            throw fail("unexpected '\(token(at: pos))' after the JSON value; a JSON file holds exactly one value", at: pos)
        }
        return value
    }

    // MARK: - Values

    mutating func parseValue(depth: Int) throws -> YAMLNode {
        skipWhitespace()
        guard pos < end else {
            throw fail("expected a JSON value, found the end of the file", at: pos)
        }
        let c = bytes[pos]
        switch c {
        case TextByte.leftBrace:
            return try parseObject(depth: depth)
        case TextByte.leftBracket:
            return try parseArray(depth: depth)
        case TextByte.doubleQuote:
            let location = location(pos)
            return YAMLNode(.scalar(YAMLScalar(try parseString(), style: .doubleQuoted)), at: location)
        case TextByte.minus, TextByte.zero...TextByte.nine:
            return try parseNumber()
        case TextByte.singleQuote:
            throw fail("strings in JSON use double quotes; write \"...\" instead of '...'", at: pos)
        case TextByte.slash, TextByte.hash:
            throw fail("comments are not allowed in JSON; remove them", at: pos)
        case TextByte.plus, TextByte.dot:
            throw fail("invalid JSON number '\(token(at: pos))'; write numbers like 12, -3.5 or 1e6", at: pos)
        default:
            if isWordByte(c) { return try parseWord() }
            throw fail("expected a JSON value (object, array, string, number, true, false or null), found '\(token(at: pos))'",
                       at: pos)
        }
    }

    mutating func parseObject(depth: Int) throws -> YAMLNode {
        let open = pos
        guard depth < Self.maximumDepth else {
            throw fail("arrays and objects are nested more than \(Self.maximumDepth) levels deep here; flatten the structure", at: open)
        }
        let objectLocation = location(open)
        pos += 1
        var pairs: [YAMLPair] = []
        var firstLocations: [String: SourceLocation] = [:]
        var comma: Int?
        skipWhitespace()
        if byte(pos) == TextByte.rightBrace {
            pos += 1
            return YAMLNode(.mapping([]), at: objectLocation)
        }
        while true {
            skipWhitespace()
            let c = byte(pos)
            if pos >= end { throw fail("the object '{' starting here is never closed; add '}'", at: open) }
            if c == TextByte.rightBrace, let comma {
                throw fail("trailing comma before '}' is not allowed in JSON; remove the ','", at: comma)
            }
            if c != TextByte.doubleQuote {
                if isWordByte(c) || c == TextByte.singleQuote {
                    throw fail("object keys must be double-quoted strings in JSON; write '\"\(token(at: pos).trimmingQuotes)\"'",
                               at: pos)
                }
                throw fail("expected a double-quoted key in the object, found '\(token(at: pos))'", at: pos)
            }
            let keyOffset = pos
            let keyLocation = location(keyOffset)
            let key = try parseString()
            skipWhitespace()
            guard byte(pos) == TextByte.colon, pos < end else {
                throw fail("expected ':' after the key '\(shown(key))'", at: pos)
            }
            pos += 1
            let value = try parseValue(depth: depth + 1)
            if let first = firstLocations[key] {
                diagnostics.error("duplicate key '\(shown(key))' in this object; each key may appear only once",
                                  at: keyLocation, notes: [Diagnostic.Note("'\(shown(key))' is first defined here", at: first)])
            } else {
                firstLocations[key] = keyLocation
                pairs.append(YAMLPair(key: key, keyLocation: keyLocation, value: value))
            }
            skipWhitespace()
            guard pos < end else { throw fail("the object '{' starting here is never closed; add '}'", at: open) }
            switch bytes[pos] {
            case TextByte.comma:
                comma = pos
                pos += 1
            case TextByte.rightBrace:
                pos += 1
                return YAMLNode(.mapping(pairs), at: objectLocation)
            default:
                throw fail("expected ',' or '}' after the value in the object, found '\(token(at: pos))'", at: pos)
            }
        }
    }

    mutating func parseArray(depth: Int) throws -> YAMLNode {
        let open = pos
        guard depth < Self.maximumDepth else {
            throw fail("arrays and objects are nested more than \(Self.maximumDepth) levels deep here; flatten the structure", at: open)
        }
        let arrayLocation = location(open)
        pos += 1
        var items: [YAMLNode] = []
        var lastComma: Int?
        skipWhitespace()
        if byte(pos) == TextByte.rightBracket {
            pos += 1
            return YAMLNode(.sequence([]), at: arrayLocation)
        }
        while true {
            skipWhitespace()
            if pos >= end { throw fail("the array '[' starting here is never closed; add ']'", at: open) }
            if bytes[pos] == TextByte.rightBracket, let comma = lastComma {
                throw fail("trailing comma before ']' is not allowed in JSON; remove the ','", at: comma)
            }
            if bytes[pos] == TextByte.comma {
                throw fail("expected a value before ','; remove the extra ','", at: pos)
            }
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard pos < end else { throw fail("the array '[' starting here is never closed; add ']'", at: open) }
            switch bytes[pos] {
            case TextByte.comma:
                lastComma = pos
                pos += 1
            case TextByte.rightBracket:
                pos += 1
                return YAMLNode(.sequence(items), at: arrayLocation)
            default:
                throw fail("expected ',' or ']' after the value in the array, found '\(token(at: pos))'", at: pos)
            }
        }
    }

    // MARK: - Helpers

    func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    func byte(_ i: Int) -> UInt8 {
        i < end ? bytes[i] : 0
    }

    mutating func skipWhitespace() {
        while pos < end {
            switch bytes[pos] {
            case TextByte.space, TextByte.tab, TextByte.lineFeed, TextByte.carriageReturn: pos += 1
            default: return
            }
        }
    }

    func token(at p: Int) -> String {
        guard quotesInput else { return "…" }
        var q = p
        while q < end, q - p < 40 {
            let c = bytes[q]
            if c == TextByte.space || c == TextByte.tab || c == TextByte.lineFeed || c == TextByte.carriageReturn
                || ((c == TextByte.comma || c == TextByte.colon || c == TextByte.rightBrace || c == TextByte.rightBracket) && q > p) {
                break
            }
            q += 1
        }
        while q < end, bytes[q] & 0xC0 == 0x80 { q += 1 }
        return text(p..<q)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: start..<end)], as: UTF8.self)
    }

    /// The input's text for a message, or '…' when messages may not quote the input.
    func shown(_ text: String) -> String {
        quotesInput ? text : "…"
    }

    mutating func fail(_ message: String, at offset: Int) -> Stop {
        diagnostics.error(message, at: locator.location(offset))
        return Stop()
    }

    mutating func location(_ offset: Int) -> SourceLocation {
        locator.location(offset)
    }
}

private extension String {
    /// Without surrounding single or double quotes, for suggesting the quoted form of a key.
    var trimmingQuotes: String {
        var result = Substring(self)
        while let first = result.first, first == "'" || first == "\"" { result = result.dropFirst() }
        while let last = result.last, last == "'" || last == "\"" { result = result.dropLast() }
        return String(result)
    }
}
