import VardplanDiagnostics
import VardplanMarkdown

/// Whether a module is patient information or a form to fill in.
public enum ModuleKind: String, Sendable, CaseIterable {
    case info
    case form
}

/// A module (modul) of a care plan, such as *Utredning*.
public struct Module: Sendable {
    public var id: String
    public var aliases: [String]
    public var title: String
    public var order: Int
    /// *Aktuell* when a plan starts; otherwise *kommande*.
    public var activeAtStart: Bool
    public var kind: ModuleKind
    public var summary: String?
    public var intro: MarkdownDocument?
    public var sections: [Section]
    /// Whether the module comes from `general/`, shared by every diagnosis.
    public var isGeneral: Bool
    public var location: SourceLocation
    /// The relative path of its metadata file (`diagnoses/x/02-behandling/_module.md`): its identity, the same
    /// under any `--content`; `location` is for messages.
    public var sourcePath: String
    /// Translations by language code.
    public var translations: [String: Translation] = [:]

    public var steps: [Step] { sections.flatMap(\.steps) }
}

/// A section (avsnitt) of a module, such as *Röntgen och bilddiagnostik*.
public struct Section: Sendable {
    public var id: String
    public var aliases: [String]
    public var title: String
    public var order: Int
    public var intro: MarkdownDocument?
    public var steps: [Step]
    public var location: SourceLocation
    /// The relative path of its metadata file (`…/01-cytostatika/_section.md`): its identity, the same
    /// under any `--content`; `location` is for messages.
    public var sourcePath: String
    /// Translations by language code.
    public var translations: [String: Translation] = [:]
}

/// A step (steg): one page of patient text, such as *Magnetkameraundersökning – MR*.
public struct Step: Sendable {
    public var id: String
    public var aliases: [String]
    public var title: String
    public var order: Int
    /// *Synlig* in a new plan unless a nurse hides it.
    public var visibleByDefault: Bool
    public var phases: [String]
    public var body: MarkdownDocument
    public var wordCount: Int
    /// The file the step comes from, and where its body is in it.
    public var source: SourceFile
    public var bodyRange: Range<Int>
    public var bodyFirstLine: Int
    public var location: SourceLocation
    /// Language codes of the translations found beside the step.
    public var translationLanguages: [String]
    /// Translations by language code (bodies parsed with the step's own body).
    public var translations: [String: Translation] = [:]
    /// The region's name, for a regional step (`RegionalStep`); nil for national steps.
    public var regionName: String?
    /// A region's supplements shown with this step, in a regional build.
    public var supplements: StepSupplements?
    /// The LIX of the parsed body, kept by the readability check so pages need not count again;
    /// nil until the body is parsed and checked.
    public var readability: ReadabilityIndex?
}
