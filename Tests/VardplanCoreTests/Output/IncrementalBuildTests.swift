import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics
import VardplanSystem

/// A build after a change renders what the change affects and keeps the rest of the
/// previous output, and ends with exactly the files a full build would write.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// The fixture site with a second diagnosis (a copy of the first) in a scratch folder.
    private static func workspace() throws -> OutputScratch {
        let scratch = OutputScratch()
        try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: scratch.root + "/content")
        try FileManager.default.copyItem(atPath: scratch.root + "/content/diagnoses/testcancer",
                                         toPath: scratch.root + "/content/diagnoses/andracancer")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: scratch.root + "/templates")
        return scratch
    }

    /// Passes pages on to the staging folder and records what was rendered and kept.
    private final class RecordingSink: PageSink, @unchecked Sendable {
        let staging: SiteWriter.Staging
        private let lock = NSLock()
        private(set) var accepted: [String] = []
        private(set) var kept: [String] = []

        init(_ staging: SiteWriter.Staging) { self.staging = staging }

        func accept(_ files: [OutputFile]) throws(SiteWriter.WriteError) -> (written: Int, unchanged: Int) {
            lock.withLock { accepted += files.map(\.path) }
            return try staging.accept(files)
        }

        var keepsPreviousPages: Bool { staging.keepsPreviousPages }

        func keep(_ paths: [String]) throws(SiteWriter.WriteError) -> Int {
            lock.withLock { kept += paths }
            return try staging.keep(paths)
        }
    }

    /// One build as `vardplan build` runs it; returns the sink that saw it.
    @discardableResult
    private static func build(_ scratch: OutputScratch,
                              options: SiteRenderer.Options = .init()) throws -> (RecordingSink, SiteBuild.Result) {
        let staging = try SiteWriter(outputPath: scratch.root + "/output").begin()
        let sink = RecordingSink(staging)
        let result = SiteBuild.run(content: DiskFileSystem(root: scratch.root + "/content"), contentDisplay: "content",
                                   templates: DiskFileSystem(root: scratch.root + "/templates"),
                                   templatesDisplay: "templates", today: Fixtures.today, options: options,
                                   previous: staging.previousStamp, into: sink)
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticFormatter.format(result.diagnostics))")
        if result.upToDate { staging.finishUnchanged() } else { _ = try staging.commit(paths: result.paths) }
        return (sink, result)
    }

    /// Every file of the output folder is that of a full build into memory, stamp included.
    private static func expectSameAsFullBuild(_ scratch: OutputScratch, options: SiteRenderer.Options = .init(),
                                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let full = SiteBuild.run(content: DiskFileSystem(root: scratch.root + "/content"), contentDisplay: "content",
                                 templates: DiskFileSystem(root: scratch.root + "/templates"),
                                 templatesDisplay: "templates", today: Fixtures.today, options: options).files
        let onDisk = scratch.files.filter { $0.hasPrefix("output/") }.map { String($0.dropFirst("output/".count)) }
        #expect(onDisk == full.map(\.path), sourceLocation: sourceLocation)
        for file in full {
            let same = FileIO.read(scratch.root + "/output/" + file.path) == file.bytes
            #expect(same, "\(file.path)", sourceLocation: sourceLocation)
        }
    }

    @Test("a step's body changed: its pages and its diagnosis's overview pages are rendered, every other page is kept")
    func stepBodyChanged() throws {
        let scratch = try Self.workspace()
        defer { scratch.remove() }
        let (first, _) = try Self.build(scratch)
        #expect(first.kept.isEmpty)
        #expect(first.accepted.contains("testcancer/index.html") && first.accepted.contains("andracancer/index.html"))

        let step = scratch.root + "/content/diagnoses/andracancer/04-utredning/01-bilder/01-datortomografi.md"
        try (String(contentsOfFile: step, encoding: .utf8) + "\nEn ny mening.\n").write(toFile: step, atomically: true, encoding: .utf8)
        let (second, result) = try Self.build(scratch)
        // Rendered: the step's page, and the pages that show every step's body or LIX
        // (the nurse's page, the staff overview) or list the steps.
        let pages = ["andracancer/utredning/datortomografi.html", "andracancer/utskrift.html", "andracancer/personal.html",
                     "andracancer/index.html", "andracancer/utredning/index.html"]
        for page in pages { #expect(second.accepted.contains(page), "\(page)") }
        #expect(!second.accepted.contains { $0.hasPrefix("testcancer/") }, "\(second.accepted)")
        // No other step page of the diagnosis: those are kept, with the other diagnosis's
        // pages and the sitemap (the same pages as before).
        let otherSteps = first.accepted.filter {
            $0.hasPrefix("andracancer/") && !second.accepted.contains($0)
        }
        #expect(otherSteps.count >= 5, "\(otherSteps)")
        #expect(otherSteps.allSatisfy { !$0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3 }, "\(otherSteps)")
        let keptExpected = first.accepted.filter {
            ($0.hasPrefix("testcancer/") || $0.hasPrefix("andracancer/"))
                && !second.accepted.contains($0)
        } + ["sitemap.xml"]
        #expect(second.kept.sorted() == keptExpected.sorted())
        #expect(result.unchanged >= second.kept.count)
        Self.expectSameAsFullBuild(scratch)

        // A change to its front matter (the title): the whole diagnosis again.
        let text = try String(contentsOfFile: step, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Datortomografi – DT", with: "title: Datortomografi (DT)")
            .write(toFile: step, atomically: true, encoding: .utf8)
        let (third, _) = try Self.build(scratch)
        #expect(otherSteps.allSatisfy(third.accepted.contains))
        #expect(!third.kept.contains { $0.hasPrefix("andracancer/") })
        Self.expectSameAsFullBuild(scratch)

        // And back: nothing else changed, so the next build is up to date.
        let (_, fourth) = try Self.build(scratch)
        #expect(fourth.upToDate)
    }

    @Test("the bodies of steps in two diagnoses and a module of one changed: each diagnosis rendered as far as needed")
    func bodiesInTwoDiagnoses() throws {
        let scratch = try Self.workspace()
        defer { scratch.remove() }
        let (first, _) = try Self.build(scratch)
        for name in ["andracancer", "testcancer"] {
            let step = scratch.root + "/content/diagnoses/\(name)/04-utredning/01-bilder/01-datortomografi.md"
            try (String(contentsOfFile: step, encoding: .utf8) + "\nEn ny mening.\n").write(toFile: step, atomically: true, encoding: .utf8)
        }
        let module = scratch.root + "/content/diagnoses/testcancer/04-utredning/_module.md"
        try (String(contentsOfFile: module, encoding: .utf8) + "\nEn ny mening.\n").write(toFile: module, atomically: true, encoding: .utf8)
        let (second, _) = try Self.build(scratch)
        // testcancer: a module changed, so every page; andracancer: its step's pages only.
        #expect(first.accepted.filter { $0.hasPrefix("testcancer/") }.allSatisfy(second.accepted.contains))
        #expect(second.kept.contains { $0.hasPrefix("andracancer/") })
        #expect(!second.kept.contains { $0.hasPrefix("testcancer/") })
        Self.expectSameAsFullBuild(scratch)
    }

    @Test("the sitemap is kept when a partial build makes the same pages, and made again when a page is added")
    func sitemapKept() throws {
        let scratch = try Self.workspace()
        defer { scratch.remove() }
        let options = SiteRenderer.Options(baseURL: "https://example.se/")
        let (first, _) = try Self.build(scratch, options: options)
        #expect(first.accepted.contains("sitemap.xml"))

        let folder = scratch.root + "/content/diagnoses/andracancer/04-utredning/01-bilder/"
        let step = folder + "01-datortomografi.md"
        try (String(contentsOfFile: step, encoding: .utf8) + "\nEn ny mening.\n").write(toFile: step, atomically: true, encoding: .utf8)
        let (second, _) = try Self.build(scratch, options: options)
        #expect(second.kept.contains("sitemap.xml"))
        #expect(!second.accepted.contains("sitemap.xml"))
        Self.expectSameAsFullBuild(scratch, options: options)

        // A new step: a new page, so a new sitemap.
        let added = try String(contentsOfFile: step, encoding: .utf8)
            .replacingOccurrences(of: "title: Datortomografi – DT", with: "title: Ultraljud")
        try added.write(toFile: folder + "03-ultraljud.md", atomically: true, encoding: .utf8)
        let (third, _) = try Self.build(scratch, options: options)
        #expect(third.accepted.contains("sitemap.xml"))
        #expect(!third.kept.contains("sitemap.xml"))
        Self.expectSameAsFullBuild(scratch, options: options)

        // And a step removed: a page fewer.
        try FileManager.default.removeItem(atPath: folder + "03-ultraljud.md")
        let (fourth, _) = try Self.build(scratch, options: options)
        #expect(fourth.accepted.contains("sitemap.xml"))
        Self.expectSameAsFullBuild(scratch, options: options)
    }

    @Test("a stamp is intact while every file it lists is there with its size, in any folder")
    func stampIntact() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let files: [OutputFile] = .pages(["index.html": "a", "x/page.html": "bb", "x/y/deep.html": "ccc"])
        for file in files { scratch.file("out/" + file.path, String(decoding: file.bytes, as: UTF8.self)) }
        let stamp = BuildStamp(fingerprint: "f", files: files)
        let output = scratch.root + "/out"
        // The survey at the start of a build tells the same while it lists the folders.
        func intact(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
            let survey = OutputSurvey.survey(output, stamp: .some(stamp)).stampIsIntact
            #expect(survey == stamp.isIntact(outputPath: output), sourceLocation: sourceLocation)
            return survey
        }
        #expect(intact())
        #expect(!OutputSurvey.survey(output, stamp: .some(nil)).stampIsIntact)
        scratch.file("out/x/y/deep.html", "cc")
        #expect(!intact())
        scratch.file("out/x/y/deep.html", "ccc")
        scratch.file("out/x/extra.html", "added")
        #expect(intact())
        try FileManager.default.removeItem(atPath: output + "/x/extra.html")
        try FileManager.default.removeItem(atPath: output + "/index.html")
        #expect(!intact())
        scratch.file("out/index.html", "a")
        try FileManager.default.removeItem(atPath: output + "/x/page.html")
        #expect(!intact())
        try FileManager.default.removeItem(atPath: output + "/x")
        #expect(!intact())
    }

    @Test("which files of the previous build are its sitemap")
    func sitemapFiles() {
        for path in ["sitemap.xml", "sitemap-1.xml", "sitemap-12.xml"] { #expect(SitePaths.isSitemap(path), "\(path)") }
        for path in ["sitemap-0.xml", "sitemap-01.xml", "sitemap-.xml", "sitemap-x.xml", "a/sitemap.xml", "sitemap.html"] {
            #expect(!SitePaths.isSitemap(path), "\(path)")
        }
        let previous = BuildStamp(fingerprint: "f", files: [("a/x.html", 1), ("sitemap.xml", 2), ("index.html", 3)],
                                  owners: ["a/x.html": "a"])
        #expect(KeptSitemap.files(of: previous, pagePaths: ["a/x.html"])?.map(\.path) == ["sitemap.xml"])
        #expect(KeptSitemap.files(of: previous, pagePaths: ["a/y.html"]) == nil)
        #expect(KeptSitemap.files(of: previous, pagePaths: ["a/x.html", "a/y.html"]) == nil)
        #expect(KeptSitemap.files(of: BuildStamp(fingerprint: "f", files: [("a/x.html", 1)], owners: ["a/x.html": "a"]),
                                  pagePaths: ["a/x.html"]) == nil)
    }

    @Test("a template, a general module or a diagnosis's own metadata changed: everything is rendered")
    func everythingChanged() throws {
        let scratch = try Self.workspace()
        defer { scratch.remove() }
        try Self.build(scratch)
        for path in ["templates/step.mustache", "content/general/10-mina-rattigheter/01-lagar/01-patientlagen.md",
                     "content/diagnoses/andracancer/_diagnosis.md"] {
            let file = scratch.root + "/" + path
            try (String(contentsOfFile: file, encoding: .utf8) + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let (sink, _) = try Self.build(scratch)
            #expect(sink.kept.isEmpty, "\(path)")
            #expect(sink.accepted.contains("testcancer/index.html"), "\(path)")
            Self.expectSameAsFullBuild(scratch)
        }
    }

    @Test("what a set of changed input files makes stale")
    func changes() {
        let previous: Set<String> = ["content/diagnoses/a/_diagnosis.md", "content/diagnoses/b/_diagnosis.md"]
        #expect(BuildChanges.of(changedPaths: [], previousInputs: previous) == .none)
        #expect(BuildChanges.of(changedPaths: ["content/diagnoses/a/01-m/01-s/01-x.md", "content/diagnoses/a/01-m/_module.md"],
                                previousInputs: previous) == .diagnoses(whole: ["a"], bodies: [:]))
        #expect(BuildChanges.of(changedPaths: ["content/diagnoses/a/x.md", "content/diagnoses/b/y.md"],
                                previousInputs: previous) == .diagnoses(whole: ["a", "b"], bodies: [:]))
        // Only bodies: kept apart per diagnosis, unless something else of it changed too.
        let bodies = ["content/diagnoses/a/01-m/01-s/01-x.md", "content/diagnoses/a/01-m/01-s/02-y.md",
                      "content/diagnoses/b/01-m/01-s/01-x.md"]
        #expect(BuildChanges.of(changedPaths: bodies, previousInputs: previous, bodyOnly: Set(bodies))
            == .diagnoses(whole: [], bodies: ["a": ["diagnoses/a/01-m/01-s/01-x.md", "diagnoses/a/01-m/01-s/02-y.md"],
                                              "b": ["diagnoses/b/01-m/01-s/01-x.md"]]))
        #expect(BuildChanges.of(changedPaths: bodies + ["content/diagnoses/b/01-m/_module.md"], previousInputs: previous,
                                bodyOnly: Set(bodies))
            == .diagnoses(whole: ["b"], bodies: ["a": ["diagnoses/a/01-m/01-s/01-x.md", "diagnoses/a/01-m/01-s/02-y.md"]]))
        for path in ["content/diagnoses/a/_diagnosis.md", "content/diagnoses/c/01-m/_module.md", "content/site.yaml",
                     "content/general/01-g/_module.md", "templates/step.mustache", "content/diagnoses/stray.md"] {
            guard case .everything = BuildChanges.of(changedPaths: [path], previousInputs: previous) else {
                Issue.record("\(path) should re-render everything")
                continue
            }
        }
    }

    @Test("a step file's fingerprint has a second half for its front matter: only the first changed means only its body did")
    func bodyFingerprints() {
        let step = "content/diagnoses/a/01-m/01-s/01-x.md", module = "content/diagnoses/a/01-m/_module.md"
        let previous = BuildStamp(fingerprint: "f", settings: "s",
                                  inputs: ["content/diagnoses/a/_diagnosis.md": "00", step: "01+02", module: "03"],
                                  files: [])
        func changes(_ inputs: [String: String]) -> BuildChanges {
            BuildChanges.between(previous: previous, settings: "s",
                                 inputs: previous.inputs.merging(inputs) { _, new in new })
        }
        #expect(changes([:]) == .none)
        #expect(changes([step: "11+02"]) == .diagnoses(whole: [], bodies: ["a": ["diagnoses/a/01-m/01-s/01-x.md"]]))
        #expect(changes([step: "11+12"]) == .diagnoses(whole: ["a"], bodies: [:]))
        // Read whole this time (an empty body, say): not told apart, so the whole diagnosis.
        #expect(changes([step: "11"]) == .diagnoses(whole: ["a"], bodies: [:]))
        #expect(changes([step: "11+02", module: "13"]) == .diagnoses(whole: ["a"], bodies: [:]))
        guard case .everything = BuildChanges.between(previous: previous, settings: "other", inputs: previous.inputs) else {
            Issue.record("new settings should re-render everything")
            return
        }
    }

    @Test("the stamp keeps each input's fingerprint and each page's diagnosis across a write and a read")
    func stampRoundTrip() {
        let stamp = BuildStamp(fingerprint: "0123456789abcdef", settings: "fedcba9876543210",
                               inputs: ["content/site.yaml": "00000000000000aa", "templates/a b.mustache": "00000000000000bb"],
                               files: [("index.html", 10), ("x/index.html", 20)], owners: ["x/index.html": "x"])
        let text = String(decoding: stamp.outputFile.bytes, as: UTF8.self)
        #expect(BuildStamp.parse(text) == stamp)
        #expect(stamp.files(of: "x").map(\.path) == ["x/index.html"])
        #expect(BuildStamp.parse("vardplan-build 9\nfingerprint 0123456789abcdef\nsettings 0\n10 - index.html\n") == nil)
    }

    @Test("an output folder of the previous stamp format is still a build's: replaced without --force, all rendered")
    func previousFormat() throws {
        let old = BuildStamp.parse("vardplan-build 1\nfingerprint 0123456789abcdef\n10 index.html\n20 a b/x.html\n")
        #expect(old?.files.map(\.path) == ["a b/x.html", "index.html"])
        #expect(old?.files.map(\.size) == [20, 10])
        #expect(old?.inputs.isEmpty == true)

        let scratch = try Self.workspace()
        defer { scratch.remove() }
        try Self.build(scratch)
        // The output as the previous version left it: the same pages, a stamp of format 1
        // (whose fingerprint was computed another way).
        let stamp = try #require(BuildStamp.read(outputPath: scratch.root + "/output"))
        var text = "vardplan-build 1\nfingerprint 0123456789abcdef\n"
        for file in stamp.files { text += "\(file.size) \(file.path)\n" }
        scratch.file("output/.vardplan-build", text)
        let (sink, result) = try Self.build(scratch)
        #expect(!result.upToDate)
        #expect(sink.kept.isEmpty)
        Self.expectSameAsFullBuild(scratch)
    }
}
