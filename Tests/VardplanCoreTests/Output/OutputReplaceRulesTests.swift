import Foundation
import Testing
@testable import VardplanCore

@Suite("Which folders a build may replace")
struct OutputReplaceRulesTests {
    @Test("a folder of someone else's files is refused before anything is written, and stays whole")
    func foreignFolderIsRefused() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("home/photo.jpg")
        scratch.file("home/Documents/letter.txt")
        scratch.file("home/.bashrc")
        let before = scratch.files
        let error = #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter(outputPath: scratch.root + "/home").write(.pages(["index.html": "site"]))
        }
        #expect(error?.isRefusal == true)
        #expect(error?.description == """
            the output folder '\(scratch.root)/home' was not made by 'vardplan build' and holds 2 files and 1 folder \
            ('Documents/', 'photo.jpg'); a build would delete them. Give a new or empty folder with --output, or add \
            --force to replace its content (entries at its top whose names start with '.', such as '.git', are kept)
            """)
        #expect(scratch.files == before)
        #expect(scratch.names == ["home"], "no staging folder, no lock file left beside it")
    }

    @Test("with --force the folder is replaced; entries at its top that start with '.' are kept")
    func forceReplaces() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("home/photo.jpg")
        scratch.file("home/Documents/letter.txt")
        scratch.file("home/.git/HEAD", "ref")
        let report = try SiteWriter(outputPath: scratch.root + "/home", replaceAnything: true)
            .write(.pages(["index.html": "site"]))
        #expect(report.removed == 2)
        #expect(scratch.files == ["home/.git/HEAD", "home/.vardplan-build", "home/index.html"])
    }

    @Test("a new path, an empty folder, and a folder with only dot entries are built into",
          arguments: [[], ["out/"], ["out/.gitignore"], ["out/.git/HEAD", "out/.gitignore"]])
    func freeFolders(_ layout: [String]) throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        for entry in layout { entry.hasSuffix("/") ? scratch.folder(entry) : scratch.file(entry) }
        _ = try SiteWriter(outputPath: scratch.root + "/out").write(.pages(["index.html": "site"]))
        #expect(scratch.files == (layout.filter { !$0.hasSuffix("/") } + ["out/.vardplan-build", "out/index.html"]).sorted())
    }

    @Test("a site vardplan made is replaced; a file added to it by hand is refused, by name")
    func handAddedFileIsRefused() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let writer = SiteWriter(outputPath: scratch.root + "/out")
        _ = try writer.write(.pages(["index.html": "a", "x/old.html": "old"]))
        let second = try writer.write(.pages(["index.html": "b"]))
        #expect(second.removed == 1)
        scratch.file("out/robots.txt")
        scratch.file("out/x/notes/today.txt")
        let error = #expect(throws: SiteWriter.WriteError.self) { try writer.write(.pages(["index.html": "c"])) }
        #expect(error?.description == """
            the output folder '\(scratch.root)/out' holds 2 files and 2 folders ('robots.txt', 'x/') that \
            'vardplan build' did not write; a build would delete them. Move them out of the folder, or add --force to replace them
            """)
        #expect(scratch.read("out/index.html") == "b")
        #expect(scratch.read("out/robots.txt") == "x")
    }

    @Test("a symbolic link where the stamp lists a page is not the build's own")
    func linkInPlaceOfAPageIsForeign() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.site("out", ["index.html": "a", "b.html": "b"])
        unlink(scratch.root + "/out/b.html")
        symlink("/etc/hostname", scratch.root + "/out/b.html")
        let survey = OutputSurvey.survey(scratch.root + "/out")
        #expect(survey.foreignNames == ["b.html"])
        #expect(!survey.isReplaceable)
    }

    @Test("the message counts every entry below and names the first five at the top")
    func longListing() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        for name in ["a", "b", "c", "d", "e", "f"] { scratch.file("out/\(name).txt") }
        scratch.file("out/g/h/i.txt")
        let survey = OutputSurvey.survey(scratch.root + "/out")
        #expect(survey.foreignDescription == "7 files and 2 folders ('a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', …)")
    }

    @Test("in a built site, foreign entries in any folder are named in name order, whatever order the folder lists them in")
    func foreignNamesInNameOrder() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.site("out", ["index.html": "a", "x/b.html": "b", "x/y/c.html": "c"])
        // Created in reverse: a folder's own order (creation order on some file systems,
        // hash order on others) is not the name order.
        for number in (10..<40).reversed() { scratch.file("out/x/extra-\(number).txt") }
        scratch.file("out/x/y/zz/deep.txt")
        let survey = OutputSurvey.survey(scratch.root + "/out")
        #expect(survey.foreignNames == ["x/extra-10.txt", "x/extra-11.txt", "x/extra-12.txt", "x/extra-13.txt", "x/extra-14.txt"])
        #expect(survey.foreignFiles == 31 && survey.foreignFolders == 1 && survey.foreignTopEntries == 31)
        #expect(Set(survey.filePaths) == Set(["index.html", "x/b.html", "x/y/c.html", "x/y/zz/deep.txt"]
                                                + (10..<40).map { "x/extra-\($0).txt" }))
        #expect(!survey.isReplaceable)
    }

    @Test("a built site with nothing foreign: every listed file, and replaceable")
    func cleanSiteSurvey() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let pages = Dictionary(uniqueKeysWithValues: (0..<50).map { ("d/m\($0 % 5)/s\($0).html", "p\($0)") } + [("index.html", "i")])
        scratch.site("out", pages)
        let survey = OutputSurvey.survey(scratch.root + "/out")
        #expect(survey.isReplaceable && survey.foreignNames.isEmpty && survey.stampIsIntact)
        #expect(survey.filePaths.count == pages.count && Set(survey.filePaths) == Set(pages.keys))
    }

    @Test("a file is never replaced by a folder, not even with --force")
    func fileIsRefused() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("out", "mine")
        let error = #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter(outputPath: scratch.root + "/out", replaceAnything: true).write(.pages(["index.html": "a"]))
        }
        #expect(error?.description == "the output '\(scratch.root)/out' is a file, not a folder; give a folder with --output (--force does not replace files)")
        #expect(scratch.read("out") == "mine")
    }
}

@Suite("A symbolic link as the output")
struct OutputSymlinkTests {
    @Test("the build goes into the link's target; the link stays a link and shows the new site")
    func linkToFolder() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.folder("www/site")
        scratch.folder("deploy")
        symlink("../www/site", scratch.root + "/deploy/current")
        let writer = SiteWriter(outputPath: scratch.root + "/deploy/current/")
        _ = try writer.write(.pages(["index.html": "one", "old.html": "old"]))
        let report = try writer.write(.pages(["index.html": "two"]))
        #expect(report.removed == 1)
        #expect(FolderTree.kind(scratch.root + "/deploy/current") == .other)
        #expect(scratch.read("deploy/current/index.html") == "two")
        #expect(scratch.files == [
            "deploy/current", "www/.site.spare/.vardplan-build", "www/.site.spare/index.html", "www/.site.spare/old.html",
            "www/site/.vardplan-build", "www/site/index.html",
        ])
    }

    @Test("a link whose folder is missing because a build into it was stopped mid-swap: the folder is put back")
    func linkToStoppedBuild() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.site("www/.site.staging-\(OutputScratch.deadPID)", ["index.html": "new"])
        symlink("www/site", scratch.root + "/current")
        let staging = try SiteWriter(outputPath: scratch.root + "/current").begin()
        #expect(staging.restoredFrom == ".site.staging-\(OutputScratch.deadPID)")
        staging.abort()
        #expect(scratch.read("current/index.html") == "new")
        #expect(FolderTree.kind(scratch.root + "/current") == .other)
    }

    @Test("a link to nothing, or to a file, is refused and left alone")
    func badLinks() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("page.html")
        symlink("nowhere", scratch.root + "/dangling")
        symlink("page.html", scratch.root + "/tofile")
        for (name, message) in [("dangling", "is a symbolic link to 'nowhere', which does not exist; create that folder or give another --output"),
                                ("tofile", "is a symbolic link to 'page.html', which is not a folder; point it at a folder or give another --output")] {
            let error = #expect(throws: SiteWriter.WriteError.self) {
                try SiteWriter(outputPath: scratch.root + "/" + name, replaceAnything: true).write(.pages(["index.html": "a"]))
            }
            #expect(error?.description == "the output '\(scratch.root)/\(name)' " + message)
        }
        #expect(scratch.files == ["dangling", "page.html", "tofile"])
    }
}
