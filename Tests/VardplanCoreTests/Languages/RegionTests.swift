import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// Regional supplements: `regions/<region>/`, checked fully; `build --region`; `print`
/// with `region:`.
@Suite("Regions")
struct RegionTests {
    static func build(region: String?) -> SiteBuild.Result {
        SiteBuild.run(content: DiskFileSystem(root: Fixtures.languagesContent), contentDisplay: "site",
                      templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                      today: Fixtures.today, options: .init(region: region))
    }

    static let region = "---\nname: Region Test\n---\n"

    @Test("the fixture's two regions are read with their supplements and steps")
    func model() throws {
        let model = try #require(ContentPipeline.run(fileSystem: DiskFileSystem(root: Fixtures.languagesContent),
                                                     displayRoot: "site", today: Fixtures.today).model)
        #expect(model.regions.map(\.id) == ["skane", "vgr"])
        let vgr = try #require(model.region(withID: "vgr"))
        #expect(vgr.name == "Västra Götalandsregionen")
        #expect(vgr.supplements.map { "\($0.stepID) \($0.position)" }.sorted() == ["cytostatika after", "datortomografi before"])
        #expect(vgr.steps.map { "\($0.moduleID)/\($0.sectionID) \($0.step.id)" } == ["utredning/bilder parkering"])
    }

    @Test("every problem in a region is reported, with did-you-mean", arguments: [
        ("x.md", "---\nstep: mamografi\n---\n\nText.\n",
         "content/regions/test/x.md:2:7: error: there is no national step 'mamografi' to add this supplement to; did you mean 'mammografi'?"),
        ("x.md", "---\nsection: utredning/rontgn\ntitle: T\n---\n\nText.\n",
         "content/regions/test/x.md:2:10: error: there is no national section 'utredning/rontgn'; did you mean 'utredning/rontgen'?"),
        ("x.md", "---\ntitle: T\n---\n\nText.\n",
         "content/regions/test/x.md:1:1: error: say where this regional text belongs: 'step: <step id>' to add it to a national step, or 'section: <module>/<section>' to make it a regional step in that section"),
        ("x.md", "---\nstep: mammografi\nposition: inside\n---\n\nText.\n",
         "content/regions/test/x.md:3:11: error: 'position' must be one of 'before', 'after', found 'inside'"),
        ("x.md", "---\nstep: mammografi\n---\n\nSe [MR](steg:mrr).\n",
         "content/regions/test/x.md:5:4: error: there is no step 'mrr' in this diagnosis; did you mean 'mr'?"),
        ("mr.md", "---\nsection: utredning/rontgen\ntitle: MR här\n---\n\nText.\n",
         "content/regions/test/mr.md:1:1: error: the regional step id 'mr' is already a national step of 'brostcancer'; give it another id"),
        ("x.md", "---\nstep: mammografi\ndiagnosis: brostcancr\n---\n\nText.\n",
         "content/regions/test/x.md:3:12: error: there is no diagnosis 'brostcancr'; did you mean 'brostcancer'?"),
    ])
    func problems(name: String, text: String, expected: String) {
        let lines = SampleTree.check(SampleTree.with(["regions/test/_region.md": Self.region, "regions/test/" + name: text]))
        #expect(lines.contains(expected), "\(lines)")
    }

    @Test("a region without _region.md or a name is reported")
    func metadata() {
        let missing = SampleTree.check(SampleTree.with(["regions/test/x.md": "---\nstep: mammografi\n---\n\nText.\n"]))
        #expect(missing.contains { $0.hasPrefix("content/regions/test") && $0.contains("_region.md") })
        let unnamed = SampleTree.check(SampleTree.with(["regions/test/_region.md": "---\nid: test\n---\n"]))
        #expect(unnamed.contains { $0.hasPrefix("content/regions/test/_region.md") && $0.contains("'name'") })
    }

    @Test("the default build is national; build --region shows the region's texts marked with its name")
    func regionalBuild() {
        let national = Self.build(region: nil)
        #expect(!national.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("<aside class=\"regional-supplement\"") })
        #expect(!national.files.contains { $0.path.hasSuffix("/parkering.html") })

        let regional = Self.build(region: "vgr")
        #expect(!regional.diagnostics.hasErrors)
        let page = LanguageTests.page(regional, "testcancer/utredning/datortomografi.html")
        let supplement = page.range(of: "<aside class=\"regional-supplement\" aria-label=\"Regionalt tillägg: Västra Götalandsregionen\">")
        let body = page.range(of: "<p>Vid en datortomografi")
        #expect(supplement != nil && body != nil && supplement!.lowerBound < body!.lowerBound)
        #expect(regional.files.contains { $0.path == "testcancer/utredning/parkering.html" })
        #expect(regional.files.contains { $0.path == "ar/testcancer/utredning/parkering.html" })
        let staff = LanguageTests.page(regional, "testcancer/personal.html")
        #expect(staff.contains("Region: Västra Götalandsregionen · regionala steg: 1 · regionala tillägg: 2."))
    }

    @Test("an unknown region is an error naming the regions")
    func unknownRegion() {
        let result = Self.build(region: "vgrr")
        #expect(result.files.isEmpty)
        #expect(DiagnosticFormatter.format(result.diagnostics).contains(
            "error: there is no region 'vgrr'; did you mean 'vgr'?; the content has 'skane', 'vgr'"))
    }

    @Test("golden regional pages", arguments: [
        "testcancer/utredning/datortomografi.html", "testcancer/utredning/parkering.html", "en/testcancer/utredning/index.html",
    ])
    func goldenPages(path: String) {
        let file = Self.build(region: "vgr").files.first { $0.path == path }
        #expect(file != nil)
        Golden.check(file.map { [$0] } ?? [], folder: "site-regional/" + path.replacingOccurrences(of: "/", with: "_"))
    }

    @Test("print with region: the supplements and the regional step; an unknown region is an error")
    func regionalPrintout() throws {
        let result = PrintJob.run(
            manifest: Fixtures.manifest("regional.yaml"), content: DiskFileSystem(root: Fixtures.languagesContent),
            contentDisplay: "site", templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, largePrint: false)
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticFormatter.format(result.diagnostics))")
        Golden.check([OutputFile(path: "regional.html", text: result.html ?? "")], folder: "print-languages/regional")
        #expect(result.visibleStepTitles.contains("Parkering och resor"))

        let unknown = LanguageTests.printout("diagnosis: testcancer\nregion: vg\nstart_date: 2026-09-01\n")
        #expect(unknown.html == nil)
        #expect(DiagnosticFormatter.format(unknown.diagnostics).contains(
            "plan.yaml:2:9: error: the 'region' is not a region of this content; did you mean 'vgr'?; the content has 'skane', 'vgr'"))
    }
}
