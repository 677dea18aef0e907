/// Checks, before parsing, that bytes are well-formed UTF-8 and (for YAML) free of the
/// control characters YAML forbids, so parsers never misread binary data as text.
enum TextValidator {
    struct Problem {
        var offset: Int
        var message: String
    }

    /// The first problem in `range`, or nil. With `yamlRules`, also rejects C0/C1 control
    /// characters other than tab and line breaks, U+FFFE/U+FFFF, and a carriage return
    /// that is not followed by a line feed.
    static func firstProblem(in bytes: [UInt8], range: Range<Int>, yamlRules: Bool) -> Problem? {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if yamlRules {
                    if byte == TextByte.carriageReturn {
                        if index + 1 < end, bytes[index + 1] == TextByte.lineFeed {
                            index += 2
                            continue
                        }
                        return Problem(offset: index, message: "a carriage return without a line feed is not a supported line ending; save the file with LF or CRLF line endings")
                    }
                    if (byte < 0x20 && byte != TextByte.tab && byte != TextByte.lineFeed) || byte == 0x7F {
                        return controlCharacter(UInt32(byte), at: index)
                    }
                }
                index += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07)
            default: return invalidUTF8(bytes, at: index)
            }
            guard index + length <= end else { return invalidUTF8(bytes, at: index) }
            for next in 1..<length {
                let continuation = bytes[index + next]
                guard continuation & 0xC0 == 0x80 else { return invalidUTF8(bytes, at: index) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return invalidUTF8(bytes, at: index)
            }
            if yamlRules, ((0x80...0x9F).contains(scalar) && scalar != 0x85) || scalar == 0xFFFE || scalar == 0xFFFF {
                return controlCharacter(scalar, at: index)
            }
            index += length
        }
        return nil
    }

    private static func invalidUTF8(_ bytes: [UInt8], at offset: Int) -> Problem {
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return Problem(offset: offset, message: "the text is not valid UTF-8 (byte 0x\(hex)); save the file as UTF-8")
    }

    private static func controlCharacter(_ scalar: UInt32, at offset: Int) -> Problem {
        var hex = String(scalar, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        let escape = scalar <= 0xFF ? "\\x\(hex.suffix(2))" : "\\u\(hex)"
        return Problem(offset: offset, message: "control character U+\(hex) is not allowed in YAML; remove it, or write it as '\(escape)' inside double quotes")
    }
}
