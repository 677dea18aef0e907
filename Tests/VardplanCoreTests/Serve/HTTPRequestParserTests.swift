import Testing
@testable import VardplanCore

/// The preview server's request parser, as a specification: what it accepts, what it
/// refuses and with which status.
@Suite("HTTP request parser")
struct HTTPRequestParserTests {
    private func parse(_ text: String, limits: HTTPRequestParser.Limits = .standard) -> HTTPRequestParser.Outcome {
        HTTPRequestParser.parse(Array(text.utf8), limits: limits)
    }

    @Test("a GET with a Host header gives the method, target, version and headers in order")
    func validGet() {
        let outcome = parse("GET /brostcancer/index.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:1313\r\nAccept:  text/html \r\n\r\n")
        #expect(outcome == .request(HTTPRequest(method: "GET", target: "/brostcancer/index.html?x=1", version: "HTTP/1.1",
                                                headers: [("Host", "127.0.0.1:1313"), ("Accept", "text/html")])))
    }

    @Test("bare LF line ends and leading empty lines are accepted; HEAD too")
    func lenientLineEnds() {
        let outcome = parse("\r\nHEAD / HTTP/1.1\nhost: localhost:1313\n\n")
        #expect(outcome == .request(HTTPRequest(method: "HEAD", target: "/", version: "HTTP/1.1", headers: [("host", "localhost:1313")])))
    }

    @Test("a head without its empty line is incomplete until it grows past the limit")
    func incompleteThenTooLarge() {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\n") == .incomplete)
        let limits = HTTPRequestParser.Limits(headBytes: 64, headerCount: 100)
        let big = "GET / HTTP/1.1\r\nX-Fill: " + String(repeating: "a", count: 100)
        #expect(parse(big, limits: limits) == .rejected(status: 431, reason: "the request head is too large"))
    }

    @Test("a complete head over the size limit is refused with 431")
    func oversizedComplete() {
        let text = "GET / HTTP/1.1\r\nHost: localhost:1\r\nX-Fill: " + String(repeating: "a", count: 9000) + "\r\n\r\n"
        #expect(parse(text) == .rejected(status: 431, reason: "the request head is too large"))
    }

    @Test("more than 100 header fields are refused with 431")
    func tooManyHeaders() {
        let headers = (0..<101).map { "X-\($0): 1\r\n" }.joined()
        #expect(parse("GET / HTTP/1.1\r\nHost: localhost:1\r\n" + headers + "\r\n")
            == .rejected(status: 431, reason: "too many header fields"))
        let fits = (0..<99).map { "X-\($0): 1\r\n" }.joined()
        #expect(parse("GET / HTTP/1.1\r\nHost: localhost:1\r\n" + fits + "\r\n") != .rejected(status: 431, reason: "too many header fields"))
    }

    @Test("refused requests", arguments: [
        ("POST / HTTP/1.1\r\nHost: a\r\n\r\n", 405),
        ("DELETE / HTTP/1.1\r\nHost: a\r\n\r\n", 405),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("GET / FTP/1.0\r\n\r\n", 400),
        ("GET /\r\nHost: a\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nBad Name: a\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("GET /\u{00}x HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET /å HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    ])
    func refused(text: String, status: Int) {
        guard case .rejected(let got, _) = parse(text) else {
            Issue.record("accepted: \(text.debugDescription)")
            return
        }
        #expect(got == status, "\(text.debugDescription)")
    }

    @Test("random bytes never trap and never give a request without a method")
    func garbage() {
        var generator = SplitMix64(seed: 16)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...300, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if Bool.random(using: &generator) { bytes += Array("\r\n\r\n".utf8) }
            if case .request(let request) = HTTPRequestParser.parse(bytes) { #expect(!request.method.isEmpty) }
        }
    }
}

