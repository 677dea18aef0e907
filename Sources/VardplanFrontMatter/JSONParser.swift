import VardplanDiagnostics

/// A strict JSON (RFC 8259) parser producing the same `YAMLNode` tree as `YAMLParser`,
/// so manifests may be written in JSON: objects become mappings (order kept), arrays
/// sequences, strings double-quoted scalars, and numbers, `true`, `false` and `null`
/// plain scalars holding their source text.
public struct JSONParser {
    /// Arrays and objects nested deeper than this are rejected.
    static let maximumDepth = 100

    /// Parses `range` of `file` (the whole file when nil), which must hold exactly one JSON
    /// value, appending diagnostics. Returns nil when an error was reported.
    /// With `quotingInput: false` (manifests) no message quotes the file's text.
    /// Emits VP101 and VP150–VP166 (FrontMatterDiagnostics.swift).
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
        let first = lower + SourceText.byteOrderMarkLength(bytes, at: lower, end: upper)
        start = first
        end = upper
        pos = first
        locator = SourceCursor(file: file)
    }

    mutating func prepare() throws {
        if let problem = TextValidator.firstProblem(in: bytes, range: start..<end, yamlRules: false) {
            throw fail(problem.diagnostic(at: location(problem.offset)))
        }
    }

    mutating func parseDocument() throws -> YAMLNode {
        try prepare()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if pos < end {
            throw fail(.jsonTextAfterValue(token(at: pos), at: location(pos)))
        }
        return value
    }

    // MARK: - Values

    mutating func parseValue(depth: Int) throws -> YAMLNode {
        skipWhitespace()
        guard pos < end else {
            throw fail(.jsonExpectedValueAtEnd(at: location(pos)))
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
            throw fail(.jsonSingleQuotes(at: location(pos)))
        case TextByte.slash, TextByte.hash:
            throw fail(.jsonComment(at: location(pos)))
        case TextByte.plus, TextByte.dot:
            throw fail(.jsonNumberStart(token(at: pos), at: location(pos)))
        default:
            if isWordByte(c) { return try parseWord() }
            throw fail(.jsonExpectedValue(found: token(at: pos), at: location(pos)))
        }
    }

    mutating func parseObject(depth: Int) throws -> YAMLNode {
        let open = pos
        guard depth < Self.maximumDepth else {
            throw fail(.jsonTooDeep(maximumDepth: Self.maximumDepth, at: location(open)))
        }
        let objectLocation = location(open)
        pos += 1
        var pairs: [YAMLPair] = []
        var keys = MappingKeyTable()
        var comma: Int?
        skipWhitespace()
        if byte(pos) == TextByte.rightBrace {
            pos += 1
            return YAMLNode(.mapping([]), at: objectLocation)
        }
        while true {
            skipWhitespace()
            let c = byte(pos)
            if pos >= end { throw fail(.jsonObjectNotClosed(at: location(open))) }
            if c == TextByte.rightBrace, let comma {
                throw fail(.jsonTrailingComma(before: "}", at: location(comma)))
            }
            if c != TextByte.doubleQuote {
                if isWordByte(c) || c == TextByte.singleQuote {
                    throw fail(.jsonUnquotedKey(token(at: pos).trimmingQuotes, at: location(pos)))
                }
                throw fail(.jsonExpectedKey(found: token(at: pos), at: location(pos)))
            }
            let keyOffset = pos
            let keyLocation = location(keyOffset)
            let key = try parseString()
            skipWhitespace()
            guard byte(pos) == TextByte.colon, pos < end else {
                throw fail(.jsonMissingColon(key: shown(key), at: location(pos)))
            }
            pos += 1
            let value = try parseValue(depth: depth + 1)
            if let first = keys.firstLocation(of: key, in: pairs) {
                diagnostics.append(.jsonDuplicateKey(shown(key), first: first, at: keyLocation))
            } else {
                pairs.append(YAMLPair(key: key, keyLocation: keyLocation, value: value))
                keys.added(pairs)
            }
            skipWhitespace()
            guard pos < end else { throw fail(.jsonObjectNotClosed(at: location(open))) }
            switch bytes[pos] {
            case TextByte.comma:
                comma = pos
                pos += 1
            case TextByte.rightBrace:
                pos += 1
                return YAMLNode(.mapping(pairs), at: objectLocation)
            default:
                throw fail(.jsonObjectSeparator(found: token(at: pos), at: location(pos)))
            }
        }
    }

    mutating func parseArray(depth: Int) throws -> YAMLNode {
        let open = pos
        guard depth < Self.maximumDepth else {
            throw fail(.jsonTooDeep(maximumDepth: Self.maximumDepth, at: location(open)))
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
            if pos >= end { throw fail(.jsonArrayNotClosed(at: location(open))) }
            if bytes[pos] == TextByte.rightBracket, let comma = lastComma {
                throw fail(.jsonTrailingComma(before: "]", at: location(comma)))
            }
            if bytes[pos] == TextByte.comma {
                throw fail(.jsonExpectedValueBeforeComma(at: location(pos)))
            }
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard pos < end else { throw fail(.jsonArrayNotClosed(at: location(open))) }
            switch bytes[pos] {
            case TextByte.comma:
                lastComma = pos
                pos += 1
            case TextByte.rightBracket:
                pos += 1
                return YAMLNode(.sequence(items), at: arrayLocation)
            default:
                throw fail(.jsonArraySeparator(found: token(at: pos), at: location(pos)))
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

    /// Records the error that stops parsing (built by a constructor of FrontMatterDiagnostics.swift).
    mutating func fail(_ diagnostic: Diagnostic) -> Stop {
        diagnostics.append(diagnostic)
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
