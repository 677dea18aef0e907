import Testing
@testable import VardplanCore

@Suite("word count: runs between white space that hold a letter")
struct WordCountTests {
    @Test("counted words", arguments: [
        ("", 0), ("   \n\t", 0), ("ord", 1), (" ord ", 1), ("två ord", 2), ("ett\ttvå\nthree\r\nfyra", 4),
        ("-- 12 * | 3:30", 0), ("(se x)", 2), ("**stark** text.", 2), ("ö", 1), ("a", 1), ("1a", 1),
        ("ord  ", 1), ("  ord", 1), ("a b c d e f", 6), ("12:30 kl.", 1),
    ])
    func counts(text: String, expected: Int) {
        #expect(ContentFileParser.wordCount(Array(text.utf8)[...]) == expected)
    }

    @Test("the same count as splitting at white space, on random bytes of every kind")
    func matchesSplitting() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet: [UInt8] = [0x20, 0x0A, 0x09, 0x0D, 0x0B, 0x0C, 0x61, 0x5A, 0x31, 0x2D, 0x2A, 0xC3, 0xA5, 0x7C, 0x3A, 0x7F, 0x00, 0xFF]
        for _ in 0..<2000 {
            let length = Int(next() % 40)
            let bytes = (0..<length).map { _ in next() % 3 == 0 ? UInt8(truncatingIfNeeded: next()) : alphabet[Int(next() % UInt64(alphabet.count))] }
            let expected = bytes.split(whereSeparator: ContentFileParser.isWhiteSpace).count { run in
                run.contains { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
            }
            #expect(ContentFileParser.wordCount(bytes[...]) == expected, "\(bytes)")
            // A slice that does not start at 0 counts the same.
            let padded = [0x78] + bytes
            #expect(ContentFileParser.wordCount(padded[1...]) == expected)
        }
    }
}
