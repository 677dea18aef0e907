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
    /// `ModelBuilder` and `LinkChecker`.
    public static func run(fileSystem: any ContentFileSystem, displayRoot: String, today: SimpleDate) -> Result {
        run(fileSystem: fileSystem, displayRoot: displayRoot, today: today, onlyDiagnosis: nil, parseStepBodies: true)
    }

    /// The same for one diagnosis, optionally without parsing step bodies (and then
    /// without checking their links): what a printout needs, fast.
    public static func run(fileSystem: any ContentFileSystem, displayRoot: String, today: SimpleDate,
                           onlyDiagnosis: String?, parseStepBodies: Bool) -> Result {
        var diagnostics = Diagnostics()
        let tree = ContentLoader(fileSystem: fileSystem, displayRoot: displayRoot, onlyDiagnosis: onlyDiagnosis)
            .load(diagnostics: &diagnostics)
        let model = ModelBuilder(today: today, parseStepBodies: parseStepBodies).build(tree, diagnostics: &diagnostics)
        if let model, parseStepBodies {
            LinkChecker.check(model, diagnostics: &diagnostics)
        }
        return Result(model: model, diagnostics: diagnostics)
    }
}
