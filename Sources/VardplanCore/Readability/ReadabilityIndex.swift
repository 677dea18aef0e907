/// LIX (läsbarhetsindex), the Swedish readability index, of a text:
/// words per sentence + 100 × long words / words, a long word having more than six
/// letters. Around 30 is easy, 40 plain prose such as a newspaper, 50 and over hard.
///
/// Words are runs of letters and digits (joined by `-`, `'` or `.` inside a word, so
/// `t.ex.` is one word) holding at least one letter; numbers alone are not words, and
/// only letters count towards a long word. A sentence ends at `.`, `!`, `?` or
/// `:` before a space or the end of the text, and at the end of every text unit (a
/// paragraph, heading, list item or table cell); a `.` that ends a known abbreviation
/// (`t.ex.`, `bl.a.`, `ca.`, `dvs.` …) does not end a sentence.
public struct ReadabilityIndex: Sendable, Equatable {
    public var words = 0
    public var longWords = 0
    public var sentences = 0
    /// The sentences, each with its word count, in order.
    public var sentenceLengths: [SentenceLength] = []
    /// How many text units were added.
    public var units = 0

    /// One sentence's first words and length, for a long-sentence warning.
    public struct SentenceLength: Sendable, Equatable {
        public var opening: String
        public var words: Int
        /// Which text unit (of those given to `add`) it was in.
        public var unit: Int
    }

    public init() {}

    /// The LIX of several text units, each its own sentence at least.
    public init(units: [String]) {
        for unit in units { add(unit) }
    }

    /// LIX, or 0 for a text without words.
    public var value: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return Double(words) / Double(sentences) + 100 * Double(longWords) / Double(words)
    }

    /// LIX rounded to a whole number, as it is usually given.
    public var rounded: Int { Int(value.rounded()) }

    static let abbreviations: Set<String> = ["t.ex", "bl.a", "m.m", "s.k", "o.s.v", "osv", "dvs", "d.v.s", "ca", "etc",
                                             "nr", "tel", "kl", "jfr", "resp", "p.g.a", "pga", "ev", "inkl", "exkl",
                                             "fr.o.m", "t.o.m", "f.d", "obs", "mfl", "m.fl", "e.g", "i.e"]

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.numericType == .decimal
    }

    /// Adds one text unit: it ends a sentence at its end.
    ///
    /// Walks the Unicode scalars once without building a string per word (this runs
    /// over every step for the staff overview): only a sentence's first words and a
    /// possible abbreviation are made into text.
    public mutating func add(_ text: String) {
        let unit = units
        units += 1
        let view = text.unicodeScalars
        var sentenceWords = 0
        var opening: [String] = []
        var wordStart: String.UnicodeScalarView.Index?
        var letters = 0

        func finishWord(at end: String.UnicodeScalarView.Index) {
            guard let start = wordStart else { return }
            if letters > 0 {
                words += 1
                sentenceWords += 1
                if letters > 6 { longWords += 1 }
                if opening.count < 6 { opening.append(String(view[start..<end])) }
            }
            wordStart = nil
            letters = 0
        }
        func finishSentence() {
            guard sentenceWords > 0 else { return }
            sentences += 1
            sentenceLengths.append(SentenceLength(opening: opening.joined(separator: " "), words: sentenceWords, unit: unit))
            sentenceWords = 0
            opening = []
        }

        var index = view.startIndex
        while index < view.endIndex {
            let scalar = view[index]
            let nextIndex = view.index(after: index)
            let next: Unicode.Scalar? = nextIndex < view.endIndex ? view[nextIndex] : nil
            defer { index = nextIndex }
            let letter = Self.isLetter(scalar)
            if letter || Self.isDigit(scalar) {
                if wordStart == nil { wordStart = index }
                if letter { letters += 1 }
                continue
            }
            if wordStart != nil, !scalar.isASCII, scalar.properties.generalCategory == .nonspacingMark {
                continue  // a combining ring or diaeresis: part of the letter before it
            }
            // `-`, `'` and `.` inside a word keep it one word: `t.ex`, `cancer-rehabilitering`.
            if scalar == "-" || scalar == "'" || scalar == "’" || scalar == ".", wordStart != nil,
               let next, Self.isLetter(next) || Self.isDigit(next) {
                continue
            }
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":",
               next == nil || next!.properties.isWhitespace || next == "\"" || next == "”" || next == ")" {
                var isAbbreviation = false
                if scalar == ".", let start = wordStart, view.distance(from: start, to: index) <= 6 {
                    isAbbreviation = Self.abbreviations.contains(String(view[start..<index]).lowercased())
                }
                finishWord(at: index)
                if !isAbbreviation { finishSentence() }
                continue
            }
            finishWord(at: index)
        }
        finishWord(at: view.endIndex)
        finishSentence()
    }
}
