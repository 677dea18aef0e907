@testable import VardplanCore
@testable import VardplanDiagnostics

// Shared by every fuzz target: compiled into the module VardplanFuzz, over the package's
// library targets (see Fuzz/build.py). Not part of the Swift package.

/// The fuzzer's bytes as a `SourceFile` named `path`.
func fuzzSourceFile(_ data: UnsafePointer<UInt8>?, _ size: Int, path: String) -> SourceFile {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    return SourceFile(path: path, bytes: bytes)
}

/// Formats every diagnostic as the CLI prints it and checks the invariant every message
/// promises: a location that names the file at a line and column that exist (a line may be
/// one past the last, for "unexpected end of file"). A violation traps, so libFuzzer keeps
/// the input.
func checkDiagnostics(_ diagnostics: Diagnostics, in file: SourceFile) {
    _ = DiagnosticFormatter.format(diagnostics)
    for diagnostic in diagnostics.all {
        precondition(!diagnostic.message.isEmpty, "a diagnostic without a message")
        guard let location = diagnostic.location, location.path == file.path else { continue }
        let position = location.position
        precondition(position.line >= 1 && position.line <= file.lineCount + 1,
                     "diagnostic line \(position.line) outside 1...\(file.lineCount + 1): \(diagnostic.message)")
        precondition(position.column >= 1, "diagnostic column \(position.column) < 1: \(diagnostic.message)")
    }
}

/// Checks that HTML made from untrusted text holds no active content: no element that
/// runs or embeds anything, and no address attribute (`href`, `src`, …) whose value is a
/// `javascript:` or `vbscript:` address (browsers skip leading white space and control
/// characters in an address). Text attributes such as `title` or `alt` may say anything:
/// `[a](/url 'javascript: title')` is a harmless tooltip.
/// `trusted` counts the elements that the trusted template itself may write.
func checkNoActiveContent(_ html: String, trusted: [String: Int] = [:], what: String) {
    let lowered = Array(html.lowercased().utf8)
    for element in activeElements {
        let limit = trusted[element, default: 0]
        precondition(occurrences(of: element, in: lowered) <= limit, "\(what): more than \(limit) '\(element)' in the HTML")
    }
    var index = 0
    while index + 1 < lowered.count {
        defer { index += 1 }
        guard lowered[index] == UInt8(ascii: "="), lowered[index + 1] == UInt8(ascii: "\"") else { continue }
        var nameStart = index
        while nameStart > 0, isAttributeNameByte(lowered[nameStart - 1]) { nameStart -= 1 }
        guard addressAttributes.contains(String(decoding: lowered[nameStart..<index], as: UTF8.self)) else { continue }
        var start = index + 2
        while start < lowered.count, lowered[start] <= 0x20 { start += 1 }
        for scheme in ["javascript:", "vbscript:"] where lowered[start...].starts(with: scheme.utf8) {
            preconditionFailure("\(what): an attribute with a '\(scheme)' address")
        }
    }
}

/// Attributes whose value is an address a browser follows or loads.
let addressAttributes: Set<String> = ["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data",
                                       "background", "cite", "ping"]

func isAttributeNameByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
}

/// Elements that run, embed or restyle anything, or redirect addresses.
let activeElements = ["<script", "<iframe", "<object", "<embed", "<style", "<base", "<meta", "<link", "<form"]

/// How often each of `activeElements` occurs in trusted template sources.
func activeElementCounts(in sources: [SourceFile]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for source in sources {
        let lowered = Array(String(decoding: source.bytes, as: UTF8.self).lowercased().utf8)
        for element in activeElements { counts[element, default: 0] += occurrences(of: element, in: lowered) }
    }
    return counts
}

func occurrences(of needle: String, in haystack: [UInt8]) -> Int {
    let pattern = Array(needle.utf8)
    var count = 0
    var index = 0
    while index + pattern.count <= haystack.count {
        if haystack[index] == pattern[0], haystack[index..<(index + pattern.count)].elementsEqual(pattern) { count += 1 }
        index += 1
    }
    return count
}
