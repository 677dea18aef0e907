/// Finds text that looks like a Swedish personal identity number (personnummer or
/// samordningsnummer): `YYMMDD-NNNN`, `YYYYMMDD-NNNN`, with `-`, `+` or nothing between,
/// a plausible date (day + 60 for samordningsnummer) and a valid Luhn check digit.
public enum PersonalNumberDetector {
    /// The UTF-8 offset of the first match in the text, or nil.
    public static func firstMatch(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            guard isDigit(bytes[start]), start == 0 || !isDigit(bytes[start - 1]) else { start += 1; continue }
            var end = start
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            let run = Array(bytes[start..<end])
            if matches(run, bytes: bytes, after: end) { return start }
            start = end
        }
        return nil
    }

    private static func matches(_ run: [UInt8], bytes: [UInt8], after end: Int) -> Bool {
        // Joined forms: 10 or 12 digits in a row.
        if run.count == 10 || run.count == 12 {
            let digits = run.map { Int($0 - 0x30) }
            return isValid(Array(digits.suffix(10)), century: run.count == 12 ? Array(digits.prefix(2)) : nil)
        }
        // Separated forms: 6 or 8 digits, '-' or '+' (or a space), then 4 digits.
        guard run.count == 6 || run.count == 8, end + 5 <= bytes.count,
              bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "+") || bytes[end] == UInt8(ascii: " "),
              bytes[(end + 1)..<(end + 5)].allSatisfy(isDigit),
              end + 5 == bytes.count || !isDigit(bytes[end + 5]) else { return false }
        let digits = (run + bytes[(end + 1)..<(end + 5)]).map { Int($0 - 0x30) }
        return isValid(Array(digits.suffix(10)), century: run.count == 8 ? Array(digits.prefix(2)) : nil)
    }

    /// Ten digits YYMMDDNNNC: a real month and day (or day + 60) and the Luhn digit.
    static func isValid(_ digits: [Int], century: [Int]?) -> Bool {
        if let century, !(century == [1, 8] || century == [1, 9] || century == [2, 0]) { return false }
        let month = digits[2] * 10 + digits[3]
        var day = digits[4] * 10 + digits[5]
        if day > 60 { day -= 60 }
        guard (1...12).contains(month), (1...31).contains(day) else { return false }
        var sum = 0
        for (index, digit) in digits.prefix(9).enumerated() {
            let product = digit * (index % 2 == 0 ? 2 : 1)
            sum += product > 9 ? product - 9 : product
        }
        return (10 - sum % 10) % 10 == digits[9]
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
