/// The settings in `site.yaml`.
public struct SiteConfig: Sendable {
    public var title: String
    /// Language code of the national texts (`sv`).
    public var language: String
    /// Languages that translations may use; always includes `language`.
    public var languages: [String]
    /// Absolute URL the site is published at, if known (`https://…/`).
    public var baseURL: String?
    /// Care-phase tags that steps may use.
    public var phases: [String]
    /// Languages written right to left (`TextDirection.knownRightToLeft` and `rtl_languages`).
    public var rightToLeft: [String] = TextDirection.knownRightToLeft

    /// Whether `language` is written right to left.
    public func isRightToLeft(_ language: String) -> Bool { rightToLeft.contains(language) }

    /// The translation languages: every site language but the national one.
    public var translationLanguages: [String] { languages.filter { $0 != language } }

    /// Plain-language limits for `check` (`readability:`).
    public var readability: ReadabilityLimits = .standard

    public static let defaultPhases = ["utredning", "diagnos", "behandling", "uppfoljning", "rehabilitering", "palliativ"]

    public init(title: String, language: String, languages: [String], baseURL: String?, phases: [String]) {
        self.title = title
        self.language = language
        self.languages = languages
        self.baseURL = baseURL
        self.phases = phases
    }
}
