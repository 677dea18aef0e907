/// One HTTP/1.x request head as the preview server reads it: method, target, version
/// and headers, in the order they came.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    /// The request target as sent, `/brostcancer/index.html?x=1`.
    public var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    public var headers: [(name: String, value: String)]

    public init(method: String, target: String, version: String, headers: [(name: String, value: String)]) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// The value of the first header with this name, compared without case.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// How many headers carry this name, compared without case.
    public func count(of name: String) -> Int {
        let lowered = name.lowercased()
        return headers.count { $0.name.lowercased() == lowered }
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}
