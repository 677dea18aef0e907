import Foundation
import Testing
@testable import VardplanCore
import VardplanSystem

@Suite("Writing the site")
struct SiteWriterTests {
    private func scratch() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-writer-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("unchanged files keep their inode, changed ones are rewritten, stale ones go, dot files stay")
    func rewriteOnlyWhatChanged() throws {
        let root = scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/output"
        let writer = SiteWriter(outputPath: output)
        let first = try writer.write([
            OutputFile(path: "index.html", text: "a"), OutputFile(path: "x/old.html", text: "old"),
            OutputFile(path: "x/same.html", text: "same"),
        ])
        #expect(first == SiteWriter.Report(written: 3, unchanged: 0, removed: 0))
        try "keep".write(toFile: output + "/.gitignore", atomically: false, encoding: .utf8)
        var before = stat()
        stat(output + "/x/same.html", &before)

        let second = try writer.write([OutputFile(path: "index.html", text: "b"), OutputFile(path: "x/same.html", text: "same")])
        #expect(second == SiteWriter.Report(written: 1, unchanged: 1, removed: 1))
        var after = stat()
        stat(output + "/x/same.html", &after)
        #expect(before.st_ino == after.st_ino)
        #expect(FileIO.read(output + "/index.html") == Array("b".utf8))
        #expect(!FileIO.exists(output + "/x/old.html"))
        #expect(FileIO.read(output + "/.gitignore") == Array("keep".utf8))
        // The first build's output is the spare now: its unchanged file is the output's.
        #expect(FileIO.files(below: root) == [
            ".output.spare/.vardplan-build", ".output.spare/index.html", ".output.spare/x/old.html",
            ".output.spare/x/same.html", "output/.gitignore", "output/.vardplan-build", "output/index.html",
            "output/x/same.html",
        ])
        var spare = stat()
        stat(root + "/.output.spare/x/same.html", &spare)
        #expect(spare.st_ino == after.st_ino)
        #expect(FileIO.read(root + "/.output.spare/index.html") == Array("a".utf8))
    }

    @Test("a failed write leaves the previous output as it was")
    func failureLeavesOutput() throws {
        let root = scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/output"
        let writer = SiteWriter(outputPath: output)
        _ = try writer.write([OutputFile(path: "index.html", text: "a")])
        // A file where a folder must go makes the write fail.
        #expect(throws: SiteWriter.WriteError.self) {
            try writer.write([OutputFile(path: "index.html", text: "b"), OutputFile(path: "index.html/x.html", text: "c")])
        }
        #expect(FileIO.read(output + "/index.html") == Array("a".utf8))
        #expect(FileIO.files(below: root) == ["output/.vardplan-build", "output/index.html"])
    }
}

@Suite("Stopped builds")
struct AbandonedStagingTests {
    @Test("a staging folder left by a process that no longer runs is removed by the next build")
    func abandonedStagingIsRemoved() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-abandoned-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/.output.staging-999999/x", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try SiteWriter(outputPath: root + "/output").write([OutputFile(path: "index.html", text: "a")])
        #expect(FileIO.entries(root)?.map(\.name) == ["output"])
    }
}
