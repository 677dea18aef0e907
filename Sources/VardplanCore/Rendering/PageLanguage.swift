import VardplanMarkdown
import VardplanTemplates

/// One language of the site as the renderers need it: where its pages live (the
/// national language at the top, others under `<code>/`), its direction, its fixed
/// words, and which text to show where a translation is missing.
public struct PageLanguage: Sendable {
    public let code: String
    public let nationalCode: String
    public let isRightToLeft: Bool
    /// The `t` object of the templates.
    public let strings: TemplateValue
    private let table: [String: String]
    /// The Markdown renderer's accessible names in this language (every body asks).
    public let markdownLabels: [String: String]

    public init(code: String, config: SiteConfig, strings: InterfaceStrings) {
        self.code = code
        self.nationalCode = config.language
        self.isRightToLeft = config.isRightToLeft(code)
        self.strings = strings.values(for: code, reference: config.language)
        if case .object(let values) = self.strings {
            var table: [String: String] = [:]
            for (key, value) in values { if case .text(let text) = value { table[key] = text } }
            self.table = table
        } else {
            self.table = [:]
        }
        var labels: [String: String] = [:]
        for key in MarkdownHTMLRenderer.Configuration.defaultLabels.keys {
            if let text = table[key] { labels[key] = text }
        }
        self.markdownLabels = labels
    }

    public var isNational: Bool { code == nationalCode }
    /// `en/` (empty for the national language).
    public var prefix: String { isNational ? "" : code + "/" }
    public func path(_ nationalPath: String) -> String { prefix + nationalPath }

    /// A fixed word (the key itself when no strings file has it).
    public func string(_ key: String) -> String { table[key] ?? key }

    /// A fixed word, or `fallback` when no strings file has it.
    public func string(_ key: String, default fallback: String) -> String { table[key] ?? fallback }

    /// Fields every template gets: `t`, `rtl`.
    public var fields: TemplateObject {
        ["t": strings, "rtl": .bool(isRightToLeft),
         // Marks Swedish names (the site's title, publishers) on another language's page.
         "national_lang": isNational ? .null : .text(nationalCode)]
    }

    /// `1 mars 2025` in the language's month names.
    public func dateText(_ date: SimpleDate) -> String {
        if isNational, table["month_\(date.month)"] == nil { return date.swedishText }
        return "\(date.day) \(string("month_\(date.month)")) \(date.year)"
    }

    /// A text and the language it is in, when that differs from the page's.
    public struct Picked {
        public var text: String
        public var lang: String?
        public var langValue: TemplateValue { lang.map(TemplateValue.text) ?? .null }
        public var pair: (String, String?) { (text, lang) }
    }

    /// The translation's text in this language, else the Swedish text marked Swedish.
    public func pick(_ swedish: String, _ translations: [String: Translation],
                     _ field: (Translation) -> String?) -> Picked {
        if isNational { return Picked(text: swedish, lang: nil) }
        if let translation = translations[code], let text = field(translation) { return Picked(text: text, lang: nil) }
        return Picked(text: swedish, lang: nationalCode)
    }
}
