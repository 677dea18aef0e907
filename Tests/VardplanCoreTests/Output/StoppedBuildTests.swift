import Foundation
import Testing
@testable import VardplanCore
import VardplanSystem

/// The disk states a build stopped by kill -9 can leave, laid out by hand (leftover
/// folders named with the id of a process that no longer runs), and taken from real
/// swaps stopped at each of their steps.
@Suite("Recovering from stopped builds")
struct StoppedBuildTests {
    private let dead = OutputScratch.deadPID

    /// Makes `path`'s stamp look written `age` seconds ago.
    private func age(_ scratch: OutputScratch, _ folder: String, seconds: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -seconds)],
                                              ofItemAtPath: scratch.root + "/" + folder + "/.vardplan-build")
    }

    @Test("output missing, two complete copies: the newest is put back, and a failing build deletes neither")
    func missingOutputIsRestored() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.site(".out.previous-\(dead)", ["index.html": "old"])
        scratch.site(".out.staging-\(dead)", ["index.html": "new"])
        try age(scratch, ".out.previous-\(dead)", seconds: 60)
        let writer = SiteWriter(outputPath: scratch.root + "/out")

        let failing = try writer.begin()
        #expect(failing.restoredFrom == ".out.staging-\(dead)")
        failing.abort()  // a content error: nothing rendered is kept
        #expect(scratch.names == [".out.previous-\(dead)", "out"])
        #expect(scratch.read("out/index.html") == "new")
        #expect(scratch.read(".out.previous-\(dead)/index.html") == "old")

        _ = try writer.write(.pages(["index.html": "newer"]))
        #expect(scratch.names == [".out.spare", "out"])
        #expect(scratch.read("out/index.html") == "newer")
    }

    @Test("output missing: a build's staging folder wins over its own previous output whatever the clock says; else the newest stamp")
    func whichCopyIsPutBack() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let other = dead - 1
        scratch.site(".out.staging-\(dead)", ["index.html": "new"])
        scratch.site(".out.previous-\(dead)", ["index.html": "old"])
        scratch.site(".out.staging-\(other)", ["index.html": "older build"])
        try age(scratch, ".out.staging-\(dead)", seconds: 120)
        try age(scratch, ".out.staging-\(other)", seconds: 240)
        let staging = try SiteWriter(outputPath: scratch.root + "/out").begin()
        staging.abort()
        #expect(scratch.read("out/index.html") == "new")
    }

    @Test("output missing: a copy without an intact stamp is never put back, and nothing is deleted before a build succeeds")
    func incompleteCopiesStay() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.site(".out.previous-\(dead)", ["index.html": "old"])
        scratch.site(".out.staging-\(dead)", ["index.html": "new", "half.html": "full text"])
        _ = FileIO.write(Array("full".utf8), to: scratch.root + "/.out.staging-\(dead)/half.html")  // cut short
        let staging = try SiteWriter(outputPath: scratch.root + "/out").begin()
        #expect(staging.restoredFrom == ".out.previous-\(dead)")
        staging.abort()
        #expect(scratch.names == [".out.staging-\(dead)", "out"])
        #expect(scratch.read("out/index.html") == "old")
    }

    @Test("output there but not complete: leftovers are kept until a build has put a complete one in place")
    func incompleteOutputKeepsLeftovers() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.site("out", ["index.html": "damaged", "b.html": "b"])
        unlink(scratch.root + "/out/b.html")
        scratch.site(".out.previous-\(dead)", ["index.html": "old"])
        let writer = SiteWriter(outputPath: scratch.root + "/out")
        let staging = try writer.begin()
        #expect(staging.previousStamp == nil)
        staging.abort()
        #expect(scratch.names == [".out.previous-\(dead)", "out"])
        _ = try writer.write(.pages(["index.html": "new"]))
        #expect(scratch.names == [".out.spare", "out"])
    }

    @Test("a build stopped before its swap had moved '.git' into its staging folder: it comes back")
    func dotEntriesComeBack() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.site("out", ["index.html": "old"])
        scratch.site(".out.staging-\(dead)", ["index.html": "new"])
        scratch.file(".out.staging-\(dead)/.git/HEAD", "ref")
        let staging = try SiteWriter(outputPath: scratch.root + "/out").begin()
        staging.abort()
        #expect(scratch.read("out/.git/HEAD") == "ref")
        #expect(scratch.names == [".out.staging-\(dead)", "out"])
        let again = try SiteWriter(outputPath: scratch.root + "/out").begin()
        again.finishUnchanged()  // an up-to-date build: the output is complete, leftovers go
        #expect(scratch.names == ["out"])
    }

    @Test("the leftover of a process that still runs is left alone")
    func liveProcessLeftoverStays() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.site(".out.staging-\(getppid())", ["index.html": "theirs"])
        _ = try SiteWriter(outputPath: scratch.root + "/out").write(.pages(["index.html": "a"]))
        #expect(scratch.names == [".out.staging-\(getppid())", "out"])
    }

    static let stops: [(exchange: Bool, at: SiteWriter.Checkpoint)] = [
        (true, .beforeSwap), (true, .afterSwap), (false, .beforeSwap), (false, .betweenRenames), (false, .afterSwap),
    ]

    @Test("a swap stopped at any step leaves a complete output, or one the next build puts back; nothing is lost",
          arguments: 0..<stops.count)
    func stopAtEveryStep(_ index: Int) throws {
        let (exchange, point) = Self.stops[index]
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let live = scratch.root + "/live", crash = scratch.root + "/crash"
        _ = try SiteWriter(outputPath: live + "/out").write(.pages(["index.html": "old", "gone.html": "g", "same.html": "s"]))
        FileIO.makeDirectories(live + "/out/.git")
        _ = FileIO.write(Array("ref".utf8), to: live + "/out/.git/HEAD")
        // The disk as kill -9 at `point` leaves it: a copy taken there.
        let writer = SiteWriter(outputPath: live + "/out", useExchange: exchange) { reached in
            if reached == point { try? FileManager.default.copyItem(atPath: live, toPath: crash) }
        }
        _ = try writer.write(.pages(["index.html": "new", "same.html": "s"]))
        #expect(FileIO.read(live + "/out/index.html") == Array("new".utf8))
        #expect(FolderTree.entries(live).map(\.name) == [".out.spare", "out"])

        let crashed = OutputScratch(existing: crash)
        let expected = point == .beforeSwap ? "old" : "new"
        if point == .betweenRenames { #expect(FolderTree.kind(crash + "/out") == nil) }
        let failing = try SiteWriter(outputPath: crash + "/out").begin()
        failing.abort()
        #expect(AbandonedBuilds.isComplete(crash + "/out"))
        #expect(crashed.read("out/index.html") == expected)
        #expect(crashed.read("out/.git/HEAD") == "ref")
        _ = try SiteWriter(outputPath: crash + "/out").write(.pages(["index.html": "next"]))
        #expect(crashed.names == [".out.spare", "out"])
        #expect(crashed.read("out/.git/HEAD") == "ref")
        #expect(FolderTree.kind(crash + "/.out.spare/.git") == nil)
    }
}

extension OutputScratch {
    init(existing root: String) { self.root = root }
}
