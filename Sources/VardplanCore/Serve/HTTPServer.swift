import Foundation
import VardplanDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on POSIX sockets for the preview: one thread accepts, a
/// few workers read one request each (within a deadline and size limits), answer
/// and close. Requests for the event stream are handed to `LiveReload`.
///
/// It holds against a bounded flood: connections over `maximumConnections` get a
/// 503 at once, slow clients are cut off after `requestTimeout`, and no request can
/// make it read more than `limits.headBytes`.
public final class HTTPServer: @unchecked Sendable {
    /// What the server does with a request.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        /// Hand the connection to the live-reload streams.
        case eventStream
    }

    public struct Configuration: Sendable {
        /// `127.0.0.1` unless the user asked for another address.
        public var address: String
        /// 0 for any free port (tests).
        public var port: Int
        public var limits: HTTPRequestParser.Limits = .standard
        /// Milliseconds a client has, from being accepted, to send its request head.
        public var requestTimeout: Int = 5000
        public var workers: Int = 8
        /// Connections accepted and waiting or being answered at once.
        public var maximumConnections: Int = 64

        public init(address: String = "127.0.0.1", port: Int) {
            self.address = address
            self.port = port
        }
    }

    /// Why the server could not start (the messages and codes: OutputDiagnostics.swift).
    public struct StartError: Error, CustomStringConvertible {
        public var code: DiagnosticCode
        public var description: String
    }

    private let configuration: Configuration
    private let handle: @Sendable (HTTPRequest) -> Reply
    private let liveReload: LiveReload
    private let generation: @Sendable () -> Int
    private var listener: Int32 = -1
    private let condition = NSCondition()
    private var queue: [(socket: Int32, accepted: Int)] = []
    private var active = 0
    private var running = false
    private var threads: [Thread] = []
    private let finished = DispatchGroup()
    /// The port it listens on (the real one when 0 was asked for).
    public private(set) var port = 0

    public init(configuration: Configuration, liveReload: LiveReload, generation: @escaping @Sendable () -> Int,
                handle: @escaping @Sendable (HTTPRequest) -> Reply) {
        self.configuration = configuration
        self.liveReload = liveReload
        self.generation = generation
        self.handle = handle
    }

    /// Binds, listens and starts the threads.
    public func start() throws(StartError) {
        let isIPv6 = configuration.address.contains(":")
        let socketFD = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { throw .socketUnavailable(reason: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        func bindTo<Address>(_ address: inout Address) -> Int32 {
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<Address>.size)) }
            }
        }
        let parsed: Bool
        let bound: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(configuration.port).bigEndian)
            parsed = inet_pton(AF_INET6, configuration.address, &address.sin6_addr) == 1
            bound = parsed ? bindTo(&address) : -1
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(configuration.port).bigEndian)
            parsed = inet_pton(AF_INET, configuration.address, &address.sin_addr) == 1
            bound = parsed ? bindTo(&address) : -1
        }
        guard parsed else {
            close(socketFD)
            throw .notAnIPAddress(configuration.address)
        }
        guard bound == 0 else {
            let reason = String(cString: strerror(errno))
            close(socketFD)
            throw .cannotListen(address: configuration.address, port: configuration.port, reason: reason)
        }
        guard listen(socketFD, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(socketFD)
            throw .cannotListen(reason: reason)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        port = withUnsafePointer(to: &storage) { pointer -> Int in
            if isIPv6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
        listener = socketFD
        running = true
        spawn { [self] in acceptLoop() }
        for _ in 0..<configuration.workers { spawn { [self] in workerLoop() } }
    }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        finished.enter()
        let thread = Thread { [finished] in
            body()
            finished.leave()
        }
        thread.stackSize = 1 << 20
        threads.append(thread)
        thread.start()
    }

    /// Stops accepting, finishes the threads and closes every connection.
    public func stop() {
        condition.lock()
        guard running else {
            condition.unlock()
            return
        }
        running = false
        condition.broadcast()
        condition.unlock()
        finished.wait()
        close(listener)
        condition.lock()
        for item in queue { close(item.socket) }
        queue = []
        condition.unlock()
        liveReload.closeAll()
    }

    private var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running
    }

    private func acceptLoop() {
        while isRunning {
            var entry = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            condition.lock()
            if active + queue.count >= configuration.maximumConnections {
                condition.unlock()
                _ = SocketIO.writeAll(client, HTTPResponse.plain(503, "too many connections; try again").serialized())
                close(client)
                continue
            }
            queue.append((client, SocketIO.milliseconds()))
            condition.signal()
            condition.unlock()
        }
    }

    private func workerLoop() {
        while true {
            condition.lock()
            while running && queue.isEmpty { condition.wait() }
            guard running else {
                condition.unlock()
                return
            }
            let (client, accepted) = queue.removeFirst()
            active += 1
            condition.unlock()
            let keep = serve(client, deadline: accepted + configuration.requestTimeout)
            if !keep { close(client) }
            condition.lock()
            active -= 1
            condition.unlock()
        }
    }

    /// Reads one request and answers it. Returns true when the connection was handed
    /// over to the event streams.
    private func serve(_ client: Int32, deadline: Int) -> Bool {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            guard SocketIO.waitReadable(client, until: deadline) else {
                _ = SocketIO.writeAll(client, HTTPResponse.plain(408, "the request took too long").serialized())
                return false
            }
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count == 0 { return false }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                return false
            }
            received.append(contentsOf: buffer[0..<count])
            switch HTTPRequestParser.parse(received, limits: configuration.limits) {
            case .incomplete:
                continue
            case .rejected(let status, let reason):
                _ = SocketIO.writeAll(client, HTTPResponse.plain(status, reason).serialized())
                return false
            case .request(let request):
                switch handle(request) {
                case .response(let response):
                    _ = SocketIO.writeAll(client, response.serialized(includeBody: request.method != "HEAD"))
                    shutdown(client, Int32(SHUT_WR))
                    return false
                case .eventStream:
                    if liveReload.add(client, generation: generation()) { return true }
                    _ = SocketIO.writeAll(client, HTTPResponse.plain(503, "too many open pages").serialized())
                    return false
                }
            }
        }
    }
}
