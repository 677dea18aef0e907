import Testing
@testable import VardplanDiagnostics

@Suite("Source text: byte order mark, UTF-8 and the position cursor")
struct SourceTextTests {
    @Test("a byte order mark is 3 bytes at the start, and nothing elsewhere")
    func byteOrderMark() {
        #expect(SourceText.byteOrderMarkLength([0xEF, 0xBB, 0xBF, 0x61]) == 3)
        #expect(SourceText.byteOrderMarkLength([0xEF, 0xBB]) == 0)
        #expect(SourceText.byteOrderMarkLength(Array("a\u{FEFF}".utf8)) == 0)
        #expect(SourceText.byteOrderMarkLength(Array("a\u{FEFF}".utf8), at: 1) == 3)
    }

    @Test("the first byte that breaks UTF-8 is found; well-formed text passes",
          arguments: [
            ([UInt8]("vårdplan ✓ 𝄞".utf8), nil),
            ([0x61, 0xC0, 0x80], 1),            // overlong NUL
            ([0x61, 0x62, 0xED, 0xA0, 0x80], 2), // a surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),      // above U+10FFFF
            ([0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0xE2, 0x9C], 9), // cut short after the fast path
            ([0x80], 0),
          ] as [([UInt8], Int?)])
    func firstInvalidUTF8(bytes: [UInt8], expected: Int?) {
        #expect(SourceText.firstInvalidUTF8Offset(bytes) == expected)
    }

    @Test("the first invalid byte is where Swift's own UTF-8 validation first fails, on random bytes")
    func firstInvalidUTF8AgreesWithSwift() {
        var generator = SystemRandomNumberGenerator()
        // Mostly text with Swedish letters, sometimes a stray byte from the ranges that matter.
        let pieces: [[UInt8]] = [Array("ab ".utf8), Array("å".utf8), Array("✓".utf8), Array("𝄞".utf8),
                                 [0xC3], [0xC1, 0xBF], [0xC2], [0xDF, 0xBF], [0x80], [0xE0, 0x9F, 0x80],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                bytes += pieces[Int.random(in: 0..<(Bool.random(using: &generator) ? 4 : pieces.count), using: &generator)]
            }
            // Swift: the longest valid prefix is where decoding first repairs.
            var expected: Int?
            var offset = 0
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: break loop
                case .error: expected = offset; break loop
                }
            }
            #expect(SourceText.firstInvalidUTF8Offset(bytes) == expected, "\(bytes)")
            // The same bytes as a range of a longer array, from an unaligned start.
            let before = [UInt8](repeating: 0xC3, count: Int.random(in: 0...9, using: &generator))
            let within = before + bytes + [0xFF]
            #expect(SourceText.firstInvalidUTF8Offset(within, in: before.count..<(before.count + bytes.count))
                    == expected.map { $0 + before.count }, "\(bytes)")
        }
    }

    @Test("a byte pattern is found from an offset, before a limit, and only whole inside the bytes")
    func firstOffsetOfPattern() {
        let bytes = Array("a{{b}}c{{".utf8)
        let open = Array("{{".utf8)
        #expect(SourceText.firstOffset(of: open, in: bytes, from: 0) == 1)
        #expect(SourceText.firstOffset(of: open, in: bytes, from: 2) == 7)
        #expect(SourceText.firstOffset(of: open, in: bytes, from: 2, before: 7) == nil)
        #expect(SourceText.firstOffset(of: open, in: bytes, from: 2, before: 8) == 7)
        #expect(SourceText.firstOffset(of: Array("c{{x".utf8), in: bytes, from: 0) == nil)  // would end outside
        #expect(SourceText.firstOffset(of: [], in: bytes, from: 0) == nil)
        #expect(SourceText.firstOffset(of: open, in: [], from: 0) == nil)
        #expect(SourceText.firstOffset(of: open, in: bytes, from: 9) == nil)
    }

    @Test("the cursor gives the same positions as the file, forwards, backwards and after a BOM")
    func cursorAgreesWithFile() {
        let text = "\u{FEFF}titel: Å\nab — cd\n\nsista rad ✓ x"
        let file = SourceFile(path: "a.md", text: text)
        var cursor = SourceCursor(file: file)
        let offsets = Array(0...file.bytes.count) + [file.bytes.count + 5, 7, 2, 0, 20, 12]
        for offset in offsets {
            #expect(cursor.location(offset) == file.location(ofOffset: offset), "offset \(offset)")
        }
    }

    @Test("the cursor agrees with the file on random walks: jumps within a line, to later lines, back, to the end",
          arguments: ["", "\n", "ett\r\ntvå\r\n", "åäö\n\nlång rad med ✓ och 𝄞 här\nsista", "a\nb\nc\n"])
    func cursorAgreesOnRandomWalks(tail: String) {
        var generator = SystemRandomNumberGenerator()
        let text = (0..<40).map { line in String(repeating: "ord å ", count: line % 7) + "\(line)" }
            .joined(separator: line(of: &generator)) + tail
        let file = SourceFile(path: "a.md", text: text)
        for _ in 0..<20 {
            var cursor = SourceCursor(file: file)
            var offset = 0
            for _ in 0..<200 {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: offset = Int.random(in: 0...file.bytes.count, using: &generator)
                case 1...6: offset += Int.random(in: 0...4, using: &generator)
                default: offset += Int.random(in: 0...60, using: &generator)
                }
                offset = min(offset, file.bytes.count + 1)
                #expect(cursor.location(offset) == file.location(ofOffset: offset), "offset \(offset)")
            }
        }
    }

    private func line(of generator: inout SystemRandomNumberGenerator) -> String {
        Bool.random(using: &generator) ? "\n" : "\r\n"
    }
}

@Suite("Diagnostics carry codes")
struct DiagnosticCodeTests {
    @Test("strict makes every warning an error and keeps codes and places")
    func strict() {
        var diagnostics = Diagnostics()
        let place = SourceLocation(path: "a.md", line: 2, column: 3)
        diagnostics.warning(DiagnosticCode("VP601"), "long sentence", at: place)
        diagnostics.error(DiagnosticCode("VP101"), "tab", at: place)
        let strict = diagnostics.strict
        #expect(strict.warningCount == 0)
        #expect(strict.errorCount == 2)
        #expect(strict.sorted.map(\.code.rawValue).sorted() == ["VP101", "VP601"])
        #expect(strict.all.allSatisfy { $0.location == place })
    }

    @Test("the same problem found twice is printed and counted once")
    func duplicates() {
        var diagnostics = Diagnostics()
        let place = SourceLocation(path: "a.md", line: 1, column: 1)
        diagnostics.error(DiagnosticCode("VP201"), "x", at: place)
        diagnostics.error(DiagnosticCode("VP201"), "x", at: place)
        #expect(diagnostics.errorCount == 1)
    }
}
