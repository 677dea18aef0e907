import VardplanDiagnostics

/// The first stages every command shares: load the content tree, build the model,
/// check the links between steps.
public enum ContentPipeline {
    /// What loading and checking a content folder gave.
    public struct Result: Sendable {
        public var model: SiteModel?
        public var diagnostics: Diagnostics
        public var summary: ContentSummary? { model.map(ContentSummary.init) }
    }

    /// Loads, builds and checks a content tree. Diagnostics: those of `ContentLoader`,
    /// `ModelBuilder` and `DiagnosisPass` (Markdown and links). The model it returns
    /// holds no step bodies (they are checked, then let go); renderers parse the
    /// bodies they show.
    public static func run(fileSystem: any ContentFileSystem, displayRoot: String, today: SimpleDate) -> Result {
        run(fileSystem: fileSystem, displayRoot: displayRoot, today: today, onlyDiagnosis: nil, parseStepBodies: true)
    }

    /// The same for one diagnosis, optionally without parsing step bodies at all (and
    /// then without checking their links): what a printout needs, fast.
    public static func run(fileSystem: any ContentFileSystem, displayRoot: String, today: SimpleDate,
                           onlyDiagnosis: String?, parseStepBodies: Bool) -> Result {
        var diagnostics = Diagnostics()
        let tree = ContentLoader(fileSystem: fileSystem, displayRoot: displayRoot, onlyDiagnosis: onlyDiagnosis)
            .load(diagnostics: &diagnostics)
        // Step bodies are parsed and checked one diagnosis at a time, then let go: the
        // model keeps front matter only, so memory stays small at national scale.
        var builder = ModelBuilder(today: today, parseStepBodies: false, countsWords: parseStepBodies)
        builder.partialContent = onlyDiagnosis != nil
        let model = builder.build(tree, diagnostics: &diagnostics)
        if let model, parseStepBodies {
            _ = DiagnosisPass.run(model, diagnostics: &diagnostics) { _, _ in 0 }
        }
        return Result(model: model, diagnostics: diagnostics)
    }
}
