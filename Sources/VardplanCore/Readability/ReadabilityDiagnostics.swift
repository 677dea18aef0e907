import VardplanDiagnostics

// Plain language (VP600–VP699): the readability limits in site.yaml and the steps
// over them. Each code's wording lives here; docs/diagnostics.md lists them.

extension DiagnosticCode {
    /// A step's LIX over the limit (warning).
    static let lixOverLimit = DiagnosticCode("VP600")
    /// A sentence with more words than the limit (warning).
    static let sentenceTooLong = DiagnosticCode("VP601")
    /// A readability limit in site.yaml below 1.
    static let readabilityLimitBelowOne = DiagnosticCode("VP602")
}

extension Diagnostic {
    static func lixOverLimit(_ index: ReadabilityIndex, limit: Int, at location: SourceLocation) -> Diagnostic {
        .warning(.lixOverLimit,
                 "the step's LIX is \(index.rounded), over the limit \(limit) ('readability: lix' in site.yaml); "
                     + "write shorter sentences and shorter words (\(index.words) words in \(index.sentences) sentences, "
                     + "\(index.longWords) of more than six letters)",
                 at: location)
    }

    static func sentenceTooLong(_ sentence: ReadabilityIndex.SentenceLength, limit: Int,
                                at location: SourceLocation) -> Diagnostic {
        .warning(.sentenceTooLong,
                 "the sentence '\(sentence.opening) …' has \(sentence.words) words, over the limit \(limit) "
                     + "('readability: sentence_words' in site.yaml); split it into shorter sentences",
                 at: location)
    }

    /// `key` is `lix` or `sentence_words`; the example is that limit's default.
    static func readabilityLimitBelowOne(key: String, example: Int, at location: SourceLocation) -> Diagnostic {
        .error(.readabilityLimitBelowOne, "'\(key)' must be a whole number of 1 or more, such as \(example)", at: location)
    }
}
