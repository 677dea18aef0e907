import VardplanDiagnostics

/// Strings, numbers and literals of `JSONParser`.
extension JSONParser {
    /// A string at `pos` (its opening quote); leaves `pos` after the closing quote.
    mutating func parseString() throws -> String {
        let open = pos
        var out: [UInt8] = []
        var i = pos + 1
        while true {
            guard i < end else {
                throw fail(.jsonStringNotClosed(at: location(open)))
            }
            let c = bytes[i]
            switch c {
            case TextByte.doubleQuote:
                pos = i + 1
                return String(decoding: out, as: UTF8.self)
            case TextByte.backslash:
                i = try unescape(at: i, into: &out)
            case TextByte.lineFeed, TextByte.carriageReturn:
                throw fail(.jsonStringNotClosedOnLine(at: location(open)))
            case 0x00..<0x20:
                throw fail(.jsonControlCharacter(c, at: location(i)))
            default:
                out.append(c)
                i += 1
            }
        }
    }

    mutating func unescape(at i: Int, into out: inout [UInt8]) throws -> Int {
        let escaped = byte(i + 1)
        switch escaped {
        case TextByte.doubleQuote, TextByte.backslash, TextByte.slash: out.append(escaped)
        case 0x62: out.append(0x08)  // \b
        case 0x66: out.append(0x0C)  // \f
        case 0x6E: out.append(0x0A)  // \n
        case 0x72: out.append(0x0D)  // \r
        case 0x74: out.append(0x09)  // \t
        case 0x75:  // \uXXXX, with surrogate pairs
            let high = try hex4(at: i)
            var value = high
            var length = 6
            if (0xD800...0xDBFF).contains(high) {
                guard byte(i + 6) == TextByte.backslash, byte(i + 7) == 0x75 else {
                    throw fail(.jsonHalfSurrogate(shown(text(i..<(i + 6))), at: location(i)))
                }
                let low = try hex4(at: i + 6)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail(.jsonInvalidSurrogatePair(shown(text(i..<(i + 12))), at: location(i)))
                }
                value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                length = 12
            } else if (0xDC00...0xDFFF).contains(high) {
                throw fail(.jsonUnpairedSurrogate(shown(text(i..<(i + 6))), at: location(i)))
            }
            TextByte.appendUTF8(Unicode.Scalar(value)!, to: &out)
            return i + length
        default:
            let shown = i + 1 < end ? token(at: i + 1).prefix(1) : ""
            throw fail(.jsonUnknownEscape(shown, at: location(i)))
        }
        return i + 2
    }

    mutating func hex4(at i: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for k in 2..<6 {
            guard let digit = TextByte.hexValue(byte(i + k)) else {
                throw fail(.jsonEscapeDigits(at: location(i)))
            }
            value = value << 4 | digit
        }
        return value
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`
    mutating func parseNumber() throws -> YAMLNode {
        let first = pos
        var i = pos
        func digits(_ i: inout Int) -> Int {
            let from = i
            while TextByte.isDigit(byte(i)) { i += 1 }
            return i - from
        }
        if byte(i) == TextByte.minus { i += 1 }
        let integerStart = i
        let integerDigits = digits(&i)
        if integerDigits == 0 {
            throw fail(.jsonInvalidNumber(token(at: first), rule: .digitAfterMinus, at: location(first)))
        }
        if integerDigits > 1, byte(integerStart) == TextByte.zero {
            throw fail(.jsonInvalidNumber(token(at: first), rule: .leadingZeros, at: location(first)))
        }
        if byte(i) == TextByte.dot {
            i += 1
            if digits(&i) == 0 {
                throw fail(.jsonInvalidNumber(token(at: first), rule: .digitAfterDot, at: location(first)))
            }
        }
        if byte(i) | 0x20 == 0x65 {
            i += 1
            if byte(i) == TextByte.plus || byte(i) == TextByte.minus { i += 1 }
            if digits(&i) == 0 {
                throw fail(.jsonInvalidNumber(token(at: first), rule: .digitInExponent, at: location(first)))
            }
        }
        pos = i
        return YAMLNode(.scalar(YAMLScalar(text(first..<i), style: .plain)), at: location(first))
    }

    mutating func parseWord() throws -> YAMLNode {
        let first = pos
        var i = pos
        while i < end, isWordByte(bytes[i]) || TextByte.isDigit(bytes[i]) { i += 1 }
        let word = text(first..<i)
        switch word {
        case "true", "false", "null":
            pos = i
            return YAMLNode(.scalar(YAMLScalar(word, style: .plain)), at: location(first))
        case _ where ["true", "false", "null"].contains(word.lowercased()):
            throw fail(.jsonLiteralCase(shown(word), lowercased: shown(word.lowercased()), at: location(first)))
        default:
            throw fail(.jsonUnknownWord(shown(word), at: location(first)))
        }
    }
}
