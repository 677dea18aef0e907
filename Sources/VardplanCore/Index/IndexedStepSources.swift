import VardplanDiagnostics

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
        for m in plan.modules.indices where plan.modules[m].status == .aktuell {
            for s in plan.modules[m].sections.indices {
                for t in plan.modules[m].sections[s].steps.indices where plan.modules[m].sections[s].steps[t].isVisible {
                    let step = plan.modules[m].sections[s].steps[t].step
                    let path = step.source.relativePath
                    guard let indexed = files.frontMatterOnly(path) else { continue }
                    guard let bytes = try? files.base.contents(of: path, maximumSize: SourceTextValidator.maximumFileSize),
                          bytes.starts(with: indexed) else { return false }
                    let file = SourceFile(path: step.source.path, relativePath: path, bytes: bytes)
                    var ignored = Diagnostics()
                    guard SourceTextValidator.validate(file, diagnostics: &ignored) else { return false }
                    plan.modules[m].sections[s].steps[t].step.source = file
                    plan.modules[m].sections[s].steps[t].step.bodyRange = step.bodyRange.lowerBound..<bytes.count
                }
            }
        }
        return true
    }
}
