import Foundation
import Testing
@testable import VardplanCore

/// Golden-file comparison: whole files, byte for byte, against a folder under
/// `Tests/VardplanCoreTests/Fixtures/golden`.
///
/// `VARDPLAN_RECORD=1 swift test --filter …` re-records the folder and then fails the test
/// ("re-recorded N files; run again without VARDPLAN_RECORD"), so a recording run can never
/// pass; run the tests again without it to see them pass. A mismatch prints a line diff of
/// the first differing file.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["VARDPLAN_RECORD"] == "1" }

    /// Compares `files` with the golden folder `name` (or re-records it): every problem is a
    /// test issue at the caller's line.
    static func check(
        _ files: [OutputFile], folder name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let problems = compare(files, folder: Fixtures.golden + "/" + name, label: name, recording: recording)
        for problem in problems {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }

    /// The comparison itself, without the test framework: the problems found, empty when the
    /// folder holds exactly `files`. With `recording`, the folder is replaced by `files` first
    /// and the one problem is that it was re-recorded.
    static func compare(_ files: [OutputFile], folder: String, label: String, recording: Bool) -> [String] {
        let manager = FileManager.default
        if recording {
            try? manager.removeItem(atPath: folder)
            var unwritten: [String] = []
            for file in files {
                let path = folder + "/" + file.path
                try? manager.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if !manager.createFile(atPath: path, contents: Data(file.bytes)) { unwritten.append(path) }
            }
            if !unwritten.isEmpty {
                return ["could not record \(unwritten.count) golden file(s) in \(label): " + unwritten.joined(separator: ", ")]
            }
            return [
                "re-recorded \(files.count) file\(files.count == 1 ? "" : "s") in \(label); "
                    + "run again without VARDPLAN_RECORD"
            ]
        }
        var problems: [String] = []
        let expected = goldenPaths(in: folder)
        let actual = files.map(\.path).sorted()
        if actual != expected {
            let missing = expected.filter { !actual.contains($0) }
            let extra = actual.filter { !expected.contains($0) }
            var message = "the set of files differs from \(label); run with VARDPLAN_RECORD=1 to re-record"
            if !missing.isEmpty { message += "\n  not made (in the golden folder): " + missing.joined(separator: ", ") }
            if !extra.isEmpty { message += "\n  made (not in the golden folder): " + extra.joined(separator: ", ") }
            problems.append(message)
        }
        var diffShown = false
        for file in files {
            guard let golden = manager.contents(atPath: folder + "/" + file.path).map({ [UInt8]($0) }),
                golden != file.bytes
            else { continue }
            var message = "\(label)/\(file.path) differs from its golden file"
            if !diffShown {
                diffShown = true
                message +=
                    "\n"
                    + lineDiff(
                        expected: String(decoding: golden, as: UTF8.self),
                        actual: String(decoding: file.bytes, as: UTF8.self))
            }
            problems.append(message)
        }
        return problems
    }

    /// The files under `folder`, relative to it, sorted.
    static func goldenPaths(in folder: String) -> [String] {
        let manager = FileManager.default
        var paths: [String] = []
        if let enumerator = manager.enumerator(atPath: folder) {
            while let path = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    paths.append(path)
                }
            }
        }
        return paths.sorted()
    }

    /// A unified-style line diff of `expected` (the golden file, `-`) against `actual` (`+`):
    /// `@@ -line,count +line,count @@` hunks with `context` unchanged lines around each change,
    /// at most `limit` lines of output.
    static func lineDiff(expected: String, actual: String, context: Int = 3, limit: Int = 60) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = editScript(old, new)
        // Indices of the changed edits, grouped into hunks whose context overlaps.
        let changed = edits.indices.filter { edits[$0].kind != .same }
        guard !changed.isEmpty else { return "(the files differ in bytes that are not whole lines, e.g. an encoding)" }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...range.upperBound
            } else {
                hunks.append(range)
            }
        }
        var lines = ["--- golden", "+++ actual"]
        for hunk in hunks {
            let slice = edits[hunk]
            let oldStart = slice.first { $0.oldLine != nil }?.oldLine ?? 0
            let newStart = slice.first { $0.newLine != nil }?.newLine ?? 0
            let oldCount = slice.filter { $0.kind != .inserted }.count
            let newCount = slice.filter { $0.kind != .deleted }.count
            lines.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for edit in slice {
                switch edit.kind {
                case .same: lines.append(" " + edit.text)
                case .deleted: lines.append("-" + edit.text)
                case .inserted: lines.append("+" + edit.text)
                }
            }
        }
        if lines.count > limit {
            let more = lines.count - limit
            lines = Array(lines.prefix(limit)) + ["… \(more) more line\(more == 1 ? "" : "s") of diff"]
        }
        return lines.joined(separator: "\n")
    }

    /// One line of an edit script, with its 1-based line numbers in the old and new text.
    struct Edit: Equatable {
        enum Kind { case same, deleted, inserted }
        var kind: Kind
        var text: String
        var oldLine: Int?
        var newLine: Int?
    }

    /// The shortest edit script from `old` to `new` by longest common subsequence, after the
    /// common first and last lines are set aside (golden files differ in a few places).
    static func editScript(_ old: [String], _ new: [String]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, text: old[$0], oldLine: $0 + 1, newLine: $0 + 1) }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...]; for a very
        // large middle, no common line at all (every old line deleted, every new one inserted).
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) where a.count * b.count <= 4_000_000 {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .same, text: a[i], oldLine: prefix + i + 1, newLine: prefix + j + 1))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(Edit(kind: .deleted, text: a[i], oldLine: prefix + i + 1, newLine: nil))
                i += 1
            } else {
                edits.append(Edit(kind: .inserted, text: b[j], oldLine: nil, newLine: prefix + j + 1))
                j += 1
            }
        }
        for k in 0..<suffix {
            let oldIndex = old.count - suffix + k
            let newIndex = new.count - suffix + k
            edits.append(Edit(kind: .same, text: old[oldIndex], oldLine: oldIndex + 1, newLine: newIndex + 1))
        }
        return edits
    }
}
