import Foundation
import Testing
@testable import VardplanCore
import VardplanSystem

/// Just before the swap, the writer checks again that the output holds nothing a build
/// did not write. When no folder of the output changed since the survey at `begin`
/// (their change times), that survey stands; any entry added, removed or renamed
/// since makes the writer look again.
@Suite("The check before the swap")
struct SwapCheckTests {
    /// An output written once, its folders' times then left to age past the next
    /// build's start, so that `commit` may trust them.
    private static func builtOutput(_ scratch: OutputScratch) throws -> SiteWriter {
        let writer = SiteWriter(outputPath: scratch.root + "/out")
        _ = try writer.write(.pages(["index.html": "a", "x/y/old.html": "old", "x/page.html": "p"]))
        usleep(50_000)
        return writer
    }

    /// Puts `pages` and their stamp into the staging folder, as a build does.
    private static func stage(_ staging: SiteWriter.Staging, _ pages: [String: String]) throws {
        let files = [OutputFile].pages(pages)
        _ = try staging.accept(files)
        _ = try staging.accept([BuildStamp(fingerprint: "", files: files).outputFile])
    }

    @Test("a file added to the output while a build runs is refused at the swap, in whichever folder",
          arguments: ["robots.txt", "x/notes.txt", "x/y/notes.txt", "x/y/deep/notes.txt", "z/notes.txt"])
    func addedDuringBuild(added: String) throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let staging = try Self.builtOutput(scratch).begin()
        try Self.stage(staging, ["index.html": "b"])
        scratch.file("out/" + added)
        let error = #expect(throws: SiteWriter.WriteError.self) { try staging.commit(paths: ["index.html"]) }
        guard case .notReplaceable = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(scratch.read("out/index.html") == "a")
        #expect(scratch.read("out/" + added) == "x")
    }

    @Test("a page removed or renamed by hand while a build runs: the swap looks again and counts what it removes")
    func removedDuringBuild() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let staging = try Self.builtOutput(scratch).begin()
        try Self.stage(staging, ["index.html": "b"])
        try FileManager.default.removeItem(atPath: scratch.root + "/out/x/y/old.html")
        let report = try staging.commit(paths: ["index.html"])
        #expect(report.removed == 1)
        #expect(scratch.files == [
            ".out.spare/.vardplan-build", ".out.spare/index.html", ".out.spare/x/page.html", "out/.vardplan-build",
            "out/index.html",
        ])

        let renaming = try SiteWriter(outputPath: scratch.root + "/out").begin()
        try Self.stage(renaming, ["index.html": "c"])
        try FileManager.default.moveItem(atPath: scratch.root + "/out/index.html", toPath: scratch.root + "/out/moved.html")
        #expect(throws: SiteWriter.WriteError.self) { try renaming.commit(paths: ["index.html"]) }
        #expect(scratch.read("out/moved.html") == "b")
    }

    @Test("folder times hold until an entry is added, removed or renamed, and only when older than the reference")
    func folderTimes() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("t/a/b/c.txt")
        scratch.file("t/a/d.txt")
        usleep(50_000)
        scratch.file("reference")
        let reference = try #require(FolderTimes.changeTime(scratch.root + "/reference"))
        let root = scratch.root + "/t"
        let times = try #require(FolderTimes.read(root: root, holding: ["a/b/c.txt", "a/d.txt"]))
        #expect(times.unchanged(root: root, olderThan: reference))
        #expect(!times.unchanged(root: root, olderThan: FolderTimes.Time(seconds: 0, nanoseconds: 0)))
        // Writing into a file changes no folder.
        scratch.file("t/a/b/c.txt", "new text")
        #expect(times.unchanged(root: root, olderThan: reference))
        try FileManager.default.moveItem(atPath: root + "/a/b/c.txt", toPath: root + "/a/b/e.txt")
        #expect(!times.unchanged(root: root, olderThan: reference))
        #expect(FolderTimes.read(root: root, holding: ["missing/c.txt"]) == nil)
    }
}
