import Testing
@testable import VardplanCore

/// Which request targets map to files of the site, and which are refused.
@Suite("Request targets")
struct RequestTargetTests {
    @Test("site paths", arguments: [
        ("/", "index.html"),
        ("/index.html", "index.html"),
        ("/brostcancer/", "brostcancer/index.html"),
        ("/brostcancer", "brostcancer"),
        ("/brostcancer/utredning/mammografi.html?x=1#a", "brostcancer/utredning/mammografi.html"),
        ("/assets/vardplan.css", "assets/vardplan.css"),
        ("/%61ssets/vardplan.css", "assets/vardplan.css"),
        ("//assets//vardplan.css", "assets/vardplan.css"),
        ("/r%C3%B6ntgen.html", "röntgen.html"),
    ])
    func sitePaths(target: String, path: String) {
        #expect(RequestTarget.resolve(target) == .file(path))
    }

    @Test("traversal and smuggling are refused with 400", arguments: [
        "/../etc/passwd",
        "/a/../../etc/passwd",
        "/..",
        "/./index.html",
        "/%2e%2e/etc/passwd",
        "/%2E%2E/etc/passwd",
        "/.%2e/etc/passwd",
        "/%2e./etc/passwd",
        "/a/%2e%2e/%2e%2e/etc/passwd",
        "/..%2fetc%2fpasswd",
        "/a%2F..%2F..%2Fetc",
        "/..%5cetc",
        "/..\\etc\\passwd",
        "/a\\b",
        "/index.html%00.css",
        "/%",
        "/%zz",
        "/%2",
        "/%c3",
        "index.html",
        "http://evil.example/index.html",
        "*",
    ])
    func refused(target: String) {
        guard case .rejected(let status, _) = RequestTarget.resolve(target) else {
            Issue.record("'\(target)' was accepted as \(RequestTarget.resolve(target))")
            return
        }
        #expect(status == 400)
    }

    @Test("hidden files are not served")
    func hidden() {
        #expect(RequestTarget.resolve("/.vardplan-build") == .rejected(status: 404, reason: "hidden files are not served"))
        #expect(RequestTarget.resolve("/a/.git/config") == .rejected(status: 404, reason: "hidden files are not served"))
    }

    @Test("only the server's own loopback names with its port pass the Host check")
    func hosts() {
        let policy = HostPolicy(port: 1313)
        for host in ["127.0.0.1:1313", "localhost:1313", "LOCALHOST:1313", "[::1]:1313"] { #expect(policy.allows(host), "\(host)") }
        for host in ["evil.example", "evil.example:1313", "127.0.0.1", "localhost:80", "127.0.0.1:13130", "localhost.evil:1313", "", "[::1]"] {
            #expect(!policy.allows(host), "\(host)")
        }
        #expect(!policy.allows(nil))
    }
}
