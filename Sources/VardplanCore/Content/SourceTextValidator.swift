#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that a file's bytes are text we can parse: valid UTF-8, no NUL bytes,
/// not larger than a step could sensibly be.
public enum SourceTextValidator {
    /// Files above this size are reported instead of parsed (a step is one page).
    public static let maximumFileSize = 1 << 20

    /// The message for a content file of `size` bytes, above the limit.
    public static func tooLargeMessage(size: Int) -> String {
        let shown = (Double(size) / 1_048_576 * 10).rounded() / 10
        return "file is \(shown) MB, larger than the 1 MB a content file may be; split it into several steps"
    }

    /// Appends a diagnostic and returns `false` when the file is not usable text.
    public static func validate(_ file: SourceFile, diagnostics: inout Diagnostics) -> Bool {
        let bytes = file.bytes
        if bytes.count > maximumFileSize {
            diagnostics.error(tooLargeMessage(size: bytes.count), at: file.location(line: 1, column: 1))
            return false
        }
        let nul = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if let offset = nul {
            diagnostics.error(
                "file contains a NUL byte and looks binary; content files must be UTF-8 text",
                at: file.location(ofOffset: offset))
            return false
        }
        if let offset = firstInvalidUTF8Offset(bytes) {
            diagnostics.error(
                "file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); save it as UTF-8",
                at: file.location(ofOffset: offset))
            return false
        }
        return true
    }

    /// The offset of the first byte that breaks UTF-8, or nil.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset(in: $0) }
    }

    private static func firstInvalidUTF8Offset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time: most of a Swedish text is ASCII.
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
            }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= count else { return index }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
            minimum = 0
        }
        return nil
    }
}
