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
    static let maximumDepth = 100

    /// Parses `range` of `file` (the whole file when nil), appending diagnostics.
    ///
    /// Returns nil when the text holds no value (only blank lines, comments or `---`) or when
    /// any error was reported, so a tree that is returned was read completely.
    /// With `quotingInput: false` (manifests, which may hold patient data) no message
    /// quotes the file's text: a token is shown as '…'.
    /// Emits VP101–VP133 (FrontMatterDiagnostics.swift); parsing stops at the first error
    /// except duplicate keys (VP133), which are all reported.
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
        let first = range.lowerBound + SourceText.byteOrderMarkLength(bytes, at: range.lowerBound, end: range.upperBound)
        start = first
        end = range.upperBound
        pos = first
        locator = SourceCursor(file: file)
    }

    // MARK: - Document

    mutating func parseStream() throws -> YAMLNode? {
        if let problem = TextValidator.firstProblem(in: bytes, range: start..<end, yamlRules: true) {
            throw fail(problem.diagnostic(at: location(problem.offset)))
        }
        guard var line = nextContentLine(from: start) else { return nil }
        if line.indent == 0, byte(line.first) == TextByte.percent {
            throw fail(.yamlDirective(token(at: line.first), at: location(line.first)))
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
            try finishLine(from: line.first + 3) { .yamlTextAfterDocumentEnd($0, at: $1) }
            guard let next = nextContentLine(from: pos) else { return root }
            throw fail(.yamlSecondDocument(afterEndMarker: true, at: location(next.first)))
        }
        if isDocumentMarker(line, TextByte.minus) {
            throw fail(.yamlSecondDocument(afterEndMarker: false, at: location(line.first)))
        }
        if line.indent < rootIndent {
            throw fail(.yamlIndentedLessThanDocument(rootColumn: rootIndent + 1, at: location(line.first)))
        }
        throw fail(.yamlTextAfterDocumentValue(token(at: line.first), at: location(line.first)))
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
                throw fail(.yamlListOnKeyLine(at: location(p)))
            }
            if context == .documentStart {
                throw fail(.yamlListOnDocumentStart(at: location(p)))
            }
            if afterTab { throw tabIndentation(at: p) }
            return try parseBlockSequence(indent: column, at: p, alignedWithKey: false, depth: depth)
        case TextByte.pipe, TextByte.greaterThan:
            return try parseBlockScalar(at: p, parentIndent: parentIndent)
        case TextByte.leftBracket:
            let node = try parseFlowSequence(at: p, parentIndent: parentIndent, depth: depth)
            let q = skipBlanks(pos)
            if byte(q) == TextByte.colon, isWhiteOrEnd(q + 1) {
                throw fail(.yamlFlowListAsKey(at: location(p)))
            }
            try finishLine(from: pos) { .yamlTextAfterFlowList($0, at: $1) }
            return node
        default:
            switch try parseScalarOrKey(at: p, parentIndent: parentIndent) {
            case .key(let key):
                switch context {
                case .mappingValue:
                    throw fail(.yamlMappingOnKeyLine(lineText(at: p), at: location(p)))
                case .documentStart:
                    throw fail(.yamlMappingOnDocumentStart(at: location(p)))
                case .sequenceEntry where afterTab:
                    throw tabIndentation(at: p)
                default:
                    return try parseBlockMapping(indent: column, firstKey: key, depth: depth)
                }
            case .scalar(let node, let quoted):
                try finishLine(from: pos) { .yamlTextAfterScalar($0, quoted: quoted, at: $1) }
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
                    throw fail(.yamlMultiLineQuotedKey(at: location(p)))
                }
                return .key(Key(text: scalar.text, offset: p, valueStart: q + 1))
            }
            return .scalar(YAMLNode(.scalar(scalar), at: location(p)), quoted: true)
        }
        if let diagnostic = indicatorError(at: p, parentIndent: parentIndent) {
            throw fail(diagnostic)
        }
        let scan = scanPlainLine(from: p, flow: false)
        if scan.stop == .colon {
            return .key(Key(text: text(p..<scan.textEnd), offset: p, valueStart: scan.stopAt + 1))
        }
        return .scalar(try parsePlain(at: p, firstLine: scan, parentIndent: parentIndent, flow: false), quoted: false)
    }

    /// The error for a character that cannot start a block node here, or nil.
    mutating func indicatorError(at p: Int, parentIndent: Int) -> Diagnostic? {
        let c = byte(p)
        switch c {
        case TextByte.question where isWhiteOrEnd(p + 1):
            return .yamlComplexKey(inFlowList: false, at: location(p))
        case TextByte.colon where isWhiteOrEnd(p + 1):
            return .yamlMissingKey(at: location(p))
        case TextByte.minus where isWhiteOrEnd(p + 1):
            return .yamlListEntryNotAllowed(at: location(p))
        case TextByte.leftBrace:
            return .yamlFlowMapping(at: location(p))
        case TextByte.ampersand:
            return .yamlAnchor(token(at: p), at: location(p))
        case TextByte.asterisk:
            return .yamlAlias(token(at: p), at: location(p))
        case TextByte.exclamation:
            return .yamlTag(token(at: p), at: location(p))
        case TextByte.percent where parentIndent < 0 && column(of: p) == 0:
            return .yamlDirective(token(at: p), at: location(p))
        case TextByte.at, TextByte.backtick:
            return .yamlReservedCharacter(Character(Unicode.Scalar(c)), at: location(p))
        case TextByte.percent, TextByte.comma, TextByte.rightBracket, TextByte.rightBrace, TextByte.hash,
             TextByte.pipe, TextByte.greaterThan, TextByte.leftBracket:
            return .yamlIndicatorStartsValue(Character(Unicode.Scalar(c)), at: location(p))
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

    /// Records the error that stops parsing (built by a constructor of FrontMatterDiagnostics.swift).
    mutating func fail(_ diagnostic: Diagnostic) -> Stop {
        diagnostics.append(diagnostic)
        return Stop()
    }

    mutating func tabIndentation(at offset: Int) -> Stop {
        fail(.yamlTabIndentation(at: location(offset)))
    }

    mutating func tooDeep(at offset: Int) -> Stop {
        fail(.yamlTooDeep(maximumDepth: Self.maximumDepth, at: location(offset)))
    }

    mutating func location(_ offset: Int) -> SourceLocation {
        locator.location(offset)
    }
}
