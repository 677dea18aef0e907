import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// Every diagnosis shows the general modules' steps; their bodies, rendered for one
/// diagnosis's pages, are kept for the others' (step pages and nurse's pages). A page
/// is byte-identical to one rendered with nothing kept.
@Suite("General steps' bodies shared across diagnoses")
struct SharedGeneralBodiesTests {
    /// The fixture site with a second diagnosis, `andracancer`: a copy of `testcancer`
    /// whose MR step sits in another module. A general step links to another general
    /// step (the same address from every diagnosis) and to the MR step (not).
    static func twoDiagnoses() throws -> String {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("vardplan-shared-\(UUID().uuidString)").path
        try manager.copyItem(atPath: Fixtures.siteContent, toPath: root)
        let first = root + "/diagnoses/testcancer", second = root + "/diagnoses/andracancer"
        try manager.copyItem(atPath: first, toPath: second)
        let diagnosis = second + "/_diagnosis.md"
        let text = try String(contentsOfFile: diagnosis, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Testcancer", with: "title: Andracancer")
            .write(toFile: diagnosis, atomically: true, encoding: .utf8)
        try manager.moveItem(atPath: second + "/04-utredning/01-bilder/02-magnetkamera.md",
                             toPath: second + "/07-behandling/01-lakemedel/02-magnetkamera.md")
        let general = root + "/general/01-vad-ar-viktigt-for-mig/01-mina-tankar/01-vad-ar-viktigt.md"
        let body = try String(contentsOfFile: general, encoding: .utf8)
        try (body + "\nLäs om [patientlagen](steg:patientlagen) och om [MR](steg:magnetkamera).\n")
            .write(toFile: general, atomically: true, encoding: .utf8)
        return root
    }

    @Test("every diagnosis's pages, rendered one after another by one renderer, equal those of a fresh renderer each")
    func sharedEqualsFresh() throws {
        let root = try Self.twoDiagnoses()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var diagnostics = Diagnostics()
        let checked = ContentPipeline.run(fileSystem: DiskFileSystem(root: root), displayRoot: "site", today: Fixtures.today)
        let model = try #require(checked.model)
        #expect(model.diagnoses.map(\.id).sorted() == ["andracancer", "testcancer"])
        let loaded = TemplateFolderLoader(fileSystem: DiskFileSystem(root: Fixtures.templates), displayRoot: "templates")
            .loadAll(required: SiteRenderer.requiredTemplates, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        let makeRenderer = {
            SiteRenderer(model: model, templates: loaded.library, assets: loaded.assets, options: .init(), strings: loaded.strings)
        }
        let shared = makeRenderer()
        // One after the other, as two diagnoses of a build may come (a build renders them
        // on two cores at once; here the order is fixed so the second finds the first's).
        let diagnoses = DiagnosisPass.run(model, diagnostics: &diagnostics) { diagnosis, _ in diagnosis }
        let pages = diagnoses.map { diagnosis in
            var sharedState = shared.makeState()
            let kept = shared.renderPages(of: diagnosis, &sharedState)
            let fresh = makeRenderer()
            var freshState = fresh.makeState()
            return (kept, fresh.renderPages(of: diagnosis, &freshState))
        }
        #expect(pages.count == 2)
        for (kept, fresh) in pages {
            #expect(kept.map(\.path) == fresh.map(\.path))
            for (page, freshPage) in zip(kept, fresh) {
                #expect(page.bytes == freshPage.bytes, "\(page.path)")
            }
        }
        // Both diagnoses rendered through one renderer: the second reused general bodies,
        // but not the one whose link leads to a step in another module.
        #expect(shared.generalBodies.reused > 0)
        #expect(shared.generalPrintedBodies.reused > 0)
        let step = SitePaths.step("andracancer", "vad-ar-viktigt-for-mig", "vad-ar-viktigt")
        let mr = try #require(pages.flatMap(\.0).first { $0.path == step })
        #expect(String(decoding: mr.bytes, as: UTF8.self).contains("behandling/magnetkamera.html"))
    }
}
