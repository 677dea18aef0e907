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
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        // Latin-1's letters (À–ÿ but × and ÷) without a property lookup: å, ä, ö, é …
        if value >= 0xC0 && value <= 0xFF { return value != 0xD7 && value != 0xF7 }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        // No decimal digit below U+0660 but the ASCII ones (², ³, ¹ are not decimal).
        if value < 0x660 { return false }
        return scalar.properties.numericType == .decimal
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// Adds one text unit: it ends a sentence at its end.
    ///
    /// Walks the UTF-8 bytes once, decoding each scalar, without building a string per
    /// word (this runs over every step for the staff overview): only a sentence's first
    /// words and a possible abbreviation are made into text.
    public mutating func add(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ add(utf8: $0) }) { return done }
        let copy = Array(text.utf8)
        copy.withUnsafeBufferPointer { add(utf8: $0) }
    }

    /// The scalar that starts at `offset` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        var value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = lead & 0x1F
            length = 2
        } else if lead < 0xF0 {
            value = lead & 0x0F
            length = 3
        } else {
            value = lead & 0x07
            length = 4
        }
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        let unit = units
        units += 1
        var sentenceWords = 0
        // The sentence's first six words, separated by spaces (UTF-8), and how many there are.
        var opening: [UInt8] = []
        var openingWords = 0
        // The word being read: its first byte and its number among the scalars.
        var wordStart: Int?
        var wordStartScalar = 0
        var letters = 0

        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func finishWord(at end: Int) {
            guard let start = wordStart else { return }
            if letters > 0 {
                words += 1
                sentenceWords += 1
                if letters > 6 { longWords += 1 }
                if openingWords < 6 {
                    if openingWords > 0 { opening.append(0x20) }
                    opening.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    openingWords += 1
                }
            }
            wordStart = nil
            letters = 0
        }
        func finishSentence() {
            guard sentenceWords > 0 else { return }
            sentences += 1
            sentenceLengths.append(SentenceLength(opening: String(decoding: opening, as: UTF8.self), words: sentenceWords,
                                                  unit: unit))
            sentenceWords = 0
            opening.removeAll(keepingCapacity: true)
            openingWords = 0
        }

        let count = bytes.count
        var index = 0
        var scalarNumber = 0
        var current: (Unicode.Scalar, Int)? = count > 0 ? Self.scalar(at: 0, in: bytes) : nil
        while let (scalar, length) = current {
            let nextIndex = index + length
            let following = nextIndex < count ? Self.scalar(at: nextIndex, in: bytes) : nil
            let next = following?.0
            defer {
                index = nextIndex
                scalarNumber += 1
                current = following
            }
            let letter = Self.isLetter(scalar)
            if letter || Self.isDigit(scalar) {
                if wordStart == nil {
                    wordStart = index
                    wordStartScalar = scalarNumber
                }
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
               next == nil || Self.isWhitespace(next!) || next == "\"" || next == "”" || next == ")" {
                var isAbbreviation = false
                if scalar == ".", let start = wordStart, scalarNumber - wordStartScalar <= 6 {
                    isAbbreviation = Self.abbreviations.contains(text(start..<index).lowercased())
                }
                finishWord(at: index)
                if !isAbbreviation { finishSentence() }
                continue
            }
            finishWord(at: index)
        }
        finishWord(at: count)
        finishSentence()
    }
}
