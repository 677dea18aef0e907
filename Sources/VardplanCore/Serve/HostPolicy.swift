/// Which `Host` headers the preview server answers: only its own loopback names with
/// its port, so a page on another site cannot reach it through DNS rebinding.
public struct HostPolicy: Sendable {
    public var port: Int
    /// Extra host names allowed with an explicit `--bind` address.
    public var extraHosts: [String]

    public init(port: Int, extraHosts: [String] = []) {
        self.port = port
        self.extraHosts = extraHosts
    }

    /// `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT` (and the explicit bind address).
    public func allows(_ host: String?) -> Bool {
        guard let host else { return false }
        let lowered = host.lowercased()
        let names = ["127.0.0.1", "localhost", "[::1]"] + extraHosts
        return names.contains { lowered == "\($0):\(port)" }
    }
}
