/// Reads an HTTP/1.x request head from the bytes received so far, within limits, as
/// RFC 9112 describes it: a request line, header lines, an empty line. The preview
/// server accepts only GET and HEAD without a body.
public enum HTTPRequestParser {
    /// The limits a request head must keep.
    public struct Limits: Sendable {
        /// Bytes of the whole head: request line, headers and the empty line.
        public var headBytes: Int
        public var headerCount: Int

        public static let standard = Limits(headBytes: 8192, headerCount: 100)

        public init(headBytes: Int, headerCount: Int) {
            self.headBytes = headBytes
            self.headerCount = headerCount
        }
    }

    /// What the bytes so far give.
    public enum Outcome: Sendable, Equatable {
        /// The head is not complete yet; read more.
        case incomplete
        case request(HTTPRequest)
        /// A request the server answers with this status and closes.
        case rejected(status: Int, reason: String)
    }

    /// Parses `bytes`, the start of a connection's input.
    public static func parse(_ bytes: [UInt8], limits: Limits = .standard) -> Outcome {
        guard let end = headEnd(bytes) else {
            if bytes.count > limits.headBytes { return .rejected(status: 431, reason: "the request head is too large") }
            return .incomplete
        }
        if end > limits.headBytes { return .rejected(status: 431, reason: "the request head is too large") }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < end {
            if bytes[index] == 0x0A {
                var line = bytes[start..<index]
                if line.last == 0x0D { line = line.dropLast() }
                lines.append(line)
                start = index + 1
            }
            index += 1
        }
        // A client may send empty lines before the request line (RFC 9112 §2.2).
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        guard let requestLine = lines.first else { return .rejected(status: 400, reason: "no request line") }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, let method = text(parts[0]), let target = text(parts[1]), let version = text(parts[2]),
              !method.isEmpty, !target.isEmpty else {
            return .rejected(status: 400, reason: "the request line is not 'METHOD TARGET HTTP/1.1'")
        }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .rejected(status: version.hasPrefix("HTTP/") ? 505 : 400, reason: "only HTTP/1.0 and HTTP/1.1 are served")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            if headers.count == limits.headerCount {
                return .rejected(status: 431, reason: "too many header fields")
            }
            // Obsolete line folding is rejected (RFC 9112 §5.2).
            if line.first == 0x20 || line.first == 0x09 { return .rejected(status: 400, reason: "folded header line") }
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  let name = text(line[line.startIndex..<colon]), name.utf8.allSatisfy(isTokenByte),
                  let rawValue = text(line[(colon + 1)...]) else {
                return .rejected(status: 400, reason: "a header line is not 'Name: value'")
            }
            let value = rawValue.drop { $0 == " " || $0 == "\t" }
            guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) else {
                return .rejected(status: 400, reason: "a header value holds a control character")
            }
            headers.append((name, String(String(value).reversed().drop { $0 == " " || $0 == "\t" }.reversed())))
        }
        let request = HTTPRequest(method: method, target: target, version: version, headers: headers)
        guard method == "GET" || method == "HEAD" else {
            return .rejected(status: 405, reason: "only GET and HEAD are served")
        }
        if request.header("Content-Length").map({ $0 != "0" }) ?? false || request.header("Transfer-Encoding") != nil {
            return .rejected(status: 400, reason: "a request body is not accepted")
        }
        if version == "HTTP/1.1", request.count(of: "Host") != 1 {
            return .rejected(status: 400, reason: "an HTTP/1.1 request needs exactly one Host header")
        }
        return .request(request)
    }

    /// The index just past the empty line that ends the head (`\r\n\r\n` or `\n\n`).
    static func headEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// Printable ASCII only: a request head is not UTF-8 text.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
