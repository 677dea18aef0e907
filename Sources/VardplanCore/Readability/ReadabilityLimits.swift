/// The plain-language limits `check` warns over, from `readability:` in `site.yaml`.
///
/// The defaults come from the bundled sample, national texts written for patients:
/// its steps of 40 words or more have LIX 12–45 (most 24–37), so 50 (the start of
/// "hard" texts, such as official documents) warns on a step clearly harder than the
/// sample without flagging plain Swedish; its longest sentence has 32 words, and 35 is where
/// plain-language guides (Språkrådet, Klarspråk) agree a sentence is too long to
/// follow on one reading.
public struct ReadabilityLimits: Sendable, Equatable {
    /// The highest LIX a step may have without a warning.
    public var lix: Int
    /// The most words a sentence may have without a warning.
    public var sentenceWords: Int
    /// Steps with fewer words get no LIX warning: the index means little on a few lines.
    public var minimumWords: Int

    public static let standard = ReadabilityLimits(lix: 50, sentenceWords: 35, minimumWords: 40)

    public init(lix: Int, sentenceWords: Int, minimumWords: Int) {
        self.lix = lix
        self.sentenceWords = sentenceWords
        self.minimumWords = minimumWords
    }
}
