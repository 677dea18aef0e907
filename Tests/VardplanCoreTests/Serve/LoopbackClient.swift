import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP client on loopback for the server tests: sends exactly the bytes given
/// and reads until the server closes, within a deadline.
struct LoopbackClient {
    let port: Int

    /// Opens a connection to 127.0.0.1:port; -1 on failure.
    func connect() -> Int32 {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            close(socketFD)
            return -1
        }
        return socketFD
    }

    func send(_ socket: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes or `seconds` pass.
    func readAll(_ socket: Int32, seconds: Double = 10) -> [UInt8] {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return received
    }

    /// Reads until `text` has arrived (for an event stream) or `seconds` pass.
    func read(_ socket: Int32, until text: String, seconds: Double = 20, into received: inout String) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if received.contains(text) { return true }
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return received.contains(text) }
            received += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return received.contains(text)
    }

    /// One raw request, the whole answer.
    func exchange(_ request: String) -> Response {
        let socket = connect()
        defer { close(socket) }
        send(socket, Array(request.utf8))
        return Response(readAll(socket))
    }

    /// `GET path` with the right Host header.
    func get(_ path: String, host: String? = nil) -> Response {
        exchange("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\r\n")
    }

    struct Response {
        var status: Int
        var head: String
        var body: String

        init(_ bytes: [UInt8]) {
            let text = String(decoding: bytes, as: UTF8.self)
            let parts = text.components(separatedBy: "\r\n\r\n")
            head = parts.first ?? ""
            body = parts.dropFirst().joined(separator: "\r\n\r\n")
            status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
    }
}
