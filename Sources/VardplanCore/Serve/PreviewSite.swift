import Foundation
import VardplanDiagnostics

/// The site as the preview serves it, held in memory and swapped whole after each
/// rebuild: the pages, the diagnostics, and a generation number that grows with
/// every rebuild. Safe to read from the server's threads while a rebuild runs.
public final class PreviewSite: @unchecked Sendable {
    /// One consistent state.
    public struct Snapshot: Sendable {
        public var pages: [String: [UInt8]]
        public var diagnostics: Diagnostics
        public var generation: Int
    }

    private let lock = NSLock()
    private var current = Snapshot(pages: [:], diagnostics: Diagnostics(), generation: 0)

    public init() {}

    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public var generation: Int { snapshot.generation }

    /// Replaces the pages (nil keeps the last good ones, for assets while there are
    /// errors) and the diagnostics; returns the new generation.
    @discardableResult
    public func update(pages: [String: [UInt8]]?, diagnostics: Diagnostics) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let pages { current.pages = pages }
        current.diagnostics = diagnostics
        current.generation += 1
        return current.generation
    }

    /// The answer to a request: a page (HTML with the reload script), the error page
    /// while there are errors, a redirect from a folder without its slash, or 404.
    public func respond(to request: HTTPRequest) -> HTTPServer.Reply {
        let snapshot = self.snapshot
        let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.target
        if path == LiveReload.eventsPath { return .eventStream }
        let resolved: String
        switch RequestTarget.resolve(request.target) {
        case .rejected(let status, let reason): return .response(.plain(status, reason))
        case .file(let file): resolved = file
        }
        let isHTML = resolved.hasSuffix(".html")
        if snapshot.diagnostics.hasErrors, isHTML || snapshot.pages[resolved] == nil && snapshot.pages[resolved + "/index.html"] != nil {
            let page = LiveReload.inject(into: Array(ErrorPage.html(snapshot.diagnostics).utf8), generation: snapshot.generation)
            return .response(HTTPResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: page))
        }
        if let bytes = snapshot.pages[resolved] {
            let body = isHTML ? LiveReload.inject(into: bytes, generation: snapshot.generation) : bytes
            return .response(HTTPResponse(status: 200, headers: [("Content-Type", HTTPResponse.contentType(for: resolved))], body: body))
        }
        if !resolved.isEmpty, snapshot.pages[resolved + "/index.html"] != nil {
            // A folder without its slash: relative links need the slash.
            return .response(HTTPResponse(status: 301, headers: [("Location", "/" + resolved + "/")]))
        }
        var notFound = snapshot.pages[SitePaths.notFound].map { LiveReload.inject(into: $0, generation: snapshot.generation) }
            ?? Array("not found\n".utf8)
        if notFound.isEmpty { notFound = Array("not found\n".utf8) }
        return .response(HTTPResponse(status: 404, headers: [("Content-Type", "text/html; charset=utf-8")], body: notFound))
    }
}
