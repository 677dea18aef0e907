import VardplanDiagnostics

/// Parses the YAML subset vardplan accepts in front matter and manifests into a `YAMLNode`
/// tree with file-absolute positions; everything outside the subset is an error naming it.
///
/// The subset: block mappings and lists, plain/quoted/block scalars, one-line or multi-line
/// flow lists of scalars, comments, one document. Not supported (always an error): anchors,
/// aliases, tags, flow mappings, nested flow collections, complex keys, directives,
/// several documents, tabs as indentation, duplicate keys.
public struct YAMLParser {
    /// Lists and mappings nested deeper than this are rejected.
    public static let maximumDepth = 100

    /// Parses `range` of `file` (the whole file when nil), appending diagnostics.
    ///
    /// Returns nil when the text holds no value (only blank lines, comments or `---`) or when
    /// any error was reported, so a tree that is returned was read completely.
    /// With `quotingInput: false` (manifests, which may hold patient data) no message
    /// quotes the file's text: a token is shown as '…'.
    public static func parse(_ file: SourceFile, range: Range<Int>? = nil, quotingInput: Bool = true,
                             diagnostics: inout Diagnostics) -> YAMLNode? {
        let count = file.bytes.count
        let requested = range ?? 0..<count
        let lower = min(max(requested.lowerBound, 0), count)
        let upper = min(max(requested.upperBound, lower), count)
        var parser = YAMLParser(file: file, range: lower..<upper)
        parser.quotesInput = quotingInput
        let root = try? parser.parseStream()
        diagnostics.append(contentsOf: parser.diagnostics)
        if parser.diagnostics.hasErrors { return nil }
        return root ?? nil
    }

    /// Thrown after an error has been appended, to stop parsing.
    struct Stop: Error {}

    /// Where a node starts, which decides what may appear there.
    enum Context {
        /// At the start of a line (the document's root or a value on the lines below its key).
        case lineStart
        /// On the same line as `key:`.
        case mappingValue
        /// On the same line as `- `.
        case sequenceEntry
        /// On the `---` line that starts the document.
        case documentStart
    }

    /// A line holding content: its start, its indentation in spaces and its first non-space byte.
    struct Line {
        var start: Int
        var indent: Int
        var first: Int
    }

    /// A mapping key that has been read, up to and including its `:`.
    struct Key {
        var text: String
        var offset: Int
        /// The offset just after the `:`.
        var valueStart: Int
    }

    let bytes: [UInt8]
    /// The first byte to parse (after a BOM).
    let start: Int
    /// One past the last byte to parse.
    let end: Int
    /// The cursor; between nodes it is at the start of a line.
    var pos: Int
    var locator: SourceCursor
    var diagnostics = Diagnostics()
    /// Whether messages may quote the input's text (false for manifests).
    var quotesInput = true

    init(file: SourceFile, range: Range<Int>) {
        bytes = file.bytes
        var first = range.lowerBound
        if range.count >= 3, bytes[first] == 0xEF, bytes[first + 1] == 0xBB, bytes[first + 2] == 0xBF { first += 3 }
        start = first
        end = range.upperBound
        pos = first
        locator = SourceCursor(file: file)
    }

    // MARK: - Document

    mutating func parseStream() throws -> YAMLNode? {
        if let problem = TextValidator.firstProblem(in: bytes, range: start..<end, yamlRules: true) {
            throw fail(problem.message, at: problem.offset)
        }
        guard var line = nextContentLine(from: start) else { return nil }
        if line.indent == 0, byte(line.first) == TextByte.percent {
            throw fail("directives ('\(token(at: line.first))') are not supported in front matter; remove the line",
                       at: line.first)
        }
        var root: YAMLNode?
        var rootIndent = line.indent
        var rootRead = false
        if isDocumentMarker(line, TextByte.minus) {
            let q = skipBlanks(line.first + 3)
            if isBreakOrEnd(q) || byte(q) == TextByte.hash {
                guard let next = nextContentLine(from: nextLineStart(q)) else { return nil }
                line = next
                rootIndent = line.indent
            } else {
                root = try parseNode(at: q, column: column(of: q), parentIndent: -1, context: .documentStart,
                                     afterTab: false, depth: 0)
                rootIndent = 0
                rootRead = true
                guard let next = nextContentLine(from: pos) else { return root }
                line = next
            }
        }
        if !rootRead, !isDocumentMarker(line, TextByte.minus), !isDocumentMarker(line, TextByte.dot) {
            try checkIndentation(line)
            root = try parseNode(at: line.first, column: line.indent, parentIndent: -1, context: .lineStart,
                                 afterTab: false, depth: 0)
            guard let next = nextContentLine(from: pos) else { return root }
            line = next
        }
        if isDocumentMarker(line, TextByte.dot) {
            try finishLine(from: line.first + 3) {
                "unexpected '\($0)' after the document end marker '...'; put nothing but a comment after it"
            }
            guard let next = nextContentLine(from: pos) else { return root }
            throw fail("a second document after '...' is not supported; keep one document per file", at: next.first)
        }
        if isDocumentMarker(line, TextByte.minus) {
            throw fail("a second document ('---') is not supported; keep one document per file, or quote the value if '---' is text",
                       at: line.first)
        }
        if line.indent < rootIndent {
            throw fail("this line is indented less than the first line of the document (column \(rootIndent + 1)); indent it at least as much",
                       at: line.first)
        }
        throw fail("unexpected '\(token(at: line.first))' after the end of the value; a document holds one value, use 'key: value' lines for several",
                   at: line.first)
    }

    // MARK: - Nodes

    /// Parses the node starting at `p` (not a blank or a comment); `column` is its indentation
    /// when it opens a block collection. Returns with `pos` at the start of a line.
    mutating func parseNode(at p: Int, column: Int, parentIndent: Int, context: Context,
                            afterTab: Bool, depth: Int) throws -> YAMLNode {
        let c = byte(p)
        switch c {
        case TextByte.minus where isWhiteOrEnd(p + 1):
            if context == .mappingValue {
                throw fail("a list cannot start on the same line as its key; put each '- ' entry on its own line below the key",
                           at: p)
            }
            if context == .documentStart {
                throw fail("a list cannot start on the '---' line; start it on the next line", at: p)
            }
            if afterTab { throw tabIndentation(at: p) }
            return try parseBlockSequence(indent: column, at: p, alignedWithKey: false, depth: depth)
        case TextByte.pipe, TextByte.greaterThan:
            return try parseBlockScalar(at: p, parentIndent: parentIndent)
        case TextByte.leftBracket:
            let node = try parseFlowSequence(at: p, parentIndent: parentIndent, depth: depth)
            let q = skipBlanks(pos)
            if byte(q) == TextByte.colon, isWhiteOrEnd(q + 1) {
                throw fail("a list ('[...]') cannot be a mapping key; keys must be plain or quoted text", at: p)
            }
            try finishLine(from: pos) { "unexpected '\($0)' after the closing ']'; only a comment may follow the list" }
            return node
        default:
            switch try parseScalarOrKey(at: p, parentIndent: parentIndent) {
            case .key(let key):
                switch context {
                case .mappingValue:
                    throw fail("the value '\(lineText(at: p))' would be a nested mapping, which cannot start on the same line as its key; quote the value if ':' is part of the text, or move 'key: value' to its own indented line",
                               at: p)
                case .documentStart:
                    throw fail("a mapping cannot start on the '---' line; start it on the next line", at: p)
                case .sequenceEntry where afterTab:
                    throw tabIndentation(at: p)
                default:
                    return try parseBlockMapping(indent: column, firstKey: key, depth: depth)
                }
            case .scalar(let node, let quoted):
                try finishLine(from: pos) {
                    quoted ? "unexpected '\($0)' after the closing quote; put all of the value inside the quotes"
                           : "unexpected '\($0)' after the value"
                }
                return node
            }
        }
    }

    enum ScalarOrKey {
        case key(Key)
        /// A scalar that is not a key, with `pos` just after its text.
        case scalar(YAMLNode, quoted: Bool)
    }

    /// Reads a quoted or plain scalar at `p`, and whether it is a key (followed by `: `).
    /// Indicators that cannot start either are reported here.
    mutating func parseScalarOrKey(at p: Int, parentIndent: Int) throws -> ScalarOrKey {
        let c = byte(p)
        if c == TextByte.doubleQuote || c == TextByte.singleQuote {
            let (scalar, multiLine) = try parseQuoted(at: p, parentIndent: parentIndent, flow: false)
            let q = skipBlanks(pos)
            if byte(q) == TextByte.colon, isWhiteOrEnd(q + 1) {
                if multiLine {
                    throw fail("a quoted key must be on one line; join its lines", at: p)
                }
                return .key(Key(text: scalar.text, offset: p, valueStart: q + 1))
            }
            return .scalar(YAMLNode(.scalar(scalar), at: location(p)), quoted: true)
        }
        if let message = indicatorError(at: p, parentIndent: parentIndent) {
            throw fail(message, at: p)
        }
        let scan = scanPlainLine(from: p, flow: false)
        if scan.stop == .colon {
            return .key(Key(text: text(p..<scan.textEnd), offset: p, valueStart: scan.stopAt + 1))
        }
        return .scalar(try parsePlain(at: p, firstLine: scan, parentIndent: parentIndent, flow: false), quoted: false)
    }

    /// The error for a character that cannot start a block node here, or nil.
    func indicatorError(at p: Int, parentIndent: Int) -> String? {
        let c = byte(p)
        switch c {
        case TextByte.question where isWhiteOrEnd(p + 1):
            return "complex keys ('? ') are not supported in front matter; write 'key: value' with a plain or quoted key"
        case TextByte.colon where isWhiteOrEnd(p + 1):
            return "a mapping entry needs a key before ':'; write 'key: value'"
        case TextByte.minus where isWhiteOrEnd(p + 1):
            return "a list entry ('- ') is not allowed here"
        case TextByte.leftBrace:
            return "flow mappings ('{...}') are not supported in front matter; write the mapping as indented 'key: value' lines"
        case TextByte.ampersand:
            return "anchors ('\(token(at: p))') are not supported in front matter; repeat the value instead"
        case TextByte.asterisk:
            return "aliases ('\(token(at: p))') are not supported in front matter; repeat the value instead"
        case TextByte.exclamation:
            return "tags ('\(token(at: p))') are not supported in front matter; remove the tag, and quote the value if it must stay text"
        case TextByte.percent where parentIndent < 0 && column(of: p) == 0:
            return "directives ('\(token(at: p))') are not supported in front matter; remove the line"
        case TextByte.at, TextByte.backtick:
            return "the character '\(Character(Unicode.Scalar(c)))' is reserved in YAML and cannot start a plain value; put the value in quotes"
        case TextByte.percent, TextByte.comma, TextByte.rightBracket, TextByte.rightBrace, TextByte.hash,
             TextByte.pipe, TextByte.greaterThan, TextByte.leftBracket:
            return "the character '\(Character(Unicode.Scalar(c)))' cannot start a plain value here; put the value in quotes"
        default:
            return nil
        }
    }

    /// Parses the value after `key:` or `- ` (at `p`, just after the indicator).
    mutating func parseValue(afterIndicator p: Int, parentIndent: Int, context: Context, depth: Int) throws -> YAMLNode {
        var q = p
        var afterTab = false
        while isBlank(byte(q)) {
            if byte(q) == TextByte.tab { afterTab = true }
            q += 1
        }
        guard isBreakOrEnd(q) || byte(q) == TextByte.hash else {
            return try parseNode(at: q, column: column(of: q), parentIndent: parentIndent, context: context,
                                 afterTab: afterTab, depth: depth)
        }
        let empty = YAMLNode(.scalar(YAMLScalar("", style: .plain)), at: location(p))
        pos = nextLineStart(q)
        guard let line = nextContentLine(from: pos) else {
            pos = end
            return empty
        }
        if isDocumentMarker(line) {
            pos = line.start
            return empty
        }
        if line.indent > parentIndent {
            try checkIndentation(line)
            return try parseNode(at: line.first, column: line.indent, parentIndent: parentIndent, context: .lineStart,
                                 afterTab: false, depth: depth)
        }
        if line.indent == parentIndent, context == .mappingValue, isSequenceEntry(line.first) {
            return try parseBlockSequence(indent: parentIndent, at: line.first, alignedWithKey: true, depth: depth)
        }
        pos = line.start
        return empty
    }

    // MARK: - Errors

    mutating func fail(_ message: String, at offset: Int) -> Stop {
        diagnostics.error(message, at: location(offset))
        return Stop()
    }

    mutating func tabIndentation(at offset: Int) -> Stop {
        fail("tabs cannot be used for indentation in YAML; indent with spaces", at: offset)
    }

    mutating func tooDeep(at offset: Int) -> Stop {
        fail("lists and mappings are nested more than \(Self.maximumDepth) levels deep here; flatten the structure", at: offset)
    }

    mutating func location(_ offset: Int) -> SourceLocation {
        locator.location(offset)
    }
}
