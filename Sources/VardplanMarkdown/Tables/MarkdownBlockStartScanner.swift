/// Tells whether a line starts a new CommonMark block when the open block is a table
/// (cmark-gfm's `open_new_blocks` with a table as container): block quote, ATX heading,
/// code fence, HTML block (kinds 1–7), thematic break or any list item. Such a line ends
/// the table, although libcmark, without tables, read it as a paragraph continuation.
enum MarkdownBlockStartScanner {
    /// `line[start..<end]` from the first non-space byte, indentation below four columns.
    static func startsBlockInTable(_ line: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard start < end else { return false }
        let first = line[start]
        switch first {
        case UInt8(ascii: ">"):
            return true
        case UInt8(ascii: "#"):
            return isATXHeading(line, start, end)
        case UInt8(ascii: "`"), UInt8(ascii: "~"):
            return isCodeFence(line, start, end)
        case UInt8(ascii: "<"):
            return isHTMLBlockStart(line, start, end)
        case UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"):
            return isThematicBreak(line, start, end) || isListMarker(line, start, end)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return isListMarker(line, start, end)
        default:
            return false
        }
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// `[ \t\v\f\r\n]`, cmark's `spacechar` in its scanners.
    private static func isSpaceChar(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func isATXHeading(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var position = start
        while position < end, line[position] == UInt8(ascii: "#") { position += 1 }
        let count = position - start
        guard count >= 1, count <= 6 else { return false }
        return position == end || isSpaceOrTab(line[position])
    }

    static func isCodeFence(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let fence = line[start]
        var position = start
        while position < end, line[position] == fence { position += 1 }
        guard position - start >= 3 else { return false }
        if fence == UInt8(ascii: "`") {
            while position < end {
                if line[position] == UInt8(ascii: "`") { return false }
                position += 1
            }
        }
        return true
    }

    static func isThematicBreak(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let marker = line[start]
        guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "_") else { return false }
        var count = 0
        for position in start..<end {
            let byte = line[position]
            if byte == marker {
                count += 1
            } else if !isSpaceOrTab(byte) {
                return false
            }
        }
        return count >= 3
    }

    /// Any bullet or ordered marker followed by a space, a tab or the end of the line
    /// (inside a table even an empty item or one not starting at 1 opens a list).
    static func isListMarker(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let first = line[start]
        var position = start
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            position += 1
        } else {
            while position < end, position - start < 9, line[position] >= 0x30, line[position] <= 0x39 {
                position += 1
            }
            guard position > start, position < end,
                  line[position] == UInt8(ascii: ".") || line[position] == UInt8(ascii: ")") else { return false }
            position += 1
        }
        return position == end || isSpaceOrTab(line[position])
    }

    private static let blockTagNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav",
        "noframes", "ol", "optgroup", "option", "p", "param", "section", "source", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The seven HTML block start conditions of CommonMark 0.30 (`scan_html_block_start`
    /// and `scan_html_block_start_7`).
    static func isHTMLBlockStart(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        func byte(_ position: Int) -> UInt8 { position < end ? line[position] : 0x0A }
        func hasPrefix(_ text: String, at position: Int) -> Bool {
            var index = position
            for expected in text.utf8 {
                guard index < end, line[index] | (isASCIILetter(line[index]) ? 0x20 : 0) == expected else { return false }
                index += 1
            }
            return true
        }
        let next = start + 1
        // 2–5: comment, processing instruction, declaration, CDATA.
        if hasPrefix("!--", at: next) || byte(next) == UInt8(ascii: "?") || hasPrefix("![cdata[", at: next) {
            return true
        }
        if byte(next) == UInt8(ascii: "!"), isASCIILetter(byte(next + 1)) { return true }
        // 1: script, pre, style, textarea.
        for name in ["script", "pre", "style", "textarea"] where hasPrefix(name, at: next) {
            let after = byte(next + name.utf8.count)
            if isSpaceChar(after) || after == UInt8(ascii: ">") { return true }
        }
        // 6: a known block tag name, opening or closing.
        var nameStart = next
        if byte(nameStart) == UInt8(ascii: "/") { nameStart += 1 }
        var nameEnd = nameStart
        while nameEnd < end, isASCIILetter(line[nameEnd]) || isASCIIDigit(line[nameEnd]) { nameEnd += 1 }
        if nameEnd > nameStart {
            var name = ""
            for position in nameStart..<nameEnd { name.unicodeScalars.append(Unicode.Scalar(line[position] | (isASCIILetter(line[position]) ? 0x20 : 0))) }
            if blockTagNames.contains(name) {
                let after = byte(nameEnd)
                if isSpaceChar(after) || after == UInt8(ascii: ">")
                    || (after == UInt8(ascii: "/") && byte(nameEnd + 1) == UInt8(ascii: ">")) {
                    return true
                }
            }
        }
        // 7: a complete open or closing tag alone on its line.
        return isCompleteTagLine(line, start, end)
    }

    /// `'<' (opentag | closetag) [\t\n\f ]* [\r\n]`.
    private static func isCompleteTagLine(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        func byte(_ position: Int) -> UInt8 { position < end ? line[position] : 0x0A }
        var position = start + 1
        var closing = false
        if byte(position) == UInt8(ascii: "/") {
            closing = true
            position += 1
        }
        guard isASCIILetter(byte(position)) else { return false }
        while position < end, isASCIILetter(line[position]) || isASCIIDigit(line[position]) || line[position] == UInt8(ascii: "-") {
            position += 1
        }
        if !closing {
            // attribute*
            while true {
                var attribute = position
                guard attribute < end, isSpaceChar(line[attribute]) else { break }
                while attribute < end, isSpaceChar(line[attribute]) { attribute += 1 }
                let nameFirst = byte(attribute)
                guard isASCIILetter(nameFirst) || nameFirst == UInt8(ascii: "_") || nameFirst == UInt8(ascii: ":") else { break }
                attribute += 1
                while attribute < end {
                    let character = line[attribute]
                    guard isASCIILetter(character) || isASCIIDigit(character) || character == UInt8(ascii: ":")
                        || character == UInt8(ascii: ".") || character == UInt8(ascii: "_") || character == UInt8(ascii: "-") else { break }
                    attribute += 1
                }
                position = attribute
                // attributevaluespec?
                var value = attribute
                while value < end, isSpaceChar(line[value]) { value += 1 }
                guard byte(value) == UInt8(ascii: "=") else { continue }
                value += 1
                while value < end, isSpaceChar(line[value]) { value += 1 }
                let quote = byte(value)
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    var close = value + 1
                    while close < end, line[close] != quote { close += 1 }
                    guard close < end else { continue }
                    position = close + 1
                } else {
                    var unquoted = value
                    while unquoted < end {
                        let character = line[unquoted]
                        if isSpaceChar(character) || character == UInt8(ascii: "\"") || character == UInt8(ascii: "'")
                            || character == UInt8(ascii: "=") || character == UInt8(ascii: "<") || character == UInt8(ascii: ">")
                            || character == UInt8(ascii: "`") || character == 0 { break }
                        unquoted += 1
                    }
                    guard unquoted > value else { continue }
                    position = unquoted
                }
            }
        }
        while position < end, isSpaceChar(line[position]) { position += 1 }
        if !closing, byte(position) == UInt8(ascii: "/") { position += 1 }
        guard byte(position) == UInt8(ascii: ">") else { return false }
        position += 1
        while position < end {
            let character = line[position]
            guard character == 0x20 || character == 0x09 || character == 0x0C else { return false }
            position += 1
        }
        return true
    }
}
