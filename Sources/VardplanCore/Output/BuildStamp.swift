import Foundation

/// What the last build of an output folder was made from, written as
/// `.vardplan-build` at its top: a fingerprint of every input and the size of every
/// file written. When nothing changed and every file is still in place, a build can
/// stop at once ("up to date") instead of rendering the same bytes again.
public struct BuildStamp: Equatable, Sendable {
    public static let fileName = ".vardplan-build"
    /// Changes whenever the way output is made changes.
    public static let formatVersion = "vardplan-build 1"

    public var fingerprint: String
    /// Output paths and byte sizes, sorted by path.
    public var files: [(path: String, size: Int)]

    public static func == (lhs: BuildStamp, rhs: BuildStamp) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.files.map(\.path) == rhs.files.map(\.path)
            && lhs.files.map(\.size) == rhs.files.map(\.size)
    }

    public init(fingerprint: String, files: [OutputFile]) {
        self.fingerprint = fingerprint
        self.files = files.map { ($0.path, $0.bytes.count) }.sorted { $0.0 < $1.0 }
    }

    /// A stamp from output paths and their sizes.
    public init(fingerprint: String, files: [(path: String, size: Int)]) {
        self.fingerprint = fingerprint
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The stamp as a file of the build.
    public var outputFile: OutputFile {
        var text = Self.formatVersion + "\nfingerprint " + fingerprint + "\n"
        for file in files { text += "\(file.size) \(file.path)\n" }
        return OutputFile(path: Self.fileName, text: text)
    }

    /// Reads the stamp of an output folder, if it has a readable one.
    public static func read(outputPath: String) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: outputPath + "/" + fileName) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count >= 2, lines[0] == formatVersion, lines[1].hasPrefix("fingerprint ") else { return nil }
        var files: [(String, Int)] = []
        for line in lines.dropFirst(2) {
            guard let space = line.firstIndex(of: " "), let size = Int(line[..<space]) else { return nil }
            files.append((String(line[line.index(after: space)...]), size))
        }
        return BuildStamp(fingerprint: String(lines[1].dropFirst("fingerprint ".count)), files: files)
    }

    /// Whether every file the stamp lists is still in the folder with its size.
    public func isIntact(outputPath: String) -> Bool {
        for file in files {
            var info = stat()
            guard stat(outputPath + "/" + file.path, &info) == 0, Int(info.st_size) == file.size else { return false }
        }
        return true
    }
}

/// A 64-bit FNV-1a hash over a build's inputs, written as 16 hex digits. Stable across
/// runs and machines (Swift's `Hasher` is seeded per process, so it cannot be used).
public struct InputFingerprint {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: [UInt8]) {
        add(count: bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            var value = hash
            for byte in buffer {
                value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            hash = value
        }
    }

    public mutating func add(_ text: String) {
        add(Array(text.utf8))
    }

    private mutating func add(count: Int) {
        var value = UInt64(count)
        for _ in 0..<8 {
            hash = (hash ^ (value & 0xFF)) &* 0x0000_0100_0000_01B3
            value >>= 8
        }
    }

    public var hex: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
