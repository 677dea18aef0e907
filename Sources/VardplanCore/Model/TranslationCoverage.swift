/// How much of the content each translation language covers, for `check`: steps
/// translated out of all steps (general modules counted once), and stale ones.
public struct TranslationCoverage: Equatable, Sendable {
    public struct Language: Equatable, Sendable {
        public var code: String
        public var translated = 0
        public var stale = 0
    }

    public var steps = 0
    public var languages: [Language]

    public init(_ model: SiteModel) {
        let diagnosisModules = model.diagnoses.flatMap { $0.modules.filter { !$0.isGeneral } }
        let steps = (diagnosisModules + model.generalModules).flatMap(\.steps)
        self.steps = steps.count
        languages = model.config.translationLanguages.map { code in
            var language = Language(code: code)
            for step in steps {
                guard let translation = step.translations[code] else { continue }
                language.translated += 1
                if !translation.isCurrent { language.stale += 1 }
            }
            return language
        }
    }

    /// `translations: en 4 of 8 steps (1 stale), ar 1 of 8 steps`, or nil for a
    /// site with one language.
    public var line: String? {
        guard !languages.isEmpty else { return nil }
        return "translations: " + languages.map { language in
            "\(language.code) \(language.translated) of \(steps) steps" + (language.stale > 0 ? " (\(language.stale) stale)" : "")
        }.joined(separator: ", ")
    }
}
