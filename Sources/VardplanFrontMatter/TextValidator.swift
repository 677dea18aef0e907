import VardplanDiagnostics

/// Checks, before parsing, that bytes are well-formed UTF-8 and (for YAML) free of the
/// control characters YAML forbids, so parsers never misread binary data as text.
///
/// UTF-8 itself is decoded by `SourceText.decodeScalar`, the one decoder; this type adds
/// only the rules of YAML on top.
enum TextValidator {
    /// The first problem found, and where.
    struct Problem: Equatable {
        enum Kind: Equatable {
            /// The byte at `offset` breaks UTF-8.
            case invalidUTF8(byte: UInt8)
            /// A character YAML does not allow (C0/C1 control, DEL, U+FFFE, U+FFFF).
            case controlCharacter(UInt32)
            /// A carriage return not followed by a line feed.
            case loneCarriageReturn
        }

        var offset: Int
        var kind: Kind

        /// The code of this kind of problem, decided where it is found.
        var code: DiagnosticCode {
            switch kind {
            case .invalidUTF8: return .textNotUTF8
            case .controlCharacter: return .yamlControlCharacter
            case .loneCarriageReturn: return .yamlLoneCarriageReturn
            }
        }

        /// The problem as a diagnostic at `location` (the location of `offset`).
        func diagnostic(at location: SourceLocation) -> Diagnostic {
            switch kind {
            case .invalidUTF8(let byte): return .textNotUTF8(byte: byte, at: location)
            case .controlCharacter(let scalar): return .yamlControlCharacter(scalar, at: location)
            case .loneCarriageReturn: return .yamlLoneCarriageReturn(at: location)
            }
        }
    }

    /// The first problem in `range`, or nil. With `yamlRules`, also rejects C0/C1 control
    /// characters other than tab and line breaks, U+FFFE/U+FFFF, and a carriage return
    /// that is not followed by a line feed.
    static func firstProblem(in bytes: [UInt8], range: Range<Int>, yamlRules: Bool) -> Problem? {
        guard yamlRules else {
            return SourceText.firstInvalidUTF8Offset(bytes, in: range).map {
                Problem(offset: $0, kind: .invalidUTF8(byte: bytes[$0]))
            }
        }
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == TextByte.carriageReturn {
                    if index + 1 < end, bytes[index + 1] == TextByte.lineFeed {
                        index += 2
                        continue
                    }
                    return Problem(offset: index, kind: .loneCarriageReturn)
                }
                if (byte < 0x20 && byte != TextByte.tab && byte != TextByte.lineFeed) || byte == 0x7F {
                    return Problem(offset: index, kind: .controlCharacter(UInt32(byte)))
                }
                index += 1
                continue
            }
            guard let (scalar, length) = SourceText.decodeScalar(bytes, at: index, end: end) else {
                return Problem(offset: index, kind: .invalidUTF8(byte: byte))
            }
            if ((0x80...0x9F).contains(scalar) && scalar != 0x85) || scalar == 0xFFFE || scalar == 0xFFFF {
                return Problem(offset: index, kind: .controlCharacter(scalar))
            }
            index += length
        }
        return nil
    }
}
