import Foundation
import Testing
@testable import VardplanCore
#if canImport(Glibc)
import Glibc
#endif

/// `vardplan serve` on loopback: a real server on an ephemeral port over a temporary
/// copy of the fixture site, edited as an editor would.
@Suite("Preview server on loopback", .serialized)
final class PreviewServerTests {
    let folder: String
    let step = "/content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md"
    let stepPage = "/testcancer/utredning/datortomografi.html"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder + "/content")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: folder + "/templates")
        try FileManager.default.copyItem(atPath: Fixtures.manifests + "/treatment.yaml", toPath: folder + "/plan.yaml")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    private func start(manifest: String? = nil, timeout: Int = 5000, polling: Bool = false) throws -> (PreviewServer, LoopbackClient) {
        let settings = PreviewBuilder.Settings(content: folder + "/content", templates: folder + "/templates",
                                               today: Fixtures.today, manifest: manifest.map { folder + "/" + $0 })
        var configuration = HTTPServer.Configuration(port: 0)
        configuration.requestTimeout = timeout
        let server = PreviewServer(settings: settings, server: configuration, pollMilliseconds: 20, polling: polling) { _ in }
        try server.start()
        return (server, LoopbackClient(port: server.port))
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = URL(fileURLWithPath: folder + path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try change(text).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("pages are served from memory with the reload script; build output never has it")
    func servesPages() throws {
        let (server, client) = try start()
        defer { server.stop() }
        let page = client.get(stepPage)
        #expect(page.status == 200)
        #expect(page.head.contains("Content-Type: text/html; charset=utf-8"))
        #expect(page.body.contains("Datortomografi"))
        #expect(page.body.contains("new EventSource(\"/__vardplan/events\")"))
        #expect(client.get("/").status == 200)
        #expect(client.get("/assets/vardplan.css").head.contains("text/css"))
        let folderWithoutSlash = client.get("/testcancer")
        #expect(folderWithoutSlash.status == 301)
        #expect(folderWithoutSlash.head.contains("Location: /testcancer/"))
        #expect(client.get("/nothing-here.html").status == 404)
        let head = client.exchange("HEAD \(stepPage) HTTP/1.1\r\nHost: localhost:\(client.port)\r\n\r\n")
        #expect(head.status == 200 && head.body.isEmpty)

        let built = SiteBuild.run(content: DiskFileSystem(root: folder + "/content"), contentDisplay: "content",
                                  templates: DiskFileSystem(root: folder + "/templates"), templatesDisplay: "templates",
                                  today: Fixtures.today, options: .init())
        #expect(!built.files.isEmpty)
        #expect(built.files.allSatisfy { !String(decoding: $0.bytes, as: UTF8.self).contains("__vardplan") })
    }

    @Test("saving a step sends a reload event and the page has the new text (watching with inotify, and polling)",
          arguments: [false, true])
    func reloadAfterEdit(polling: Bool) throws {
        let (server, client) = try start(polling: polling)
        #if os(Linux)
        #expect(server.watching == (polling ? "polling every 20 ms" : "inotify"))
        #endif
        defer { server.stop() }
        let events = client.connect()
        defer { close(events) }
        client.send(events, Array("GET /__vardplan/events HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\n\r\n".utf8))
        var stream = ""
        #expect(client.read(events, until: "data: 1\n\n", into: &stream))
        #expect(stream.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"))

        try edit(step) { $0.replacingOccurrences(of: "tas många röntgenbilder", with: "tas väldigt många röntgenbilder") }
        #expect(client.read(events, until: "event: reload\ndata: 2\n\n", into: &stream))
        #expect(client.get(stepPage).body.contains("tas väldigt många röntgenbilder"))
        // Only the diagnosis was rebuilt: the start page is still served.
        #expect(client.get("/").status == 200)
    }

    @Test("broken front matter shows the diagnostics on every page; fixing it brings the site back")
    func errorPage() throws {
        let (server, client) = try start()
        defer { server.stop() }
        let events = client.connect()
        defer { close(events) }
        client.send(events, Array("GET /__vardplan/events HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\n\r\n".utf8))
        var stream = ""
        #expect(client.read(events, until: "data: 1\n\n", into: &stream))

        try edit(step) { $0.replacingOccurrences(of: "title: Datortomografi – DT", with: "title: Datortomografi – DT\nvisibel<b>: true") }
        #expect(client.read(events, until: "data: 2\n\n", into: &stream))
        for path in [stepPage, "/", "/testcancer/"] {
            let page = client.get(path)
            #expect(page.body.contains("1 fel i innehållet"), "\(path)")
            #expect(page.body.contains("<code>\(folder)/content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md:3:1</code>"), "\(path)")
            #expect(page.body.contains("unknown key 'visibel&lt;b&gt;'") && !page.body.contains("visibel<b>"), "\(path)")
            #expect(page.body.contains("__vardplan/events"))
        }

        try edit(step) { $0.replacingOccurrences(of: "\nvisibel<b>: true", with: "") }
        #expect(client.read(events, until: "data: 3\n\n", into: &stream))
        let page = client.get(stepPage)
        #expect(page.body.contains("Datortomografi – DT"))
        #expect(!page.body.contains("i innehållet</h1>"))
    }

    @Test("--manifest shows only current modules and visible steps, with the nurse's comments in place, escaped")
    func manifestPreview() throws {
        let (server, client) = try start(manifest: "plan.yaml")
        defer { server.stop() }
        // utredning is avklarad, aterbesok hidden; behandling and uppfoljning aktuell.
        #expect(client.get("/testcancer/utredning/datortomografi.html").status == 404)
        #expect(client.get("/testcancer/uppfoljning/aterbesok.html").status == 404)
        let step = client.get("/testcancer/behandling/cytostatika.html")
        #expect(step.status == 200)
        #expect(step.body.contains("Min behandlingsplan"))
        #expect(step.body.contains("Ring oss om du är osäker: &quot;hellre en gång för mycket&quot;."))
        let module = client.get("/testcancer/behandling/")
        #expect(module.body.contains("Vi har gått igenom behandlingen tillsammans."))
        let start = client.get("/testcancer/")
        #expect(!start.body.contains("utredning/index.html"))
    }

    @Test("a foreign Host header is refused with 421 (DNS rebinding)")
    func foreignHost() throws {
        let (server, client) = try start()
        defer { server.stop() }
        for host in ["evil.example", "evil.example:\(client.port)", "127.0.0.1:1", "localhost"] {
            #expect(client.get("/", host: host).status == 421, "\(host)")
        }
        #expect(client.exchange("GET / HTTP/1.0\r\n\r\n").status == 421)
        #expect(client.get("/", host: "localhost:\(client.port)").status == 200)
        #expect(client.get("/", host: "[::1]:\(client.port)").status == 200)
    }

    @Test("an oversized request head gets 431; too many headers 431; POST 405")
    func oversized() throws {
        let (server, client) = try start()
        defer { server.stop() }
        let big = client.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\nX-Fill: " + String(repeating: "a", count: 20000) + "\r\n\r\n")
        #expect(big.status == 431)
        let many = (0..<150).map { "X-\($0): 1\r\n" }.joined()
        #expect(client.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\n\(many)\r\n").status == 431)
        #expect(client.exchange("POST / HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\nContent-Length: 0\r\n\r\n").status == 405)
    }

    @Test("path traversal, plain and encoded, never leaves the site")
    func traversal() throws {
        let (server, client) = try start()
        defer { server.stop() }
        for target in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2E%2E%5Cetc",
                       "/testcancer/..%2F..%2Fcontent/site.yaml", "/..\\..\\etc\\passwd", "/index.html%00"] {
            let response = client.get(target)
            #expect(response.status == 400, "\(target)")
            #expect(!response.body.contains("root:"))
        }
        #expect(client.get("/.vardplan-build").status == 404)
        #expect(client.get("/../content/site.yaml").status == 400)
    }

    @Test("a slow client is cut off after the timeout with 408")
    func slowClient() throws {
        let (server, client) = try start(timeout: 500)
        defer { server.stop() }
        let socket = client.connect()
        defer { close(socket) }
        client.send(socket, Array("GET / HTTP/1.1\r\n".utf8))
        let started = Date()
        let answer = LoopbackClient.Response(client.readAll(socket, seconds: 5))
        #expect(answer.status == 408)
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test("a flood of 200 concurrent connections with garbage ends, and the server still answers")
    func flood() throws {
        let (server, client) = try start(timeout: 1000)
        defer { server.stop() }
        var generator = SplitMix64(seed: 200)
        var sockets: [Int32] = []
        let started = Date()
        for index in 0..<200 {
            let socket = client.connect()
            guard socket >= 0 else { continue }
            sockets.append(socket)
            let count = Int.random(in: 0...3000, using: &generator)
            var garbage = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            switch index % 4 {
            case 0: garbage += Array("\r\n\r\n".utf8)
            case 1: garbage = Array("GET /\(String(repeating: "../", count: 50))etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
            case 2: break  // silent or partial: the timeout ends it
            default: garbage = Array(String(repeating: "X-A: b\r\n", count: 2000).utf8)
            }
            client.send(socket, garbage)
        }
        var answered = 0
        for socket in sockets {
            let bytes = client.readAll(socket, seconds: 10)
            if bytes.starts(with: Array("HTTP/1.1 ".utf8)) { answered += 1 }
            close(socket)
        }
        #expect(sockets.count == 200)
        #expect(answered > 0)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(client.get(stepPage).status == 200)
    }
}
