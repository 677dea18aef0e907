import VardplanDiagnostics

/// The first stages every command shares: read the content folder once into a
/// snapshot, load the content tree from it, build the model, check the links
/// between steps.
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
        run(snapshot: ContentSnapshot(reading: fileSystem, displayRoot: displayRoot), today: today)
    }

    /// The same from a content folder already read.
    public static func run(snapshot: ContentSnapshot, today: SimpleDate) -> Result {
        var diagnostics = Diagnostics()
        let tree = ContentLoader(snapshot: snapshot).load(diagnostics: &diagnostics)
        // Step bodies are parsed and checked one diagnosis at a time, then let go: the
        // model keeps front matter only, so memory stays small at national scale.
        let model = ModelBuilder(today: today).build(tree, diagnostics: &diagnostics)
        if let model {
            _ = DiagnosisPass.run(model, diagnostics: &diagnostics) { _, _ in 0 }
        }
        return Result(model: model, diagnostics: diagnostics)
    }

    /// One diagnosis's content (and the general modules) without parsing step bodies
    /// at all, and so without checking their links: what a printout needs, fast. Only
    /// that diagnosis's folder is read (every diagnosis when no folder gives the id).
    public static func runWithoutBodies(fileSystem: any ContentFileSystem, displayRoot: String, today: SimpleDate,
                                        onlyDiagnosis: String?) -> Result {
        var only: (@Sendable (String) -> Bool)?
        if let onlyDiagnosis {
            only = { name in ContentID.fromName(name) == onlyDiagnosis }
        }
        let snapshot = ContentSnapshot(reading: fileSystem, displayRoot: displayRoot,
                                       entering: ContentLoader.folderFilter(only, in: fileSystem))
        var diagnostics = Diagnostics()
        let tree = ContentLoader(snapshot: snapshot, onlyDiagnosisFolders: only).load(diagnostics: &diagnostics)
        var builder = ModelBuilder(today: today, countsWords: false)
        builder.partialContent = onlyDiagnosis != nil
        let model = builder.build(tree, diagnostics: &diagnostics)
        return Result(model: model, diagnostics: diagnostics)
    }
}
