/// Writes a URL into a double-quoted `href`/`src` exactly as libcmark does
/// (`houdini_escape_href` and `scan_dangerous_url`).
enum MarkdownURLEscaper {
    /// The bytes cmark leaves alone: `-_.+!*(),%#@?=;:/$~`, digits and ASCII letters.
    private static let safe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!#$%()*+,-./:;=?@_~".utf8 { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        return table
    }()

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `url` escaped: `&` → `&amp;`, `'` → `&#x27;`, every other unsafe byte → `%XX`.
    static func appendEscaped(_ url: String, to output: inout [UInt8]) {
        let appendedClean = url.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where !safe[Int(byte)] { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if appendedClean == true { return }
        for byte in url.utf8 {
            if safe[Int(byte)] {
                output.append(byte)
            } else if byte == UInt8(ascii: "&") {
                output.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                output.append(contentsOf: "&#x27;".utf8)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// `javascript:`, `vbscript:`, `file:` and `data:` (except PNG, GIF, JPEG and WebP
    /// images), case-insensitively: cmark writes an empty `href` for these.
    static func isDangerous(_ url: String) -> Bool {
        switch url.utf8.first.map({ $0 | 0x20 }) {
        case UInt8(ascii: "j"), UInt8(ascii: "v"), UInt8(ascii: "f"), UInt8(ascii: "d"): break
        default: return false
        }
        func hasPrefix(_ prefix: String) -> Bool {
            var iterator = url.utf8.makeIterator()
            for expected in prefix.utf8 {
                guard let byte = iterator.next() else { return false }
                let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if lowered != expected { return false }
            }
            return true
        }
        if hasPrefix("data:image/png") || hasPrefix("data:image/gif") || hasPrefix("data:image/jpeg")
            || hasPrefix("data:image/webp") {
            return false
        }
        return hasPrefix("javascript:") || hasPrefix("vbscript:") || hasPrefix("file:") || hasPrefix("data:")
    }
}
