import Foundation
import Testing
@testable import VardplanCore
import VardplanSystem

/// The previous output kept beside the output as `.NAME.spare` and made into the next
/// build's staging folder (`SpareOutput`): whatever the spare holds, the new output is
/// exactly the build's pages, and the live output is never written into.
@Suite("The spare output")
struct SpareOutputTests {
    /// The inode of the file at `path` below the scratch root (links not followed).
    static func inode(_ scratch: OutputScratch, _ path: String) -> UInt64? {
        var info = stat()
        return lstat(scratch.root + "/" + path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Every file below `folder` with its text.
    static func contents(_ scratch: OutputScratch, _ folder: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in scratch.files where path.hasPrefix(folder + "/") {
            result[String(path.dropFirst(folder.count + 1))] = scratch.read(path)
        }
        return result
    }

    /// The pages of a write with its stamp, as a fresh write into an empty folder leaves them.
    static func fresh(_ pages: [String: String]) throws -> [String: String] {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        _ = try SiteWriter(outputPath: scratch.root + "/out").write(.pages(pages))
        return contents(scratch, "out")
    }

    /// A writer for `out` that has written `pages` twice, the start page changed in
    /// between: the output holds the second write, the spare the first.
    static func writtenTwice(_ scratch: OutputScratch, _ pages: [String: String]) throws -> SiteWriter {
        let writer = SiteWriter(outputPath: scratch.root + "/out")
        _ = try writer.write(.pages(pages.merging(["index.html": "1"]) { $1 }))
        _ = try writer.write(.pages(pages.merging(["index.html": "2"]) { $1 }))
        return writer
    }

    @Test("after a swap the old output is the spare; the next build takes it up and keeps the new one as the spare")
    func spareIsKeptAndTakenUp() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let writer = SiteWriter(outputPath: scratch.root + "/out")
        _ = try writer.write(.pages(["index.html": "1", "a/page.html": "a1", "b/page.html": "b1"]))
        #expect(scratch.names == ["out"], "a first build has no previous output to keep")
        _ = try writer.write(.pages(["index.html": "2", "a/page.html": "a1", "b/page.html": "b1"]))
        #expect(scratch.names == [".out.spare", "out"])
        #expect(scratch.read(".out.spare/index.html") == "1")
        #expect(Self.inode(scratch, ".out.spare/a/page.html") == Self.inode(scratch, "out/a/page.html"))
        let kept = Self.inode(scratch, "out/b/page.html")

        let report = try writer.write(.pages(["index.html": "2", "a/page.html": "a3", "b/page.html": "b1"]))
        #expect(report == SiteWriter.Report(written: 1, unchanged: 2, removed: 0))
        let expected = ["index.html": "2", "a/page.html": "a3", "b/page.html": "b1"]
        #expect(Self.contents(scratch, "out") == (try Self.fresh(expected)))
        #expect(Self.inode(scratch, "out/b/page.html") == kept, "an unchanged page keeps its file")
        #expect(scratch.read(".out.spare/a/page.html") == "a1", "the spare is the build before")
        #expect(scratch.names == [".out.spare", "out"])
    }

    @Test("a page written into the spare never changes the live output's file it was linked to")
    func writingNeverChangesTheOutput() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let writer = try Self.writtenTwice(scratch, ["x/page.html": "same"])
        let staging = try writer.begin()
        _ = try staging.accept(.pages(["x/page.html": "changed", "index.html": "2"]))
        // The staging folder is the mirrored spare: its x/page.html was the output's file.
        #expect(scratch.read("out/x/page.html") == "same")
        #expect(scratch.read("out/index.html") == "2")
        let stamp = BuildStamp(fingerprint: "", files: .pages(["x/page.html": "changed", "index.html": "2"]))
        _ = try staging.accept([stamp.outputFile])
        #expect(scratch.read("out/x/page.html") == "same")
        _ = try staging.commit(paths: ["x/page.html", "index.html", BuildStamp.fileName])
        #expect(scratch.read("out/x/page.html") == "changed")
        #expect(scratch.read(".out.spare/x/page.html") == "same")
    }

    @Test("whatever was done to the spare, the new output holds exactly the build's pages")
    func tamperedSpareIsMirrored() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let pages = ["index.html": "1", "a/one.html": "a", "a/two.html": "b", "c/d/e.html": "e"]
        let writer = try Self.writtenTwice(scratch, pages)
        // Files added, replaced by other files, removed; a link; a folder and a file
        // where the other should be; the stamp gone; a `.git` at the top.
        scratch.file(".out.spare/foreign.html", "foreign")
        scratch.file(".out.spare/a/extra/deep.html", "extra")
        unlink(scratch.root + "/.out.spare/a/one.html")
        scratch.file(".out.spare/a/one.html", "edited by hand")
        unlink(scratch.root + "/.out.spare/a/two.html")
        symlink(scratch.root + "/out/index.html", scratch.root + "/.out.spare/a/two.html")
        try FileManager.default.removeItem(atPath: scratch.root + "/.out.spare/c/d")
        scratch.file(".out.spare/c/d", "a file where a folder was")
        unlink(scratch.root + "/.out.spare/" + BuildStamp.fileName)
        scratch.file(".out.spare/.git/HEAD", "ref")

        let next = pages.merging(["index.html": "3"]) { $1 }
        _ = try writer.write(.pages(next))
        #expect(Self.contents(scratch, "out").filter { !$0.key.hasPrefix(".git/") } == (try Self.fresh(next)))
        #expect(scratch.read("out/.git/HEAD") == "ref", "a dot entry found in the spare goes back to the output")
        #expect(FolderTree.kind(scratch.root + "/out/a/two.html") == .file)
        #expect(FolderTree.kind(scratch.root + "/out/c/d/e.html") == .file)
        #expect(AbandonedBuilds.isComplete(scratch.root + "/out"))
    }

    @Test("a page kept from the previous build is the output's file, whatever its copy in the spare became")
    func keptPagesAreTheOutputs() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let pages = ["index.html": "1", "a/one.html": "a", "a/two.html": "b"]
        let writer = try Self.writtenTwice(scratch, pages)
        // Edited in place would be the output's file too (a hard link); replaced is not.
        unlink(scratch.root + "/.out.spare/a/one.html")
        scratch.file(".out.spare/a/one.html", "x")
        unlink(scratch.root + "/.out.spare/a/two.html")
        let staging = try writer.begin()
        #expect(staging.keepsPreviousPages)
        #expect(try staging.keep(["a/one.html", "a/two.html"]) == 2)
        _ = try staging.accept(.pages(["index.html": "3"]))
        let next = pages.merging(["index.html": "3"]) { $1 }
        _ = try staging.accept([BuildStamp(fingerprint: "", files: .pages(next)).outputFile])
        _ = try staging.commit(paths: Array(next.keys) + [BuildStamp.fileName])
        #expect(Self.contents(scratch, "out") == (try Self.fresh(next)))
    }

    @Test("pages and folders the build no longer makes go, also where a page becomes a folder or the other way")
    func stalePagesAndFoldersGo() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let writer = SiteWriter(outputPath: scratch.root + "/out")
        let builds: [[String: String]] = [
            ["index.html": "1", "x/y/old.html": "o", "a": "file", "b/c.html": "c"],
            ["index.html": "2", "x/y/old.html": "o", "a": "file", "b/c.html": "c"],
            // x/ goes whole; the page `a` becomes a folder; the folder `b` a page.
            ["index.html": "3", "a/inner.html": "i", "b": "page"],
            ["index.html": "4", "a/inner.html": "i", "b": "page"],
            ["index.html": "5", "a": "file again", "b/c.html": "c"],
        ]
        for pages in builds {
            _ = try writer.write(.pages(pages))
            let fresh = try Self.fresh(pages)
            #expect(Self.contents(scratch, "out") == fresh, "\(fresh)")
            #expect(FolderTree.kind(scratch.root + "/out/x") == (pages["x/y/old.html"] == nil ? nil : .folder))
        }
    }

    @Test("a build that finds the output up to date or fails leaves the spare for the next one")
    func spareSurvivesAbortAndNoOp() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let writer = try Self.writtenTwice(scratch, ["p.html": "p"])
        try writer.begin().finishUnchanged()
        #expect(scratch.names == [".out.spare", "out"])
        let failing = try writer.begin()
        _ = try failing.accept(.pages(["index.html": "half"]))
        failing.abort()
        #expect(scratch.names == [".out.spare", "out"])
        #expect(scratch.read("out/index.html") == "2")
        let pages = ["index.html": "3", "p.html": "p"]
        _ = try writer.write(.pages(pages))
        #expect(Self.contents(scratch, "out") == (try Self.fresh(pages)))
    }

    @Test("a preparation started as soon as a build knows it will write is waited for, whatever comes next")
    func preparedInBackground() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let writer = try Self.writtenTwice(scratch, ["a/p.html": "p"])
        let failing = try writer.begin()
        failing.willWrite()
        failing.abort()  // a content error: the spare stays the spare
        #expect(scratch.names == [".out.spare", "out"])
        let staging = try writer.begin()
        staging.willWrite()
        let pages = ["index.html": "3", "a/p.html": "p"]
        _ = try staging.accept(.pages(["index.html": "3"]))
        #expect(try staging.keep(["a/p.html"]) == 1)
        _ = try staging.accept([BuildStamp(fingerprint: "", files: .pages(pages)).outputFile])
        _ = try staging.commit(paths: Array(pages.keys) + [BuildStamp.fileName])
        #expect(Self.contents(scratch, "out") == (try Self.fresh(pages)))
        #expect(scratch.read(".out.spare/index.html") == "2")
    }

    @Test("a link named like the spare is never followed, and its target is left alone")
    func spareThatIsALink() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("elsewhere/keep.html", "theirs")
        let writer = SiteWriter(outputPath: scratch.root + "/out")
        _ = try writer.write(.pages(["index.html": "1"]))
        symlink(scratch.root + "/elsewhere", scratch.root + "/.out.spare")
        _ = try writer.write(.pages(["index.html": "2"]))
        #expect(scratch.read("elsewhere/keep.html") == "theirs")
        #expect(FolderTree.kind(scratch.root + "/.out.spare") == .folder)
        #expect(scratch.read(".out.spare/index.html") == "1")
    }

    @Test("with --force over someone else's files the old folder is removed, not kept as the spare")
    func forcedReplacementKeepsNoSpare() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("out/photo.jpg", "mine")
        _ = try SiteWriter(outputPath: scratch.root + "/out", replaceAnything: true).write(.pages(["index.html": "1"]))
        #expect(scratch.names == ["out"])
    }
}
