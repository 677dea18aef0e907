/// The one place where text becomes HTML: `& < > "` are replaced by entities.
///
/// Attributes are always written with double quotes, so `'` needs no escape (the same
/// set as libcmark's HTML renderer and the Mustache spec).
public enum HTMLEscaper {
    /// Escapes text for element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
