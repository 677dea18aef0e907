import Foundation
import Testing
@testable import VardplanCore

/// The golden-file helper itself: a recording run fails, a mismatch shows a line diff.
@Suite("Golden files")
struct GoldenTests {
    /// A new, empty folder for one test's golden files.
    private func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "vardplan-golden-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private let files = [
        OutputFile(path: "index.html", text: "<h1>Start</h1>\n<p>ett</p>\n<p>två</p>\n"),
        OutputFile(path: "steg/a.html", text: "<p>steg</p>\n"),
    ]

    @Test("recording writes the files and fails, so a recording run cannot pass")
    func recordingFails() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let problems = Golden.compare(files, folder: folder, label: "demo", recording: true)
        #expect(problems == ["re-recorded 2 files in demo; run again without VARDPLAN_RECORD"])
        #expect(Golden.goldenPaths(in: folder) == ["index.html", "steg/a.html"])
        #expect(Golden.compare(files, folder: folder, label: "demo", recording: false) == [])
    }

    @Test("recording replaces the folder: a file no longer made is removed")
    func recordingReplaces() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = Golden.compare(files, folder: folder, label: "demo", recording: true)
        _ = Golden.compare([files[0]], folder: folder, label: "demo", recording: true)
        #expect(Golden.goldenPaths(in: folder) == ["index.html"])
    }

    @Test("a changed line is shown as a unified-style diff with context")
    func mismatchShowsDiff() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = Golden.compare(files, folder: folder, label: "demo", recording: true)
        var changed = files
        changed[0] = OutputFile(path: "index.html", text: "<h1>Start</h1>\n<p>ett</p>\n<p>tre</p>\n")
        let problems = Golden.compare(changed, folder: folder, label: "demo", recording: false)
        let expected = [
            "demo/index.html differs from its golden file",
            "--- golden",
            "+++ actual",
            "@@ -1,4 +1,4 @@",
            " <h1>Start</h1>",
            " <p>ett</p>",
            "-<p>två</p>",
            "+<p>tre</p>",
            " ",  // the empty line after the last newline
        ]
        #expect(problems == [expected.joined(separator: "\n")])
    }

    @Test("only the first differing file gets a diff")
    func oneDiff() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = Golden.compare(files, folder: folder, label: "demo", recording: true)
        let changed = files.map { OutputFile(path: $0.path, text: "ändrad\n") }
        let problems = Golden.compare(changed, folder: folder, label: "demo", recording: false)
        #expect(problems.count == 2)
        #expect(problems[0].contains("@@"))
        #expect(problems[1] == "demo/steg/a.html differs from its golden file")
    }

    @Test("a missing or extra file is named")
    func fileSet() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = Golden.compare(files, folder: folder, label: "demo", recording: true)
        let problems = Golden.compare(
            [files[0], OutputFile(path: "ny.html", text: "")], folder: folder, label: "demo", recording: false)
        #expect(
            problems == [
                """
                the set of files differs from demo; run with VARDPLAN_RECORD=1 to re-record
                  not made (in the golden folder): steg/a.html
                  made (not in the golden folder): ny.html
                """
            ])
    }

    @Test(
        "hunks: far-apart changes get their own hunk, near ones share one",
        arguments: [
            (
                "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12", "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\nY\n12",
                ["@@ -1,5 +1,5 @@", "@@ -8,5 +8,5 @@"]
            ),
            ("1\n2\n3\n4\n5", "1\nX\n3\nY\n5", ["@@ -1,5 +1,5 @@"]),
            ("a\nb", "a\nb\nc", ["@@ -1,2 +1,3 @@"]),
        ])
    func hunks(old: String, new: String, headers: [String]) {
        let diff = Golden.lineDiff(expected: old, actual: new)
        #expect(diff.split(separator: "\n").filter { $0.hasPrefix("@@") }.map(String.init) == headers)
    }

    @Test("a long diff is cut with a count of what is left out")
    func limit() {
        let old = (1...100).map { "gammal \($0)" }.joined(separator: "\n")
        let new = (1...100).map { "ny \($0)" }.joined(separator: "\n")
        let diff = Golden.lineDiff(expected: old, actual: new, limit: 10)
        let lines = diff.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines.last == "… 193 more lines of diff")
    }
}
