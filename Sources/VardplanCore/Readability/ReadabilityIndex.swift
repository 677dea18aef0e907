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

    /// Sentences of at most this many words get no `opening` (empty): only a long
    /// sentence's is ever shown, and making one for every sentence was a fifth of the walk.
    public var openingsAbove = 0

    /// One sentence's first words and length, for a long-sentence warning.
    public struct SentenceLength: Sendable, Equatable {
        /// The first six words, separated by spaces; empty for a sentence of at most
        /// `openingsAbove` words.
        public var opening: String
        public var words: Int
        /// Which text unit (of those given to `add`) it was in.
        public var unit: Int
    }

    public init(openingsAbove: Int = 0) {
        self.openingsAbove = openingsAbove
    }

    /// The LIX of several text units, each its own sentence at least.
    public init(units: [String], openingsAbove: Int = 0) {
        self.openingsAbove = openingsAbove
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
        for index in 1..<length where offset + index < bytes.count {
            value = value << 6 | UInt32(bytes[offset + index] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// What an ASCII byte is to the walk: bit 0 a letter, bit 1 a digit, bit 2 a mark
    /// that may join a word or end a sentence (`-` `'` `.` `!` `?` `:`); 0 anything else,
    /// which only ends a word.
    private static let asciiWordClass: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): return 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 2
        case UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: ":"): return 4
        default: return 0
        }
    }

    /// The abbreviations as their ASCII bytes packed into an integer (all are at most
    /// eight bytes), so that an ASCII word is looked up without making a string.
    private static let packedAbbreviations: Set<UInt64> = Set(abbreviations.map { packed(Array($0.utf8))! })

    /// Up to eight ASCII bytes, lowercased, packed into an integer; `nil` for anything else.
    private static func packed(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var result: UInt64 = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            result = result << 8 | UInt64(lowered)
        }
        return result
    }

    /// Whether the word `bytes[range]` (before a `.`) is a known abbreviation.
    private static func isAbbreviation(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        if let packedWord = packed(word) { return packedAbbreviations.contains(packedWord) }
        // A Latin-1 letter (C2/C3 …: `på.`, `så.`) lowercases to one that is not ASCII,
        // so the word is none of the (ASCII) abbreviations: no string to make.
        if word.contains(where: { $0 == 0xC2 || $0 == 0xC3 }) { return false }
        // Other letters may lowercase to ASCII (the Kelvin sign to `k`): Unicode's rules.
        return abbreviations.contains(String(decoding: word, as: UTF8.self).lowercased())
    }

    /// Adds one text unit given as UTF-8 (valid: from a `String` or a Markdown body).
    public mutating func add(utf8 text: [UInt8]) {
        text.withUnsafeBufferPointer { add(utf8: $0) }
    }

    private mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var walk = SentenceWalk(unit: units, openingsAbove: openingsAbove)
        // The walk appends its sentences to this index's list, moved in and out (an
        // array per unit, appended here and freed, was a third of the walk's cost).
        swap(&walk.lengths, &sentenceLengths)
        units += 1
        let count = bytes.count
        var index = 0
        // Scalars before `index`, for the length of a word before a `.` (an abbreviation
        // has at most six).
        var scalarNumber = 0
        Self.asciiWordClass.withUnsafeBufferPointer { asciiWordClass in
            while index < count {
                let lead = bytes[index]
                // The common cases first: a run of ASCII letters and digits, and of
                // Latin-1's letters inside it (å, ä, ö, é: C3 80–BF but × and ÷) …
                let wordClass = lead < 0x80 ? asciiWordClass[Int(lead)] : 4
                if wordClass & 3 != 0 {
                    walk.startWord(at: index, scalar: scalarNumber)
                    var position = index
                    var letters = 0
                    var scalars = 0
                    while position < count {
                        let byte = bytes[position]
                        if byte < 0x80 {
                            let wordClass = asciiWordClass[Int(byte)]
                            if wordClass & 3 == 0 { break }
                            letters += Int(wordClass & 1)
                            position += 1
                        } else if byte == 0xC3, position + 1 < count, bytes[position + 1] != 0x97,
                                  bytes[position + 1] != 0xB7 {
                            letters += 1
                            position += 2
                        } else {
                            break
                        }
                        scalars += 1
                    }
                    walk.letters += letters
                    scalarNumber += scalars
                    index = position
                    continue
                }
                // … a space or other ASCII mark that only ends a word …
                if wordClass == 0 {
                    walk.finishWord(at: index)
                    index += 1
                    scalarNumber += 1
                    continue
                }
                // … and Latin-1's letters (å, ä, ö, é: C3 80–BF but × and ÷).
                if lead == 0xC3, index + 1 < count, bytes[index + 1] != 0x97, bytes[index + 1] != 0xB7 {
                    walk.startWord(at: index, scalar: scalarNumber)
                    walk.letters += 1
                    index += 2
                    scalarNumber += 1
                    continue
                }
                let (scalar, length) = Self.scalar(at: index, in: bytes)
                let nextIndex = index + length
                let here = index
                index = nextIndex
                scalarNumber += 1
                let letter = lead >= 0x80 && Self.isLetter(scalar)
                if letter || (lead >= 0x80 && Self.isDigit(scalar)) {
                    walk.startWord(at: here, scalar: scalarNumber - 1)
                    if letter { walk.letters += 1 }
                    continue
                }
                if walk.inWord, lead >= 0x80, scalar.properties.generalCategory == .nonspacingMark {
                    continue  // a combining ring or diaeresis: part of the letter before it
                }
                let next: Unicode.Scalar? = nextIndex < count ? Self.scalar(at: nextIndex, in: bytes).0 : nil
                // `-`, `'` and `.` inside a word keep it one word: `t.ex`, `cancer-rehabilitering`.
                if scalar == "-" || scalar == "'" || scalar == "’" || scalar == ".", walk.inWord,
                   let next, Self.isLetter(next) || Self.isDigit(next) {
                    continue
                }
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":",
                   next == nil || Self.isWhitespace(next!) || next == "\"" || next == "”" || next == ")" {
                    var isAbbreviation = false
                    if scalar == ".", walk.inWord, scalarNumber - 1 - walk.wordStartScalar <= 6 {
                        isAbbreviation = Self.isAbbreviation(walk.wordStart..<here, in: bytes)
                    }
                    walk.finishWord(at: here)
                    if !isAbbreviation { walk.finishSentence(bytes) }
                    continue
                }
                walk.finishWord(at: here)
            }
        }
        walk.finishWord(at: count)
        walk.finishSentence(bytes)
        words += walk.words
        longWords += walk.longWords
        sentences += walk.sentences
        swap(&walk.lengths, &sentenceLengths)
    }

    /// The state of one unit's walk: the word being read, the sentence's words so far.
    private struct SentenceWalk {
        let unit: Int
        let openingsAbove: Int
        var words = 0
        var longWords = 0
        var sentences = 0
        var lengths: [SentenceLength] = []
        var sentenceWords = 0
        /// The sentence's first six words as byte ranges; joined by spaces when it ends.
        var opening: [Range<Int>] = []
        /// The word being read: its first byte (-1 between words), its number among
        /// the scalars, its letters so far.
        var wordStart = -1
        var wordStartScalar = 0
        var letters = 0

        init(unit: Int, openingsAbove: Int) {
            self.unit = unit
            self.openingsAbove = openingsAbove
        }

        var inWord: Bool { wordStart >= 0 }

        @inline(__always)
        mutating func startWord(at index: Int, scalar: Int) {
            if wordStart < 0 {
                wordStart = index
                wordStartScalar = scalar
            }
        }

        mutating func finishWord(at end: Int) {
            guard wordStart >= 0 else { return }
            if letters > 0 {
                words += 1
                sentenceWords += 1
                if letters > 6 { longWords += 1 }
                if opening.count < 6 {
                    if opening.isEmpty { opening.reserveCapacity(6) }
                    opening.append(wordStart..<end)
                }
            }
            wordStart = -1
            letters = 0
        }

        mutating func finishSentence(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard sentenceWords > 0 else { return }
            sentences += 1
            var text = ""
            if sentenceWords > openingsAbove {
                let length = opening.reduce(opening.count - 1) { $0 + $1.count }
                text = String(unsafeUninitializedCapacity: length) { buffer in
                    var written = 0
                    for (number, range) in opening.enumerated() {
                        if number > 0 {
                            buffer[written] = 0x20
                            written += 1
                        }
                        for index in range {
                            buffer[written] = bytes[index]
                            written += 1
                        }
                    }
                    return written
                }
            }
            lengths.append(SentenceLength(opening: text, words: sentenceWords, unit: unit))
            sentenceWords = 0
            opening.removeAll(keepingCapacity: true)
        }
    }
}
