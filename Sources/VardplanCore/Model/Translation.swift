import VardplanDiagnostics
import VardplanMarkdown

/// The text of a diagnosis, module, section or step in another language than the
/// national one, from a file beside its Swedish source (`02-mammografi.en.md`,
/// `_module.ar.md`).
///
/// Staleness: a translation records which Swedish text it translates with
/// `source_hash:` in its front matter — `SourceHash.of` the Swedish file's title and
/// body, which `check` prints. When the Swedish text changes, the hash no longer
/// matches and the translation is reported stale until a translator updates it and
/// the hash.
public struct Translation: Sendable {
    public var language: String
    public var title: String
    /// `summary:` of a diagnosis or module translation.
    public var summary: String?
    /// The translated body: the intro of a diagnosis, module or section (parsed when
    /// the model is built); for a step, parsed with the step's body (`DiagnosisPass`).
    public var body: MarkdownDocument?
    public var source: SourceFile
    public var bodyRange: Range<Int>
    public var bodyFirstLine: Int
    public var bodyIsEmpty: Bool
    /// False when `source_hash` does not match the Swedish text (or is missing).
    public var isCurrent: Bool

    /// Parses the translated body with the content's Markdown options, in its language.
    public func parseBody(diagnostics: inout Diagnostics) -> MarkdownDocument {
        ContentFileParser.parseMarkdown(source, bodyRange: bodyRange, bodyFirstLine: bodyFirstLine,
                                        language: language, diagnostics: &diagnostics)
    }
}

/// The short hash a translation records of its Swedish source.
public enum SourceHash {
    /// Eight hex digits of the Swedish title and body text (front matter keys other
    /// than the title, such as `order` or `visible`, do not count: they are not
    /// translated).
    public static func of(title: String, body: ArraySlice<UInt8>) -> String {
        var hash = InputFingerprint()
        hash.add(title)
        hash.add(Array(body))
        return String(hash.hex.prefix(8))
    }
}

/// Right-to-left scripts.
public enum TextDirection {
    /// Languages written right to left without configuration: Arabic, Persian,
    /// Hebrew, Urdu (more in `site.yaml` `rtl_languages`).
    public static let knownRightToLeft = ["ar", "fa", "he", "ur"]
}
