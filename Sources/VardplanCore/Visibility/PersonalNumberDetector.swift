/// Finds text that looks like a Swedish personal identity number (personnummer or
/// samordningsnummer).
///
/// The rule (docs/manifest.md): 6 or 8 digits, optional white space (line breaks
/// included), at most one separator (`-` `+` `–` `—` `‐` `‑` `−`), optional white space,
/// then 4 digits; or 10 or 12 digits in a row. The date must exist (day + 60 for a
/// samordningsnummer; a 12-digit form starts with the century 18, 19 or 20) and the
/// last digit must be the Luhn check digit. In a phone field a bare run of 10 digits
/// does not count: `0701234567` is an ordinary mobile number.
public enum PersonalNumberDetector {
    /// Which kind of field the text comes from.
    public enum Field: Sendable {
        /// Any text: every form counts.
        case text
        /// A phone number: the separated forms and 12-digit runs count, a bare 10-digit run does not.
        case phone
    }

    /// The separators accepted between the date and the last four digits: hyphen-minus,
    /// plus, en dash, em dash, hyphen, non-breaking hyphen, minus sign.
    static let separators: Set<Unicode.Scalar> = ["-", "+", "\u{2013}", "\u{2014}", "\u{2010}", "\u{2011}", "\u{2212}"]

    /// Whether the text holds something that looks like a personal identity number.
    public static func containsMatch(in text: String, field: Field = .text) -> Bool {
        firstMatch(in: text, field: field) != nil
    }

    /// The UTF-8 offset of the first match in the text, or nil.
    public static func firstMatch(in text: String, field: Field = .text) -> Int? {
        let scalars = Array(text.unicodeScalars)
        var utf8Offset = 0
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            offsets.append(utf8Offset)
            utf8Offset += UTF8.width(scalar)
        }
        offsets.append(utf8Offset)

        var start = 0
        while start < scalars.count {
            guard isDigit(scalars[start]), start == 0 || !isDigit(scalars[start - 1]) else { start += 1; continue }
            var end = start
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            let run = scalars[start..<end].map(digitValue)
            if matches(run, scalars: scalars, after: end, field: field) { return offsets[start] }
            start = end
        }
        return nil
    }

    private static func matches(_ run: [Int], scalars: [Unicode.Scalar], after end: Int, field: Field) -> Bool {
        // Joined forms: 10 or 12 digits in a row.
        if run.count == 12 { return isValid(Array(run.suffix(10)), century: Array(run.prefix(2))) }
        if run.count == 10 { return field == .text && isValid(run, century: nil) }
        guard run.count == 6 || run.count == 8 else { return false }
        // Separated forms: optional white space, at most one separator, optional white space, 4 digits.
        var index = end
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        if index < scalars.count, separators.contains(scalars[index]) {
            index += 1
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        }
        guard index > end, index + 4 <= scalars.count, scalars[index..<(index + 4)].allSatisfy(isDigit),
              index + 4 == scalars.count || !isDigit(scalars[index + 4]) else { return false }
        let digits = run + scalars[index..<(index + 4)].map(digitValue)
        return isValid(Array(digits.suffix(10)), century: run.count == 8 ? Array(digits.prefix(2)) : nil)
    }

    /// Ten digits YYMMDDNNNC: a date that exists (day + 60 for a samordningsnummer)
    /// and the Luhn digit. With the century, the full year decides 29 February.
    static func isValid(_ digits: [Int], century: [Int]?) -> Bool {
        if let century, !(century == [1, 8] || century == [1, 9] || century == [2, 0]) { return false }
        let yearInCentury = digits[0] * 10 + digits[1]
        let month = digits[2] * 10 + digits[3]
        var day = digits[4] * 10 + digits[5]
        if day > 60 { day -= 60 }
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeap: Bool
        if let century {
            let year = (century[0] * 10 + century[1]) * 100 + yearInCentury
            isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        } else {
            // Without the century, 29 February exists when some century makes the year a leap year.
            isLeap = yearInCentury % 4 == 0
        }
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return false }
        var sum = 0
        for (index, digit) in digits.prefix(9).enumerated() {
            let product = digit * (index % 2 == 0 ? 2 : 1)
            sum += product > 9 ? product - 9 : product
        }
        return (10 - sum % 10) % 10 == digits[9]
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    private static func digitValue(_ scalar: Unicode.Scalar) -> Int { Int(scalar.value - 0x30) }
}
