import VardplanDiagnostics
import VardplanSystem

/// The step files a printout shows, read whole when the model was built from an index
/// that gave only their front matter (`IndexedFileSystem.frontMatterOnly(_:)`).
enum IndexedStepSources {
    /// Gives every step the patient sees (`PatientPlan.visibleSteps`: the visible steps
    /// of current modules, the ones whose bodies are parsed) that was loaded by its front
    /// matter only the bytes of its whole file. False when a file no longer begins with the bytes indexed (it
    /// changed since it was stat'ed), cannot be read or is not valid text: the caller
    /// then loads the content without the index, so the printout and its messages are
    /// those of a printout that never had one.
    static func complete(_ plan: inout PatientPlan, from files: IndexedFileSystem) -> Bool {
        guard files.servedFrontMatter else { return true }
        var shortened: [(module: Int, section: Int, step: Int, indexed: [UInt8])] = []
        for m in plan.modules.indices where plan.modules[m].status == .aktuell {
            for s in plan.modules[m].sections.indices {
                for t in plan.modules[m].sections[s].steps.indices where plan.modules[m].sections[s].steps[t].isVisible {
                    if let indexed = files.frontMatterOnly(plan.modules[m].sections[s].steps[t].step.source.relativePath) {
                        shortened.append((m, s, t, indexed))
                    }
                }
            }
        }
        // Read on every core: a printout's critical path waits for them.
        let steps = shortened.map { plan.modules[$0.module].sections[$0.section].steps[$0.step].step }
        let read = ParallelMap.map(Array(zip(steps, shortened.map(\.indexed))), minimumCount: 2) { step, indexed -> SourceFile? in
            let path = step.source.relativePath
            guard let bytes = try? files.base.contents(of: path, maximumSize: SourceTextValidator.maximumFileSize),
                  bytes.starts(with: indexed) else { return nil }
            let file = SourceFile(path: step.source.path, relativePath: path, bytes: bytes)
            var ignored = Diagnostics()
            return SourceTextValidator.validate(file, diagnostics: &ignored) ? file : nil
        }
        for ((m, s, t, _), file) in zip(shortened, read) {
            guard let file else { return false }
            let bodyStart = plan.modules[m].sections[s].steps[t].step.bodyRange.lowerBound
            plan.modules[m].sections[s].steps[t].step.source = file
            plan.modules[m].sections[s].steps[t].step.bodyRange = bodyStart..<file.bytes.count
        }
        return true
    }
}
