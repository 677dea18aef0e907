import VardplanDiagnostics

extension ModelBuilder {
    /// `readability: {lix: 50, sentence_words: 35}` in `site.yaml`; either key may be
    /// left out for its default. Diagnostics: wrong type, unknown key, a limit below 1.
    func readReadability(_ site: FrontMatterReader, diagnostics: inout Diagnostics) -> ReadabilityLimits {
        var limits = ReadabilityLimits.standard
        guard let node = site.node("readability"), !node.isNull else { return limits }
        let reader = FrontMatterReader(node, file: site.file, allowedKeys: ["lix", "sentence_words"],
                                       container: "'readability'", missingKeysAt: node.location, diagnostics: &diagnostics)
        for (key, apply) in [("lix", { (value: Int) in limits.lix = value }),
                             ("sentence_words", { (value: Int) in limits.sentenceWords = value })] {
            guard let value = reader.int(key, diagnostics: &diagnostics) else { continue }
            if value < 1 {
                diagnostics.append(.readabilityLimitBelowOne(key: key, example: key == "lix" ? 50 : 35,
                                                             at: reader.node(key)?.location ?? reader.location(of: key)))
            } else {
                apply(value)
            }
        }
        return limits
    }
}
