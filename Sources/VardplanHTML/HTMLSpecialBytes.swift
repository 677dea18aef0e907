/// Whether UTF-8 text holds a byte HTML escapes (`&`, `<`, `>`, `"`), eight bytes at a
/// time: most text has none and is copied as it is.
public enum HTMLSpecialBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is zero (exact: the classic `(v - 1…) & ~v & 0x80…`).
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highs != 0
    }

    /// `"` (0x22) and `&` (0x26) differ only in bit 2, `<` (0x3C) and `>` (0x3E) only
    /// in bit 1: setting that bit leaves two bytes to look for, and no other byte
    /// becomes one of them.
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        hasZeroByte((word | (ones &* 0x04)) ^ (ones &* 0x26)) || hasZeroByte((word | (ones &* 0x02)) ^ (ones &* 0x3E))
    }

    /// Whether `bytes` holds `&`, `<`, `>` or `"`.
    public static func occur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            if hasSpecialByte(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return true }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 { return true }
            index += 1
        }
        return false
    }
}
