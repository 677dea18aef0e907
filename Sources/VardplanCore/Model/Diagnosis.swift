import VardplanDiagnostics
import VardplanMarkdown

/// One national diagnosis text (for example Bröstcancer) with its modules in order,
/// general modules included.
public struct Diagnosis: Sendable {
    public var id: String
    public var aliases: [String]
    public var title: String
    public var version: String
    public var approved: SimpleDate
    public var nextReview: SimpleDate
    public var publisher: String
    public var summary: String
    /// Text shown on the diagnosis page above its modules.
    public var intro: MarkdownDocument?
    public var modules: [Module]
    /// What each version changed, newest last, for manifests made against older versions.
    public var changes: [ContentChange]
    /// Where `_diagnosis.md` is.
    public var location: SourceLocation
    /// The relative path of its metadata file (`diagnoses/x/_diagnosis.md`): its identity, the same
    /// under any `--content`; `location` is for messages.
    public var sourcePath: String

    /// The relative path of its folder (`diagnoses/x`).
    public var folder: String {
        sourcePath.lastSlash.map { String(sourcePath[..<$0]) } ?? ""
    }
    /// Translations of `_diagnosis.md` by language code.
    public var translations: [String: Translation] = [:]

    /// Every step of every module, in reading order.
    public var steps: [Step] { modules.flatMap { $0.sections.flatMap(\.steps) } }
}
