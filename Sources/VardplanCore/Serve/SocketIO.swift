#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing a socket with `poll` and a deadline, never blocking for ever.
enum SocketIO {
    /// Milliseconds on a monotonic clock.
    static func milliseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }

    /// Waits until the socket is readable or the deadline (monotonic ms) passes.
    static func waitReadable(_ socket: Int32, until deadline: Int) -> Bool {
        while true {
            let remaining = deadline - milliseconds()
            if remaining <= 0 { return false }
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min(remaining, 1000)))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return false }
        }
    }

    /// Writes every byte, waiting at most 2 s for a slow reader; false on failure.
    static func writeAll(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        let deadline = milliseconds() + 2000
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                send(socket, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if written > 0 {
                offset += written
                continue
            }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                let remaining = deadline - milliseconds()
                if remaining <= 0 { return false }
                var entry = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, Int32(remaining))
                continue
            }
            return false
        }
        return true
    }
}

