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
        var shortened: [(module: Int, section: Int, step: Int, source: SourceFile, indexed: [UInt8])] = []
        for m in plan.modules.indices where plan.modules[m].status == .aktuell {
            for s in plan.modules[m].sections.indices {
                for t in plan.modules[m].sections[s].steps.indices where plan.modules[m].sections[s].steps[t].isVisible {
                    let source = plan.modules[m].sections[s].steps[t].step.source
                    if let indexed = files.frontMatterOnly(source.relativePath) { shortened.append((m, s, t, source, indexed)) }
                }
            }
        }
        // Read on every core: a printout's critical path waits for them.
        let read = ParallelMap.map(shortened, minimumCount: 2) { item -> SourceFile? in
            let path = item.source.relativePath
            guard let bytes = try? files.base.contents(of: path, maximumSize: SourceTextValidator.maximumFileSize),
                  bytes.starts(with: item.indexed) else { return nil }
            let file = SourceFile(path: item.source.path, relativePath: path, bytes: bytes)
            var ignored = Diagnostics()
            return SourceTextValidator.validate(file, diagnostics: &ignored) ? file : nil
        }
        for (item, file) in zip(shortened, read) {
            guard let file else { return false }
            let (m, s, t) = (item.module, item.section, item.step)
            let bodyStart = plan.modules[m].sections[s].steps[t].step.bodyRange.lowerBound
            plan.modules[m].sections[s].steps[t].step.source = file
            plan.modules[m].sections[s].steps[t].step.bodyRange = bodyStart..<file.bytes.count
        }
        return true
    }
}
