import Testing
@testable import VardplanCore

/// The fingerprints a build stamp compares: a file's bytes hashed eight at a time.
@Suite("Input fingerprints")
struct InputFingerprintTests {
    private static func words(_ bytes: [UInt8]) -> UInt64 {
        var hash = InputFingerprint()
        hash.addWords(bytes)
        return hash.value
    }

    @Test("any one byte changed, at any place and in any bit, changes the fingerprint")
    func oneByteChanged() {
        let base = (0..<37).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ 7) }
        let original = Self.words(base)
        for index in base.indices {
            for bit in 0..<8 {
                var changed = base
                changed[index] ^= UInt8(1 << bit)
                #expect(Self.words(changed) != original, "byte \(index), bit \(bit)")
            }
        }
        #expect(Self.words(base) == original)
    }

    @Test("the top bits of two words changed do not cancel out (as they would without folding)")
    func highBitsDoNotCancel() {
        let base = [UInt8](repeating: 0x61, count: 32)
        for (first, second) in [(7, 15), (7, 31), (15, 23), (6, 14)] {
            var changed = base
            changed[first] ^= 0x80
            changed[second] ^= 0x80
            #expect(Self.words(changed) != Self.words(base), "bytes \(first) and \(second)")
        }
    }

    @Test("the length counts: zeros of different lengths, and a trailing zero, differ")
    func lengthCounts() {
        let values = (0..<20).map { Self.words([UInt8](repeating: 0, count: $0)) }
        #expect(Set(values).count == values.count)
        #expect(Self.words([1, 2, 3]) != Self.words([1, 2, 3, 0]))
    }

    @Test("a translation's source_hash keeps its byte-by-byte value (editors write it into content)")
    func sourceHashUnchanged() {
        #expect(SourceHash.of(title: "Återbesök", body: Array("Text.\n".utf8)[...]) == "9447c2bc")
    }
}

extension InputFingerprintTests {
    @Test("a fingerprint is written as 16 lower-case hex digits, leading zeros kept")
    func hexDigits() {
        for value: UInt64 in [0, 1, 0xa, 0xff, 0x0123_4567_89ab_cdef, .max, 1 << 63, 0x00f0_0000_0000_0001] {
            let expected = String(repeating: "0", count: 16 - String(value, radix: 16).count) + String(value, radix: 16)
            #expect(InputFingerprint.hex(value) == expected)
        }
    }
}
