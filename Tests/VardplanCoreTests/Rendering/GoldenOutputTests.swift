import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// Whole-output golden tests on the fixture site: every file compared byte for byte.
/// Re-record with `VARDPLAN_RECORD=1 swift test --filter GoldenOutputTests` (that run fails on
/// purpose, so that it cannot pass CI; run the tests again without it).
@Suite("Golden output")
struct GoldenOutputTests {
    @Test("the fixture site builds to exactly the golden files")
    func site() throws {
        let result = SiteBuild.run(
            content: DiskFileSystem(root: Fixtures.siteContent), contentDisplay: "site",
            templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, options: .init())
        #expect(DiagnosticFormatter.format(result.diagnostics) == "")
        Golden.check(result.files, folder: "site")
    }

    @Test("two builds give byte-identical files")
    func deterministic() {
        let build = {
            SiteBuild.run(content: DiskFileSystem(root: Fixtures.siteContent), contentDisplay: "site",
                          templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                          today: Fixtures.today, options: .init()).files
        }
        #expect(build() == build())
    }

    @Test("printouts of three manifests match their golden files", arguments: [
        ("fresh.yaml", false), ("treatment.yaml", false), ("forms.json", true),
    ])
    func printout(name: String, largePrint: Bool) {
        let result = PrintJob.run(
            manifest: Fixtures.manifest(name), content: DiskFileSystem(root: Fixtures.siteContent), contentDisplay: "site",
            templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, largePrint: largePrint)
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticFormatter.format(result.diagnostics))")
        let base = (name as NSString).deletingPathExtension
        Golden.check([OutputFile(path: base + ".html", text: result.html ?? "")], folder: "print/" + base)
    }

    @Test("every manifest string is escaped in the printout")
    func escaping() throws {
        let result = PrintJob.run(
            manifest: Fixtures.manifest("treatment.yaml"), content: DiskFileSystem(root: Fixtures.siteContent),
            contentDisplay: "site", templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, largePrint: false)
        let html = try #require(result.html)
        #expect(html.contains("Anna &lt;Andersson&gt; &amp; co"))
        #expect(!html.contains("<Andersson>"))
        #expect(html.contains("&quot;hellre en gång för mycket&quot;"))
    }
}

@Suite("Relative links between output files")
struct SitePathsTests {
    @Test("links are relative to the page's folder", arguments: [
        ("index.html", "a/index.html", "a/index.html"),
        ("a/index.html", "index.html", "../index.html"),
        ("a/b/c.html", "a/b/d.html", "d.html"),
        ("a/b/c.html", "a/index.html", "../index.html"),
        ("a/b/c.html", "a/bb/d.html", "../bb/d.html"),
        ("a/bb/c.html", "a/b/d.html", "../b/d.html"),
        ("a/b/c.html", "x/y/z.html", "../../x/y/z.html"),
        ("a/b/c.html", "a/b/c.html", "c.html"),
        ("å/ö.html", "å/ä.html", "ä.html"),
        ("a/b/c.html", "a/", "../"),
        ("a/b/c.html", "a/b/", ""),
    ])
    func relative(from: String, to: String, expected: String) {
        #expect(SitePaths.relative(from: from, to: to) == expected)
    }

    @Test("the way back to the root")
    func root() {
        #expect(SitePaths.root(from: "index.html") == "")
        #expect(SitePaths.root(from: "a/b/c.html") == "../../")
    }
}
