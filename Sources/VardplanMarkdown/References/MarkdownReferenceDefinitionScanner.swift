/// How many whole lines at the start of a paragraph libcmark takes as link reference
/// definitions, found in one pass over the paragraph's text.
///
/// cmark reports a paragraph that begins with definitions at the line of its first
/// definition, and numbers the paragraph's inlines from there; the converter needs
/// the number of definition lines to put the inlines on their real lines. Asking
/// cmark about every prefix of the paragraph costs one parse per line (quadratic in
/// the paragraph's length); this scanner follows cmark 0.30's own rules instead
/// (`resolve_reference_link_definitions` and `cmark_parse_reference_inline`: label,
/// `:`, destination, optional title, end of line), and the parser confirms its answer
/// with a single cmark parse.
enum MarkdownReferenceDefinitionScanner {
    /// cmark's `MAX_LINK_LABEL_LENGTH`.
    static let maximumLabelLength = 1000

    /// The number of leading lines consumed as definitions. `lines` are the
    /// paragraph's content lines without their line ends; as cmark does for paragraph
    /// lines, leading spaces and tabs are dropped and each line ends in a line feed.
    static func definitionLines(_ lines: [UnsafeBufferPointer<UInt8>]) -> Int {
        var text: [UInt8] = []
        for line in lines {
            var start = 0
            while start < line.count, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: line[start...]))
            text.append(0x0A)
        }
        var position = 0
        while position < text.count, text[position] == UInt8(ascii: "["),
              let end = definitionEnd(text, from: position) {
            position = end
        }
        var count = 0
        for index in 0..<position where text[index] == 0x0A { count += 1 }
        return count
    }

    /// Where the definition starting at `start` (a `[`) ends, after its line end.
    static func definitionEnd(_ text: [UInt8], from start: Int) -> Int? {
        var position = start
        guard let labelEnd = labelEnd(text, from: position) else { return nil }
        position = labelEnd
        guard position < text.count, text[position] == UInt8(ascii: ":") else { return nil }
        position += 1
        position = skipSpacesAndOneLineEnd(text, from: position)
        guard let destination = destinationLength(text, from: position) else { return nil }
        position += destination
        let beforeTitle = position
        position = skipSpacesAndOneLineEnd(text, from: position)
        let title = position == beforeTitle ? 0 : titleLength(text, from: position)
        position = title > 0 ? position + title : beforeTitle
        position = skipSpaces(text, from: position)
        if let end = lineEnd(text, at: position) { return end }
        guard title > 0 else { return nil }
        // A title followed by more text: the definition may still end before the title.
        return lineEnd(text, at: skipSpaces(text, from: beforeTitle))
    }

    /// After the `]` of a non-blank label of at most 1000 characters without brackets.
    private static func labelEnd(_ text: [UInt8], from start: Int) -> Int? {
        var position = start + 1
        var length = 0
        while position < text.count {
            let byte = text[position]
            if byte == UInt8(ascii: "[") { return nil }
            if byte == UInt8(ascii: "]") {
                let label = text[(start + 1)..<position]
                return label.contains(where: { !isSpace($0) }) ? position + 1 : nil
            }
            position += 1
            length += 1
            if byte == UInt8(ascii: "\\"), position < text.count, isPunctuation(text[position]) {
                position += 1
                length += 1
            }
            if length > maximumLabelLength { return nil }
        }
        return nil
    }

    /// cmark's `manual_scan_link_url`: `<…>` on one line, or a run without spaces
    /// whose parentheses balance (at most 32 deep).
    private static func destinationLength(_ text: [UInt8], from start: Int) -> Int? {
        var index = start
        if index < text.count, text[index] == UInt8(ascii: "<") {
            index += 1
            while index < text.count {
                let byte = text[index]
                if byte == UInt8(ascii: ">") { index += 1; break }
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == 0x0A || byte == UInt8(ascii: "<") { return nil }
                index += 1
            }
            return index >= text.count ? nil : index - start
        }
        var depth = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\\"), index + 1 < text.count, isPunctuation(text[index + 1]) {
                index += 2
            } else if byte == UInt8(ascii: "(") {
                depth += 1
                index += 1
                if depth > 32 { return nil }
            } else if byte == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
                index += 1
            } else if isSpace(byte) {
                if index == start { return nil }
                break
            } else {
                index += 1
            }
        }
        return index >= text.count || depth != 0 ? nil : index - start
    }

    /// cmark's `scan_link_title` (the longest match): `"…"`, `'…'` or `(…)`, where the
    /// delimiters may occur inside only right after a backslash; 0 when none.
    private static func titleLength(_ text: [UInt8], from start: Int) -> Int {
        guard start < text.count else { return 0 }
        let open = text[start]
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return 0
        }
        var longest = 0
        var index = start + 1
        while index < text.count {
            let byte = text[index]
            if byte == close || byte == open {
                if byte == close { longest = index + 1 - start }
                let escaped = index - 1 > start && text[index - 1] == UInt8(ascii: "\\")
                if !escaped { break }
            }
            index += 1
        }
        return longest
    }

    private static func skipSpaces(_ text: [UInt8], from start: Int) -> Int {
        var index = start
        while index < text.count, text[index] == 0x20 || text[index] == 0x09 { index += 1 }
        return index
    }

    /// After an optional `\r` and `\n` at `start`; the end of the text counts as one.
    private static func lineEnd(_ text: [UInt8], at start: Int) -> Int? {
        var index = start
        var seen = false
        if index < text.count, text[index] == 0x0D { index += 1; seen = true }
        if index < text.count, text[index] == 0x0A { index += 1; seen = true }
        return seen || index >= text.count ? index : nil
    }

    /// cmark's `spnl`: spaces, at most one line end, spaces.
    private static func skipSpacesAndOneLineEnd(_ text: [UInt8], from start: Int) -> Int {
        let index = skipSpaces(text, from: start)
        guard let end = lineEnd(text, at: index) else { return index }
        return skipSpaces(text, from: end)
    }

    /// cmark's white space: tab, line feed, vertical tab, form feed, carriage return, space.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// ASCII punctuation.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
