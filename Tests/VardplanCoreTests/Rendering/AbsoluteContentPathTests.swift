import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// A file's identity is its path inside the content folder; the folder's own path is
/// only printed. The same content, named `content`, by an absolute path, and by an
/// absolute path that itself holds `/regions/` and `/general/`, is checked, built and
/// printed the same, with the same messages apart from the printed folder.
@Suite("The content folder's own path")
struct AbsoluteContentPathTests {
    /// The languages fixture (a diagnosis, general modules, regions, an image, a
    /// relative `.md` link, translations with one stale warning) with a general step that
    /// shows an image and links to its neighbour by a relative path, and a regional text
    /// that links to a national step by a relative path; copied twice, removed at the end.
    final class Workspace {
        let base = NSTemporaryDirectory() + "vardplan-identity-" + UUID().uuidString
        /// `content`, an absolute path, and an absolute path holding `/regions/` and `/general/`.
        var roots: [(real: String, display: String)] = []

        init() {
            let plain = base + "/plain/content"
            let awkward = base + "/srv/regions/general/content"
            for folder in [plain, awkward] {
                try! FileManager.default.createDirectory(atPath: (folder as NSString).deletingLastPathComponent,
                                                         withIntermediateDirectories: true)
                try! FileManager.default.copyItem(atPath: Fixtures.languagesContent, toPath: folder)
                let laws = folder + "/general/10-mina-rattigheter/01-lagar/"
                try! Data(ImageTests.png).write(to: URL(fileURLWithPath: laws + "lag.png"))
                try! Data("""
                    ---
                    title: Patientlagen
                    ---

                    Patientlagen ger dig rätt till information om din vård. Läs mer på [1177](https://www.1177.se/).

                    ![Lagboken uppslagen](lag.png)

                    Du kan också [be om en ny bedömning](02-ny-medicinsk-bedomning.md).

                    """.utf8).write(to: URL(fileURLWithPath: laws + "01-patientlagen.md"))
                try! Data("""
                    ---
                    step: datortomografi
                    position: after
                    title: Hitta hit
                    ---

                    Gå in genom entré 4. Läs också om [datortomografi](../../diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md).

                    """.utf8).write(to: URL(fileURLWithPath: folder + "/regions/vgr/hitta-hit.md"))
            }
            roots = [(plain, "content"), (plain, plain), (awkward, awkward)]
        }

        deinit { try? FileManager.default.removeItem(atPath: base) }
    }

    static func check(_ root: (real: String, display: String)) -> String {
        let result = ContentPipeline.run(fileSystem: DiskFileSystem(root: root.real), displayRoot: root.display,
                                         today: Fixtures.today)
        return DiagnosticFormatter.format(result.diagnostics).replacingOccurrences(of: root.display + "/", with: "ROOT/")
    }

    static func build(_ root: (real: String, display: String), region: String? = nil) -> SiteBuild.Result {
        SiteBuild.run(content: DiskFileSystem(root: root.real), contentDisplay: root.display,
                      templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                      today: Fixtures.today, options: .init(region: region))
    }

    static func printout(_ root: (real: String, display: String), manifest: String) -> PrintJob.Result {
        PrintJob.run(manifest: Fixtures.manifest(manifest), content: DiskFileSystem(root: root.real),
                     contentDisplay: root.display, templates: DiskFileSystem(root: Fixtures.templates),
                     templatesDisplay: "templates", today: Fixtures.today, largePrint: false)
    }

    @Test("check reports the same problems under every folder path, each printed with that path")
    func sameDiagnostics() {
        let workspace = Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let reports = workspace.roots.map(Self.check)
        #expect(reports[0] == """
            ROOT/diagnoses/testcancer/07-behandling/01-lakemedel/01-cytostatika.en.md:3:14: warning: stale translation: \
            the Swedish text '01-cytostatika.md' changed after it was translated; update the translation, then set 'source_hash: 52b98bb7'
            """)
        #expect(reports[1] == reports[0])
        #expect(reports[2] == reports[0])
        let absolute = ContentPipeline.run(fileSystem: DiskFileSystem(root: workspace.roots[2].real), displayRoot: workspace.roots[2].display,
                                           today: Fixtures.today)
        #expect(absolute.diagnostics.all.allSatisfy { $0.location?.path.hasPrefix(workspace.roots[2].display + "/") ?? true })
    }

    @Test("build writes byte-identical pages under every folder path, with and without a region", arguments: [nil, "vgr"])
    func samePages(region: String?) throws {
        let workspace = Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let builds = workspace.roots.map { Self.build($0, region: region) }
        for build in builds { #expect(!build.diagnostics.hasErrors, "\(DiagnosticFormatter.format(build.diagnostics))") }
        #expect(builds[1].files == builds[0].files)
        #expect(builds[2].files == builds[0].files)
        // Links and images resolved: a general step's image and its link to its neighbour,
        // a national step's relative link, a regional text's relative link to a national step.
        for build in builds {
            let law = LanguageTests.page(build, "testcancer/mina-rattigheter/patientlagen.html")
            #expect(law.contains("<img src=\"../../bilder/general/10-mina-rattigheter/01-lagar/lag.png\" alt=\"Lagboken uppslagen\" />"))
            #expect(law.contains("<a href=\"ny-medicinsk-bedomning.html\">be om en ny bedömning</a>"))
            #expect(build.files.contains { $0.path == "bilder/general/10-mina-rattigheter/01-lagar/lag.png" })
            let drugs = LanguageTests.page(build, "testcancer/behandling/cytostatika.html")
            #expect(drugs.contains("<a href=\"../utredning/datortomografi.html\">Datortomografi</a>"))
            if region != nil {
                let scan = LanguageTests.page(build, "testcancer/utredning/datortomografi.html")
                #expect(scan.contains("<a href=\"datortomografi.html\">datortomografi</a>"))
            }
        }
    }

    @Test("print gives the same printout under every folder path", arguments: ["english.yaml", "regional.yaml"])
    func samePrintout(manifest: String) throws {
        let workspace = Workspace()
        defer { withExtendedLifetime(workspace) {} }
        let printouts = workspace.roots.map { Self.printout($0, manifest: manifest) }
        for printout in printouts { #expect(printout.html != nil, "\(DiagnosticFormatter.format(printout.diagnostics))") }
        #expect(printouts[1].html == printouts[0].html)
        #expect(printouts[2].html == printouts[0].html)
        #expect(printouts[0].html?.contains("data:image/png;base64,iVBORw0KGgo") == true)
    }

    @Test("a regional file is known by its place in the content, not by the folder's path")
    func metadataByRelativePath() {
        #expect(ContentFileParser.isMetadataFile("regions/vgr/hitta-hit.md"))
        #expect(!ContentFileParser.isMetadataFile("diagnoses/x/regions/01-steg.md"))
        #expect(ContentFileParser.isMetadataFile("diagnoses/x/_diagnosis.md"))
        #expect(!ContentFileParser.isMetadataFile("general/m/s/01-steg.md"))
    }

    @Test("links and images resolve from the file's path inside the content")
    func resolvesFromRelativePath() {
        let image = ContentImage(relativePath: "diagnoses/x/bild.png")
        let images = ["diagnoses/x/bild.png": image]
        #expect(ImageChecker.image("bild.png", from: "diagnoses/x/steg.md", in: images) != nil)
        #expect(ImageChecker.image("../x/bild.png", from: "diagnoses/x/steg.md", in: images) != nil)
        #expect(ImageChecker.image("bild.png", from: "diagnoses/y/steg.md", in: images) == nil)
        #expect(LinkResolver.normalize("diagnoses/a/b", "../c.md") == "diagnoses/a/c.md")
        #expect(LinkResolver.normalize("regions/vgr", "../../diagnoses/x/a.md") == "diagnoses/x/a.md")
    }
}
