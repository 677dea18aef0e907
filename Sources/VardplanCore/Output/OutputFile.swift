/// One file of a build, rendered in memory before anything is written.
public struct OutputFile: Sendable, Equatable {
    /// Path relative to the output folder, with `/` separators.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
