import Foundation

/// What the last build of an output folder was made from, written as
/// `.vardplan-build` at its top: a fingerprint of every input, one per input file, and
/// the size of every file written with the diagnosis it belongs to. When nothing
/// changed and every file is still in place, a build can stop at once ("up to date");
/// when only some diagnoses' files changed, it renders those and keeps the other
/// diagnoses' pages (`BuildChanges`).
///
/// ```
/// vardplan-build 2
/// fingerprint <16 hex digits: all inputs>
/// settings <16 hex digits: format, date, options>
/// input <16 hex digits> content/<path>        one line per input file
/// <size> <owner> <path>                       one line per output file; owner is a
///                                             diagnosis id, or - for shared pages
/// ```
public struct BuildStamp: Equatable, Sendable {
    public static let fileName = ".vardplan-build"
    /// Changes whenever the way output is made changes.
    public static let formatVersion = "vardplan-build 2"
    /// The owner of pages that belong to no single diagnosis.
    public static let sharedOwner = "-"

    public var fingerprint: String
    /// The fingerprint of what is not a file: format, date and options.
    public var settings: String
    /// The fingerprint of each input file, by `content/…` or `templates/…` path.
    public var inputs: [String: String]
    /// Output paths and byte sizes, sorted by path.
    public var files: [(path: String, size: Int)]
    /// The diagnosis each output path belongs to (paths of shared pages are absent).
    public var owners: [String: String]

    public static func == (lhs: BuildStamp, rhs: BuildStamp) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.files.map(\.path) == rhs.files.map(\.path)
            && lhs.files.map(\.size) == rhs.files.map(\.size) && lhs.settings == rhs.settings
            && lhs.inputs == rhs.inputs && lhs.owners == rhs.owners
    }

    public init(fingerprint: String, files: [OutputFile]) {
        self.init(fingerprint: fingerprint, files: files.map { ($0.path, $0.bytes.count) })
    }

    /// A stamp from output paths and their sizes.
    public init(fingerprint: String, settings: String = "", inputs: [String: String] = [:],
                files: [(path: String, size: Int)], owners: [String: String] = [:]) {
        self.fingerprint = fingerprint
        self.settings = settings
        self.inputs = inputs
        self.files = files.sorted { $0.path < $1.path }
        self.owners = owners
    }

    /// The output paths that belong to the diagnosis `id`, with their sizes.
    public func files(of id: String) -> [(path: String, size: Int)] {
        files.filter { owners[$0.path] == id }
    }

    /// The stamp as a file of the build.
    public var outputFile: OutputFile {
        var text = Self.formatVersion + "\nfingerprint " + fingerprint + "\nsettings " + settings + "\n"
        for (path, digest) in inputs.sorted(by: { $0.key < $1.key }) { text += "input \(digest) \(path)\n" }
        for file in files { text += "\(file.size) \(owners[file.path] ?? Self.sharedOwner) \(file.path)\n" }
        return OutputFile(path: Self.fileName, text: text)
    }

    /// Reads the stamp of an output folder, if it has a readable one.
    public static func read(outputPath: String) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: outputPath + "/" + fileName) else { return nil }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// A stamp from its text; nil when it is not one of this format.
    public static func parse(_ text: String) -> BuildStamp? {
        let lines = text.split(separator: "\n")
        guard lines.count >= 3, lines[0] == formatVersion, lines[1].hasPrefix("fingerprint "),
              lines[2].hasPrefix("settings ") else { return nil }
        var inputs: [String: String] = [:]
        var files: [(String, Int)] = []
        var owners: [String: String] = [:]
        for line in lines.dropFirst(3) {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            if parts[0] == "input" {
                inputs[String(parts[2])] = String(parts[1])
                continue
            }
            guard let size = Int(parts[0]) else { return nil }
            let path = String(parts[2])
            files.append((path, size))
            if parts[1] != sharedOwner { owners[path] = String(parts[1]) }
        }
        return BuildStamp(fingerprint: String(lines[1].dropFirst("fingerprint ".count)),
                          settings: String(lines[2].dropFirst("settings ".count)),
                          inputs: inputs, files: files, owners: owners)
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
