import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// A diagnosis's languages rendered on several cores give exactly what one core gives:
/// the same pages in the same order, the same diagnostics, the same template usage.
@Suite("Parallel rendering")
struct ParallelRenderingTests {
    @Test("the pages of a diagnosis in three languages: parallel and sequential rendering agree byte for byte")
    func parallelEqualsSequential() throws {
        var diagnostics = Diagnostics()
        let (model, renderer) = try Fixtures.languagesRenderer(diagnostics: &diagnostics)
        #expect(model.config.languages.count == 3)
        #expect(!diagnostics.hasErrors)
        let results = DiagnosisPass.run(model, diagnostics: &diagnostics) { diagnosis, _ in
            var sequentialState = renderer.makeState()
            let sequential = renderer.renderPages(of: diagnosis, parallel: false, &sequentialState)
            var parallelState = renderer.makeState()
            let parallel = renderer.renderPages(of: diagnosis, parallel: true, &parallelState)
            return (sequential.map(\.path) == parallel.map(\.path),
                    sequential.map(\.bytes) == parallel.map(\.bytes),
                    DiagnosticFormatter.format(renderer.finish(sequentialState))
                        == DiagnosticFormatter.format(renderer.finish(parallelState)),
                    sequential.count)
        }
        #expect(!results.isEmpty)
        for (samePaths, sameBytes, sameDiagnostics, count) in results {
            #expect(samePaths && sameBytes && sameDiagnostics)
            #expect(count > 3)
        }
    }
}
