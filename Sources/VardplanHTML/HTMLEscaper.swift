/// The one place where text becomes HTML: `& < > "` are replaced by entities.
///
/// Attributes are always written with double quotes, so `'` needs no escape (the same
/// set as libcmark's HTML renderer and the Mustache spec).
public enum HTMLEscaper {
    /// Escapes text for element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        let escaped = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard HTMLSpecialBytes.occur(in: bytes) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes, to: &result)
            return String(decoding: result, as: UTF8.self)
        }
        switch escaped {
        case .some(.some(let escaped)): return escaped
        case .some(.none): return text
        case .none: return escape(String(decoding: Array(text.utf8), as: UTF8.self))
        }
    }

    /// Appends UTF-8 text to `bytes` with `& < > "` replaced by entities (all four are
    /// ASCII, so replacing bytes is replacing scalars).
    public static func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard HTMLSpecialBytes.occur(in: source) else {
            bytes.append(contentsOf: source)
            return
        }
        var runStart = 0
        for index in 0..<source.count {
            let byte = source[index]
            guard byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 else { continue }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
            switch byte {
            case 0x26: bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            default: bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            }
            runStart = index + 1
        }
        if runStart < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...])) }
    }
}
