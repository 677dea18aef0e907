import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// A diagnosis's pages handed out in batches as they are rendered (what a build does to
/// hold one batch of pages at a time) are exactly the pages rendered all at once.
@Suite("Batched rendering")
struct BatchedRenderingTests {
    @Test("pages in batches of at most the batch size: the same pages, bytes, order and diagnostics as all at once")
    func batchesEqualWhole() throws {
        var diagnostics = Diagnostics()
        let (model, renderer) = try Fixtures.languagesRenderer(diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        let results = DiagnosisPass.run(model, diagnostics: &diagnostics) { diagnosis, _ in
            var wholeState = renderer.makeState()
            let whole = renderer.renderPages(of: diagnosis, &wholeState)
            var batchState = renderer.makeState()
            var batches: [[OutputFile]] = []
            renderer.renderPages(of: diagnosis, batchSize: 3, &batchState) { batches.append($0) }
            let batched = batches.flatMap { $0 }
            return (whole.map(\.path) == batched.map(\.path), whole.map(\.bytes) == batched.map(\.bytes),
                    DiagnosticFormatter.format(renderer.finish(wholeState))
                        == DiagnosticFormatter.format(renderer.finish(batchState)),
                    batches.allSatisfy { (1...3).contains($0.count) }, batches.count)
        }
        #expect(!results.isEmpty)
        for (samePaths, sameBytes, sameDiagnostics, sized, count) in results {
            #expect(samePaths && sameBytes && sameDiagnostics && sized)
            #expect(count > 1)
        }
    }
}
