import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The open `/__vardplan/events` streams (server-sent events): each gets the site's
/// generation at once and again after every rebuild; the page's script reloads when
/// the generation differs from the one it was served with.
public final class LiveReload: @unchecked Sendable {
    /// The path the reload script listens on.
    public static let eventsPath = "/__vardplan/events"
    private let lock = NSLock()
    private var clients: [Int32] = []
    private let maximumClients: Int

    public init(maximumClients: Int = 64) {
        self.maximumClients = maximumClients
    }

    /// The script added to served HTML pages, never to `build` output.
    public static func script(generation: Int) -> String {
        """
        <script>(function(){var g="\(generation)";var s=new EventSource("\(eventsPath)");\
        s.addEventListener("reload",function(e){if(e.data!==g){location.reload();}});})();</script>
        """
    }

    /// Adds the script before `</body>` (or at the end).
    public static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(script(generation: generation).utf8)
        let marker = Array("</body>".utf8)
        var index = html.count - marker.count
        while index >= 0 {
            if html[index] == 0x3C, Array(html[index..<(index + marker.count)]) == marker {
                return Array(html[..<index]) + script + Array(html[index...])
            }
            index -= 1
        }
        return html + script
    }

    /// Takes over a connection whose request asked for the stream: sends the response
    /// head and the current generation. Returns false (and the caller closes it) when
    /// there are too many streams.
    public func add(_ socket: Int32, generation: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard clients.count < maximumClients else { return false }
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
            + "Connection: keep-alive\r\nX-Content-Type-Options: nosniff\r\n\r\nretry: 500\n\n"
        guard SocketIO.writeAll(socket, Array(head.utf8) + Self.event(generation)) else { return false }
        clients.append(socket)
        return true
    }

    /// Tells every open page the new generation; drops streams that are gone.
    public func broadcast(generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        let event = Self.event(generation)
        clients = clients.filter { socket in
            if SocketIO.writeAll(socket, event) { return true }
            close(socket)
            return false
        }
    }

    /// Sends a comment to every stream, so dead ones are noticed and dropped.
    public func ping() {
        lock.lock()
        defer { lock.unlock() }
        clients = clients.filter { socket in
            if SocketIO.writeAll(socket, Array(": ping\n\n".utf8)) { return true }
            close(socket)
            return false
        }
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    /// Closes every stream.
    public func closeAll() {
        lock.lock()
        defer { lock.unlock() }
        for socket in clients { close(socket) }
        clients = []
    }

    static func event(_ generation: Int) -> [UInt8] {
        Array("event: reload\ndata: \(generation)\n\n".utf8)
    }
}
