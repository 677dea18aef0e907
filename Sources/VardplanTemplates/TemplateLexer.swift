import VardplanDiagnostics

/// Splits a template file into text and tag tokens (following set-delimiter tags),
/// then applies the spec's standalone-line rules.
///
/// Text tokens never span a line break: each ends at and includes its `\n`, so the
/// standalone pass can look at one line at a time. Syntax errors are reported with
/// the tag's `line:column` and lexing goes on, so one run reports every error.
struct TemplateLexer {
    /// One piece of the template.
    struct Token {
        enum Kind: Equatable {
            case text
            /// Where a source line starts (inserted by the standalone pass).
            case lineStart
            case variable(escaped: Bool)
            case sectionOpen(inverted: Bool)
            case sectionClose
            case partial
            case comment
            case setDelimiters
            /// A tag with a syntax error, already reported.
            case invalid
        }

        var kind: Kind
        /// Byte range in the file: the text, or the whole tag with its delimiters.
        var range: Range<Int>
        /// The tag's trimmed content (name); empty for text and comments.
        var name = ""
        var location = SourceLocation(path: "", line: 0, column: 0)
        /// For a standalone partial: the whitespace before the tag.
        var indent: String?
        /// The delimiters in effect at this tag, for messages.
        var open = "{{"
        var close = "}}"

        var canBeStandalone: Bool {
            switch kind {
            case .sectionOpen, .sectionClose, .partial, .comment, .setDelimiters, .invalid: true
            case .text, .lineStart, .variable: false
            }
        }
    }

    let bytes: [UInt8]
    /// Tag positions, asked for in file order: the shared cursor goes forward on a line
    /// instead of scanning it again per tag, so a huge one-line template stays linear.
    var cursor: SourceCursor
    var diagnostics = Diagnostics()
    private(set) var tokens: [Token] = []
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var openText = "{{"
    private var closeText = "}}"
    private let start: Int

    /// The delimiters in effect at the end of the file.
    var endDelimiters: (open: String, close: String) { (openText, closeText) }

    init(file: SourceFile) {
        bytes = file.bytes
        start = SourceText.byteOrderMarkLength(bytes)
        cursor = SourceCursor(file: file)
    }

    /// Lexes the whole file, then applies the standalone rules.
    mutating func run() -> [Token] {
        var position = start
        let count = bytes.count
        while position < count {
            let tagStart = find(open, from: position) ?? count
            appendText(from: position, to: tagStart)
            if tagStart >= count { break }
            guard let next = lexTag(at: tagStart) else { break }
            position = next
        }
        return Self.applyStandaloneRules(tokens, bytes: bytes)
    }

    // MARK: - Tags

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    /// First characters that look like a tag type this engine does not know.
    private static let unknownSigils = Set("$<%*@+~;:,|".utf8)

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }

    /// Lexes the tag starting at `tagStart`; returns where to go on, or `nil`
    /// when the rest of the file cannot contain another tag.
    private mutating func lexTag(at tagStart: Int) -> Int? {
        let location = cursor.location(tagStart)
        let count = bytes.count
        var cursor = tagStart + open.count
        while cursor < count, Self.isWhitespace(bytes[cursor]) { cursor += 1 }
        guard cursor < count else {
            reportUnclosed(at: tagStart, location, triple: false)
            return nil
        }
        switch bytes[cursor] {
        case UInt8(ascii: "!"):
            guard let end = find(close, from: cursor + 1) else {
                reportUnclosed(at: tagStart, location, triple: false)
                return nil
            }
            append(.comment, tagStart..<end + close.count, name: "", location)
            return end + close.count
        case UInt8(ascii: "="):
            return lexSetDelimiters(at: tagStart, contentStart: cursor + 1, location)
        case UInt8(ascii: "{"):
            guard let end = find([UInt8(ascii: "}")] + close, from: cursor + 1) else {
                reportUnclosed(at: tagStart, location, triple: true)
                if let plainEnd = find(close, from: cursor + 1), find(open, from: cursor + 1, before: plainEnd) == nil {
                    return plainEnd + close.count
                }
                return nil
            }
            if let inner = find(open, from: cursor + 1, before: end) {
                reportUnclosed(at: tagStart, location, triple: true)
                return inner
            }
            let tagEnd = end + 1 + close.count
            let name = trimmed(cursor + 1..<end)
            let kind: Token.Kind = validateName(name, kind: .variable(escaped: false), sigil: "{", tag: tagStart..<tagEnd, location)
                ? .variable(escaped: false) : .invalid
            append(kind, tagStart..<tagEnd, name: name, location)
            return tagEnd
        default:
            var kind: Token.Kind
            var contentStart = cursor + 1
            switch bytes[cursor] {
            case UInt8(ascii: "&"): kind = .variable(escaped: false)
            case UInt8(ascii: "#"): kind = .sectionOpen(inverted: false)
            case UInt8(ascii: "^"): kind = .sectionOpen(inverted: true)
            case UInt8(ascii: "/"): kind = .sectionClose
            case UInt8(ascii: ">"): kind = .partial
            default:
                kind = .variable(escaped: true)
                contentStart = cursor
            }
            guard let end = find(close, from: contentStart) else {
                reportUnclosed(at: tagStart, location, triple: false)
                return nil
            }
            if let inner = find(open, from: contentStart, before: end) {
                reportUnclosed(at: tagStart, location, triple: false)
                return inner
            }
            let tagEnd = end + close.count
            let name = trimmed(contentStart..<end)
            if kind == .variable(escaped: true), Self.unknownSigils.contains(bytes[cursor]) {
                reportUnknownType(bytes[cursor], tag: tagStart..<tagEnd, location)
                kind = .invalid
            } else if !validateName(
                name, kind: kind, sigil: contentStart == cursor ? "" : String(decoding: [bytes[cursor]], as: UTF8.self),
                tag: tagStart..<tagEnd, location)
            {
                // A section keeps its kind so that its closing tag still matches it
                // (no follow-on errors); its bad name never resolves.
                if case .sectionOpen = kind, !name.isEmpty {} else { kind = .invalid }
            }
            append(kind, tagStart..<tagEnd, name: name, location)
            return tagEnd
        }
    }

    private mutating func lexSetDelimiters(at tagStart: Int, contentStart: Int, _ location: SourceLocation) -> Int? {
        guard let firstClose = find(close, from: contentStart) else {
            reportUnclosed(at: tagStart, location, triple: false)
            return nil
        }
        if let end = find([UInt8(ascii: "=")] + close, from: contentStart) {
            let parts = bytes[contentStart..<end].split(whereSeparator: Self.isWhitespace)
            if parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) {
                let tagEnd = end + 1 + close.count
                append(.setDelimiters, tagStart..<tagEnd, name: "", location)
                open = Array(parts[0])
                close = Array(parts[1])
                openText = String(decoding: open, as: UTF8.self)
                closeText = String(decoding: close, as: UTF8.self)
                return tagEnd
            }
        }
        let tagEnd = firstClose + close.count
        diagnostics.append(.templateBadSetDelimiters(quoted(tagStart..<tagEnd), open: openText, close: closeText, at: location))
        append(.invalid, tagStart..<tagEnd, name: "", location)
        return tagEnd
    }

    /// Checks a tag's name; reports and returns `false` when it cannot be used.
    private mutating func validateName(
        _ name: String, kind: Token.Kind, sigil: String, tag: Range<Int>, _ location: SourceLocation
    ) -> Bool {
        // The quoted tag is made only for a message: it walks the tag's characters.
        if name.isEmpty {
            let example = sigil == "{" ? "\(openText){name}\(closeText)" : "\(openText)\(sigil)name\(closeText)"
            diagnostics.append(.templateEmptyTagName(tag: quoted(tag), example: example, at: location))
            return false
        }
        if name.utf8.contains(where: Self.isWhitespace) {
            diagnostics.append(.templateNameWithWhitespace(name, tag: quoted(tag), close: closeText, at: location))
            return false
        }
        if kind == .partial {
            if name.hasPrefix("*") {
                diagnostics.append(.templateDynamicPartial(tag: quoted(tag), open: openText, close: closeText, at: location))
                return false
            }
            return true
        }
        if kind != .sectionClose, TemplateName(name).hasEmptyPart {
            diagnostics.append(.templateNameWithEmptyPart(name, tag: quoted(tag), at: location))
            return false
        }
        return true
    }

    private mutating func reportUnknownType(_ sigil: UInt8, tag: Range<Int>, _ location: SourceLocation) {
        let character = String(decoding: [sigil], as: UTF8.self)
        diagnostics.append(.templateUnknownTagType(character, tag: quoted(tag), open: openText, close: closeText, at: location))
    }

    private mutating func reportUnclosed(at tagStart: Int, _ location: SourceLocation, triple: Bool) {
        let closing = triple ? "}" + closeText : closeText
        var end = tagStart
        var characters = 0
        while end < bytes.count, characters < 24, bytes[end] != Self.newline, bytes[end] != Self.carriageReturn {
            if end >= tagStart + open.count, find(open, from: end, before: end + 1) != nil { break }
            if bytes[end] & 0xC0 != 0x80 { characters += 1 }
            end += 1
        }
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let snippet = String(decoding: bytes[tagStart..<end], as: UTF8.self).trimmingTrailingWhitespace
        diagnostics.append(.templateUnclosedTag(snippet, closing: closing, triple: triple, at: location))
    }

    // MARK: - Helpers

    private mutating func append(_ kind: Token.Kind, _ range: Range<Int>, name: String, _ location: SourceLocation) {
        tokens.append(Token(kind: kind, range: range, name: name, location: location, open: openText, close: closeText))
    }

    /// Appends text tokens for `from..<to`, split after each line break.
    private mutating func appendText(from: Int, to: Int) {
        var lineStart = from
        var index = from
        while index < to {
            if bytes[index] == Self.newline {
                tokens.append(Token(kind: .text, range: lineStart..<index + 1))
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < to {
            tokens.append(Token(kind: .text, range: lineStart..<to))
        }
    }

    /// The first index `>= from` where `pattern` starts, with the match starting
    /// before `before` (default: anywhere) and ending inside the file.
    private func find(_ pattern: [UInt8], from: Int, before: Int? = nil) -> Int? {
        SourceText.firstOffset(of: pattern, in: bytes, from: from, before: before ?? .max)
    }

    private func trimmed(_ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, Self.isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, Self.isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The tag's source in single quotes, shortened to its first line and 40 characters.
    func quoted(_ range: Range<Int>) -> String {
        Self.quoted(bytes, range)
    }

    static func quoted(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var text = String(decoding: bytes[range], as: UTF8.self)
        var shortened = false
        if let lineBreak = text.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            text = String(text[..<lineBreak])
            shortened = true
        }
        if text.count > 40 {
            text = String(text.prefix(40))
            shortened = true
        }
        return "'" + text + (shortened ? "…'" : "'")
    }

    // MARK: - Standalone lines

    /// Removes standalone lines' whitespace and line break (keeping the tag and, for
    /// a partial, its indentation) and marks where every remaining line starts.
    static func applyStandaloneRules(_ tokens: [Token], bytes: [UInt8]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count + tokens.count / 2)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                let token = tokens[lineEnd]
                lineEnd += 1
                if token.kind == .text, token.range.upperBound > token.range.lowerBound,
                    bytes[token.range.upperBound - 1] == newline
                {
                    break
                }
            }
            var tagIndex: Int?
            var standalone = true
            for index in lineStart..<lineEnd {
                let token = tokens[index]
                if token.kind == .text {
                    if !isBlank(token.range, bytes) {
                        standalone = false
                        break
                    }
                } else if tagIndex == nil, token.canBeStandalone {
                    tagIndex = index
                } else {
                    standalone = false
                    break
                }
            }
            if standalone, let tagIndex {
                var tag = tokens[tagIndex]
                if tag.kind == .partial {
                    var indent = ""
                    for index in lineStart..<tagIndex {
                        indent += String(decoding: bytes[tokens[index].range], as: UTF8.self)
                    }
                    tag.indent = indent
                }
                result.append(tag)
            } else {
                result.append(Token(kind: .lineStart, range: tokens[lineStart].range.lowerBound..<tokens[lineStart].range.lowerBound))
                result.append(contentsOf: tokens[lineStart..<lineEnd])
            }
            lineStart = lineEnd
        }
        return result
    }

    /// Whether text is only spaces and tabs, ignoring a final `\n` or `\r\n`.
    private static func isBlank(_ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        var end = range.upperBound
        if end > range.lowerBound, bytes[end - 1] == newline {
            end -= 1
            if end > range.lowerBound, bytes[end - 1] == carriageReturn { end -= 1 }
        }
        for index in range.lowerBound..<end where bytes[index] != space && bytes[index] != tab {
            return false
        }
        return true
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
