/// Turns a request target into a path of the site, or a refusal: only files under
/// the site are served, and nothing that could climb out of it.
///
/// The target's path is percent-decoded once; refused (400) are: a target that is not
/// an absolute path, a bad or truncated escape, an encoded `/` (`%2f`) or `\`, a `\`,
/// NUL or other control character, invalid UTF-8, and a `.` or `..` segment, written
/// or encoded. `/` and `/folder/` mean `index.html` in that folder.
public enum RequestTarget {
    public enum Resolution: Equatable, Sendable {
        /// A path inside the site, such as `brostcancer/index.html`.
        case file(String)
        case rejected(status: Int, reason: String)
    }

    public static func resolve(_ target: String) -> Resolution {
        var path = Substring(target)
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        guard path.hasPrefix("/") else { return .rejected(status: 400, reason: "the target must start with '/'") }
        var bytes: [UInt8] = []
        let raw = Array(path.utf8)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x25 {
                guard index + 2 < raw.count, let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2]) else {
                    return .rejected(status: 400, reason: "a bad percent escape")
                }
                let decoded = high << 4 | low
                if decoded == 0x2F || decoded == 0x5C { return .rejected(status: 400, reason: "an encoded slash") }
                bytes.append(decoded)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C }) else {
            return .rejected(status: 400, reason: "a control character or backslash in the path")
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            return .rejected(status: 400, reason: "the path is not UTF-8")
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for segment in segments where segment == "." || segment == ".." {
            return .rejected(status: 400, reason: "a '.' or '..' segment")
        }
        let inner = segments.filter { !$0.isEmpty }
        guard !inner.contains(where: { $0.hasPrefix(".") }) else {
            return .rejected(status: 404, reason: "hidden files are not served")
        }
        if decoded.hasSuffix("/") { return .file((inner + ["index.html"]).joined(separator: "/")) }
        return .file(inner.joined(separator: "/"))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
