/// The hash a large `TemplateObject` indexes its ASCII keys by: 64-bit FNV-1a of the
/// key's bytes. Cheap for the short names templates use (no per-process seed, no
/// Unicode normalisation — ASCII keys are equal exactly when their bytes are).
///
/// Not a defence against crafted collisions: keys come from our templates and the
/// strings files, and a collision only costs one more comparison.
enum TemplateKeyHash {
    /// The hash of an ASCII key; nil for a key with any other character (those are
    /// compared one by one, as Swift strings).
    static func of(_ key: String) -> UInt64? {
        // In place when the string is contiguous (always, for a native string): `withUTF8`
        // on a copy retained and released it for every key of every object made.
        key.utf8.withContiguousStorageIfAvailable { of(bytes: $0) } ?? of(bytes: key.utf8)
    }

    private static func of(bytes: some Collection<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
