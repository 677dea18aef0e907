#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level facts about source text that every reader needs, in one place: the
/// UTF-8 byte order mark, whether bytes are well-formed UTF-8, where a byte pattern is.
public enum SourceText {
    /// The first offset at or after `from` where `pattern` starts in `bytes`, the match
    /// starting before `before` and ending inside `bytes` (`memchr` for its first byte,
    /// then a compare); nil for an empty pattern.
    public static func firstOffset(of pattern: [UInt8], in bytes: [UInt8], from: Int, before: Int = .max) -> Int? {
        guard let first = pattern.first, from >= 0 else { return nil }
        let lastStart = min(bytes.count - pattern.count, before - 1)
        guard from <= lastStart else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var index = from
            while index <= lastStart {
                guard let found = memchr(base + index, Int32(first), lastStart - index + 1) else { return nil }
                let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + candidate, pattern, pattern.count) == 0 { return candidate }
                index = candidate + 1
            }
            return nil
        }
    }

    /// 3 when a UTF-8 byte order mark starts at `start`, else 0.
    public static func byteOrderMarkLength(_ bytes: [UInt8], at start: Int = 0, end: Int? = nil) -> Int {
        let end = end ?? bytes.count
        guard end - start >= 3 else { return 0 }
        return bytes[start] == 0xEF && bytes[start + 1] == 0xBB && bytes[start + 2] == 0xBF ? 3 : 0
    }

    /// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and
    /// code points above U+10FFFF included), or nil.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8], in range: Range<Int>? = nil) -> Int? {
        let range = range ?? 0..<bytes.count
        return bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset(in: $0, range: range) }
    }

    private static func firstInvalidUTF8Offset(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let count = range.upperBound
        while index < count {
            // Eight ASCII bytes at a time: most of a Swedish text is ASCII. When a word
            // holds a non-ASCII byte, skip straight to it (little-endian: the lowest set
            // bit is the first such byte) instead of testing the word again per byte.
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let high = UInt64(littleEndian: word) & 0x8080_8080_8080_8080
                if high == 0 { index += 8; continue }
                index += high.trailingZeroBitCount >> 3
            }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            // Two-byte sequences (å, ä, ö, é …) without a call: a lead C2–DF and one
            // continuation byte is always a well-formed scalar.
            if lead >= 0xC2, lead <= 0xDF, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
                index += 2
                continue
            }
            guard let (_, length) = decodeScalar(in: bytes, at: index, end: count) else { return index }
            index += length
        }
        return nil
    }

    /// The scalar value and byte length of the well-formed UTF-8 sequence at `index`,
    /// or nil when the bytes there are not UTF-8.
    public static func decodeScalar(_ bytes: [UInt8], at index: Int, end: Int? = nil) -> (UInt32, Int)? {
        bytes.withUnsafeBufferPointer { decodeScalar(in: $0, at: index, end: end ?? bytes.count) }
    }

    private static func decodeScalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length: Int
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return nil
        }
        guard index + length <= end else { return nil }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return nil }
        return (scalar, length)
    }
}
