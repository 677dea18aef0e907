/// Rules for the stable ids of diagnoses, modules, sections and steps.
public enum ContentID {
    /// The id a file or folder name gives: the ordering prefix (`03-`) and `.md` dropped.
    public static func fromName(_ name: String) -> String {
        var base = Substring(name)
        if base.hasSuffix(".md") { base = base.dropLast(3) }
        if let prefix = orderPrefix(of: String(base)) {
            base = base.dropFirst(String(prefix.digits).count + 1)
        }
        return String(base)
    }

    /// The number in an ordering prefix such as `03-`, if the name has one.
    public static func orderPrefix(of name: String) -> (value: Int, digits: Substring)? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, name.dropFirst(digits.count).first == "-",
              name.count > digits.count + 1, let value = Int(digits) else { return nil }
        return (value, digits)
    }

    /// Whether an id is lower-case ASCII letters and digits joined by single dashes.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.first != "-", id.last != "-", !id.contains("--") else { return false }
        return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
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
