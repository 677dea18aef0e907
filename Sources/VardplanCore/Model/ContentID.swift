/// Rules for the stable ids of diagnoses, modules, sections and steps.
public enum ContentID {
    /// The id a file or folder name gives: the ordering prefix (`03-`) and `.md` dropped.
    public static func fromName(_ name: String) -> String {
        if let ascii = asciiID(fromName: name) { return ascii }
        var base = Substring(name)
        if base.hasSuffix(".md") { base = base.dropLast(3) }
        if let prefix = orderPrefix(of: String(base)) {
            base = base.dropFirst(String(prefix.digits).count + 1)
        }
        return String(base)
    }

    /// The number in an ordering prefix such as `03-`, if the name has one.
    public static func orderPrefix(of name: String) -> (value: Int, digits: Substring)? {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let digits = asciiPrefixDigits(name.utf8)
            guard digits > 0 else { return nil }
            let end = name.utf8.index(name.startIndex, offsetBy: digits)
            return (Int(name[..<end])!, name[..<end])
        }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, name.dropFirst(digits.count).first == "-",
              name.count > digits.count + 1, let value = Int(digits) else { return nil }
        return (value, digits)
    }

    /// Whether an id is lower-case ASCII letters and digits joined by single dashes.
    public static func isValid(_ id: String) -> Bool {
        var previous: UInt8 = 0x2D  // as if after a dash: a leading dash is refused
        for byte in id.utf8 {
            let allowed = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            if !allowed || (byte == 0x2D && previous == 0x2D) { return false }
            previous = byte
        }
        return previous != 0x2D  // not empty, no trailing dash
    }

    /// `fromName` for an all-ASCII name (every file name vardplan writes or suggests), on
    /// bytes; nil for any other, which takes the `Character` path (the same answer).
    private static func asciiID(fromName name: String) -> String? {
        var utf8 = Substring(name).utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        if utf8.count >= 3, utf8.suffix(3).elementsEqual(".md".utf8) { utf8 = utf8.dropLast(3) }
        let digits = asciiPrefixDigits(utf8)
        if digits > 0 { utf8 = utf8.dropFirst(digits + 1) }
        return String(Substring(utf8))
    }

    /// The length of an ASCII ordering prefix's digits (`03-x` → 2): one to six digits, a
    /// dash and at least one byte after it; 0 when there is none.
    private static func asciiPrefixDigits<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var digits = 0
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            digits += 1
            index = bytes.index(after: index)
        }
        guard digits > 0, digits <= 6, index != bytes.endIndex, bytes[index] == 0x2D else { return 0 }
        return bytes.index(after: index) == bytes.endIndex ? 0 : digits
    }

    /// A valid id made from arbitrary text, to suggest in messages (`Röntgen` → `rontgen`).
    public static func suggestion(for text: String) -> String {
        var result = ""
        var lastWasDash = true
        for character in text.lowercased() {
            let mapped: String
            switch character {
            case "å", "ä", "á", "à", "â": mapped = "a"
            case "ö", "ó", "ò", "ô", "ø": mapped = "o"
            case "é", "è", "ê", "ë": mapped = "e"
            case "ü", "ú": mapped = "u"
            default: mapped = character.isASCII && (character.isLetter || character.isNumber) ? String(character) : "-"
            }
            if mapped == "-" {
                if !lastWasDash { result += "-" }
                lastWasDash = true
            } else {
                result += mapped
                lastWasDash = false
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "namn" : result
    }
}
