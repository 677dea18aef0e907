import Testing
@testable import VardplanCore
import VardplanDiagnostics

@Suite("The bundled content")
struct RealContentTests {
    @Test("content/ checks with zero diagnostics and has the promised size")
    func checksClean() throws {
        let result = ContentPipeline.run(fileSystem: DiskFileSystem(root: Fixtures.realContent), displayRoot: "content",
                                         today: Fixtures.today)
        #expect(DiagnosticFormatter.format(result.diagnostics) == "")
        let summary = try #require(result.summary)
        #expect(summary.diagnoses >= 1)
        #expect(summary.modules >= 12)
        #expect(summary.steps >= 60)
    }

    @Test("content/ builds with the bundled templates with zero diagnostics")
    func buildsClean() {
        let result = SiteBuild.run(
            content: DiskFileSystem(root: Fixtures.realContent), contentDisplay: "content",
            templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, options: .init())
        #expect(DiagnosticFormatter.format(result.diagnostics) == "")
        #expect(result.files.count > 80)
    }
}
