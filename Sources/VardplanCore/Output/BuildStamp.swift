import Foundation
import VardplanSystem

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
/// input <16 hex digits> content/<path>        one line per input file; a step file
///                                             whose body a build reads apart:
///                                             <16 hex>+<16 hex of its front matter>
/// <size> <owner> <path>                       one line per output file; owner is a
///                                             diagnosis id, or - for shared pages
/// ```
public struct BuildStamp: Equatable, Sendable {
    public static let fileName = ".vardplan-build"
    /// Changes whenever the way output is made changes.
    public static let formatVersion = "vardplan-build 2"
    /// The format before per-file fingerprints: still read, so that its folders can
    /// be replaced without `--force`.
    static let previousFormatVersion = "vardplan-build 1"
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
    /// Written straight into bytes of the exact size: a line per input and per page
    /// (86 000, 12 MB at 100 diagnoses), and grown as text and then copied it held
    /// three times that at the end of a build.
    public var outputFile: OutputFile {
        Self.outputFile(fingerprint: fingerprint, settings: settings, inputs: inputs,
                        sortedFiles: files.map { ($0.path, $0.size, owners[$0.path]) })
    }

    /// The stamp's file for a build's pages, each with the diagnosis it belongs to (nil:
    /// a shared page): the bytes of `BuildStamp(…, files:, owners:).outputFile` without
    /// making the stamp, whose copy of the pages and dictionary of owners (≈ 7 MB at
    /// 100 diagnoses) would come on top of the build's own at its end.
    public static func outputFile(fingerprint: String, settings: String, inputs: [String: String],
                                  files: consuming [(path: String, size: Int, owner: String?)]) -> OutputFile {
        files.sort { $0.path < $1.path }
        return outputFile(fingerprint: fingerprint, settings: settings, inputs: inputs, sortedFiles: files)
    }

    private static func outputFile(fingerprint: String, settings: String, inputs: [String: String],
                                   sortedFiles files: [(path: String, size: Int, owner: String?)]) -> OutputFile {
        let header = formatVersion + "\nfingerprint " + fingerprint + "\nsettings " + settings + "\n"
        let sortedInputs = inputs.sorted(by: { $0.key < $1.key })
        var size = header.utf8.count
        for (path, digest) in sortedInputs { size += 8 + digest.utf8.count + path.utf8.count }
        for file in files {
            size += 3 + String(file.size).utf8.count + (file.owner ?? sharedOwner).utf8.count + file.path.utf8.count
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        bytes.append(contentsOf: header.utf8)
        for (path, digest) in sortedInputs {
            bytes.append(contentsOf: "input ".utf8)
            bytes.append(contentsOf: digest.utf8)
            bytes.append(0x20)
            bytes.append(contentsOf: path.utf8)
            bytes.append(0x0A)
        }
        for file in files {
            bytes.append(contentsOf: String(file.size).utf8)
            bytes.append(0x20)
            bytes.append(contentsOf: (file.owner ?? sharedOwner).utf8)
            bytes.append(0x20)
            bytes.append(contentsOf: file.path.utf8)
            bytes.append(0x0A)
        }
        return OutputFile(path: fileName, bytes: bytes)
    }

    /// Reads the stamp of an output folder, if it has a readable one.
    public static func read(outputPath: String) -> BuildStamp? {
        guard let bytes = FileIO.read(outputPath + "/" + fileName) else { return nil }
        return parse(bytes)
    }

    /// A stamp from its text; nil when it is not one of this format.
    public static func parse(_ text: String) -> BuildStamp? {
        parse(Array(text.utf8))
    }

    /// A stamp from its bytes; nil when it is not one of this format. Works on bytes:
    /// a stamp has a line per input and per page (20 000 at 25 diagnoses), and it is
    /// read at the start and the end of every build.
    public static func parse(_ bytes: [UInt8]) -> BuildStamp? {
        bytes.withUnsafeBufferPointer { buffer -> BuildStamp? in
            var lines: [Range<Int>] = []
            var start = 0
            for index in 0..<buffer.count where buffer[index] == 0x0A {
                if index > start { lines.append(start..<index) }
                start = index + 1
            }
            if start < buffer.count { lines.append(start..<buffer.count) }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
            func field(_ line: Range<Int>, _ prefix: String) -> String? {
                let whole = text(line)
                return whole.hasPrefix(prefix) ? String(whole.dropFirst(prefix.count)) : nil
            }
            if lines.count >= 2, text(lines[0]) == previousFormatVersion, let fingerprint = field(lines[1], "fingerprint ") {
                // A stamp of the previous format: its pages (so the folder is still
                // known as a build's), no inputs (so the next build renders everything).
                var files: [(String, Int)] = []
                for line in lines.dropFirst(2) {
                    guard let space = buffer[line].firstIndex(of: 0x20), let size = Int(text(line.lowerBound..<space))
                    else { return nil }
                    files.append((text((space + 1)..<line.upperBound), size))
                }
                return BuildStamp(fingerprint: fingerprint, files: files)
            }
            guard lines.count >= 3, text(lines[0]) == formatVersion, let fingerprint = field(lines[1], "fingerprint "),
                  let settings = field(lines[2], "settings ") else { return nil }
            var inputs: [String: String] = [:]
            var files: [(String, Int)] = []
            var owners: [String: String] = [:]
            // Room for every line in each: growing a table of 23 000 paths hashed them all again at each doubling.
            files.reserveCapacity(lines.count)
            inputs.reserveCapacity(lines.count)
            owners.reserveCapacity(lines.count)
            for line in lines.dropFirst(3) {
                // Three fields: the first two end at the first two spaces, the path is the rest.
                guard let first = buffer[line].firstIndex(of: 0x20),
                      let second = buffer[(first + 1)..<line.upperBound].firstIndex(of: 0x20) else { return nil }
                let head = first - line.lowerBound
                let middle = text((first + 1)..<second), path = text((second + 1)..<line.upperBound)
                if head == 5, text(line.lowerBound..<first) == "input" {
                    inputs[path] = middle
                    continue
                }
                var size = 0
                for index in line.lowerBound..<first {
                    let digit = Int(buffer[index]) - 0x30
                    guard (0...9).contains(digit), size < Int.max / 20 else { return nil }
                    size = size * 10 + digit
                }
                guard head > 0 else { return nil }
                files.append((path, size))
                if middle != sharedOwner { owners[path] = middle }
            }
            return BuildStamp(fingerprint: fingerprint, settings: settings, inputs: inputs, files: files, owners: owners)
        }
    }

    /// Output paths and sizes grouped by the diagnosis they belong to.
    public var filesByOwner: [String: [(path: String, size: Int)]] {
        var groups: [String: [(path: String, size: Int)]] = [:]
        for file in files {
            if let owner = owners[file.path] { groups[owner, default: []].append(file) }
        }
        return groups
    }

    /// Whether every file the stamp lists is still in the folder with its size.
    /// Folder by folder, on every core: each file looked up in its folder, opened once.
    public func isIntact(outputPath: String) -> Bool {
        let intact = ParallelMap.map(Array(filesByFolder), minimumCount: 2) { folder, files -> Bool in
            Self.folder(folder.isEmpty ? outputPath : outputPath + "/" + folder, holds: files)
        }
        return !intact.contains(false)
    }

    /// The listed files by folder (`""`: the top), each name with its size. A name
    /// listed twice with two sizes gets size -1, which no file has: it is not intact.
    var filesByFolder: [String: [String: Int]] {
        var byFolder: [String: [String: Int]] = [:]
        for file in files {
            let split = file.path.folderAndName
            let folder = split.map { String($0.folder) } ?? ""
            let name = split.map { String($0.name) } ?? file.path
            if let listed = byFolder[folder, default: [:]].updateValue(file.size, forKey: name), listed != file.size {
                byFolder[folder]?[name] = -1
            }
        }
        return byFolder
    }

    /// Whether the folder at `path` holds each of `files` (names, sizes) with its size.
    static func folder(_ path: String, holds files: [String: Int]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        return files.allSatisfy { fstatat(descriptor, $0.key, &info, 0) == 0 && Int(info.st_size) == $0.value }
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

    /// Adds `bytes` eight at a time (little-endian words: each xored in, multiplied by
    /// FNV's prime, its high bits folded down), about six times the speed of `add` on
    /// a whole file. It gives other values than `add`: for fingerprints compared only
    /// with those of other builds (a file's in the stamp), never for values kept in
    /// content such as `source_hash`. Each step is a bijection of the state, so two
    /// inputs of the same length that differ in one word never collide.
    public mutating func addWords(_ bytes: [UInt8]) {
        add(count: bytes.count)
        bytes.withUnsafeBytes { buffer in
            var (value, offset) = Self.mixWords(buffer, into: hash)
            if offset < buffer.count {
                var word: UInt64 = 0
                for index in offset..<buffer.count { word |= UInt64(buffer[index]) << (8 * UInt64(index - offset)) }
                value = Self.mix(word, into: value)
            }
            hash = value
        }
    }

    /// Mixes every whole 8-byte little-endian word of `buffer` into `hash` (`mix`);
    /// returns the hash and the offset of the bytes left over (fewer than eight). Shared
    /// with the content index's checksum (`ContentIndex.checksum`).
    static func mixWords(_ buffer: UnsafeRawBufferPointer, into hash: UInt64) -> (hash: UInt64, end: Int) {
        var value = hash
        var offset = 0
        while offset + 8 <= buffer.count {
            value = mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), into: value)
            offset += 8
        }
        return (value, offset)
    }

    /// One step: the word xored in, multiplied by FNV's prime, the high bits folded down.
    @inline(__always)
    static func mix(_ word: UInt64, into hash: UInt64) -> UInt64 {
        let value = (hash ^ word) &* 0x0000_0100_0000_01B3
        return value ^ (value >> 29)
    }

    private mutating func add(count: Int) {
        var value = UInt64(count)
        for _ in 0..<8 {
            hash = (hash ^ (value & 0xFF)) &* 0x0000_0100_0000_01B3
            value >>= 8
        }
    }

    public var hex: String { Self.hex(hash) }

    /// The hash so far.
    public var value: UInt64 { hash }

    /// A hash as 16 hex digits.
    public static func hex(_ value: UInt64) -> String {
        // Written digit by digit into the string's own storage: `String(_:radix:)` and
        // padding made three strings per file fingerprint (10 000 per build at 25 diagnoses).
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return 16
        }
    }
}
