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
