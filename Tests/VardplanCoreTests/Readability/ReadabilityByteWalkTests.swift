import Testing
@testable import VardplanCore

/// `ReadabilityIndex.add` walks UTF-8 bytes; it must count exactly as the scalar walk it
/// replaced, kept here as the reference, on text with Swedish letters, combining marks,
/// digits, abbreviations, quotes and every kind of sentence end.
@Suite("LIX on bytes equals the scalar walk")
struct ReadabilityByteWalkTests {
    /// The scalar walk of `ReadabilityIndex.add` before it read bytes.
    struct ScalarWalkReference {
        var words = 0
        var longWords = 0
        var sentences = 0
        var sentenceLengths: [ReadabilityIndex.SentenceLength] = []
        var units = 0

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

        mutating func add(_ text: String) {
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
                sentenceLengths.append(ReadabilityIndex.SentenceLength(opening: opening.joined(separator: " "), words: sentenceWords, unit: unit))
                sentenceWords = 0
                opening = []
            }

            var index = view.startIndex
            while index < view.endIndex {
                let scalar = view[index]
                let nextIndex = view.index(after: index)
                let next: Unicode.Scalar? = nextIndex < view.endIndex ? view[nextIndex] : nil
                defer { index = nextIndex }
                let letter = ScalarWalkReference.isLetter(scalar)
                if letter || ScalarWalkReference.isDigit(scalar) {
                    if wordStart == nil { wordStart = index }
                    if letter { letters += 1 }
                    continue
                }
                if wordStart != nil, !scalar.isASCII, scalar.properties.generalCategory == .nonspacingMark {
                    continue  // a combining ring or diaeresis: part of the letter before it
                }
                // `-`, `'` and `.` inside a word keep it one word: `t.ex`, `cancer-rehabilitering`.
                if scalar == "-" || scalar == "'" || scalar == "’" || scalar == ".", wordStart != nil,
                   let next, ScalarWalkReference.isLetter(next) || ScalarWalkReference.isDigit(next) {
                    continue
                }
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":",
                   next == nil || next!.properties.isWhitespace || next == "\"" || next == "”" || next == ")" {
                    var isAbbreviation = false
                    if scalar == ".", let start = wordStart, view.distance(from: start, to: index) <= 6 {
                        isAbbreviation = ReadabilityIndex.abbreviations.contains(String(view[start..<index]).lowercased())
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

    static let pieces: [String] = [
        "Behandlingen", "pågår", "under", "flera", "veckor", "t.ex.", "bl.a.", "ca.", "dvs.", "Åsa", "ÖVERLÄKARE",
        "cancer-rehabilitering", "don't", "15", "3,5", "٣", "²", "×", "÷", "naïve", "a\u{30A}ngest", "e\u{301}",
        "T.EX.", "Ca.", "KL.", "Inkl.", "\u{212A}l.", "OSV.", "o.s.v.", "fr.o.m.", "P.G.A.", "etc", "Behandlingsperioden",
        "µg", "ª", "så.", "PÅ.", "Kål.", "\u{212A}Ål.", "Ωmega", "中文", "🙂", "–", "—", "“", "”", "\"", ")", "(", ".", "!", "?", ":", "...", "’", "'", "-",
        " ", " ", " ", "  ", "\n", "\t", "\u{A0}", "\u{2003}", "\u{85}", "x", "ÿ", "Ÿ", "ß", "æ", "Ø",
    ]

    @Test("random texts: words, long words, sentences and every sentence's opening")
    func randomTexts() {
        var generator = SplitMix64(seed: 15)
        for _ in 0..<3000 {
            var units: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                var text = ""
                for _ in 0..<Int.random(in: 0...40, using: &generator) {
                    text += Self.pieces.randomElement(using: &generator)!
                    if Bool.random(using: &generator) { text += " " }
                }
                units.append(text)
            }
            var reference = ScalarWalkReference()
            for unit in units { reference.add(unit) }
            let index = ReadabilityIndex(units: units)
            #expect(index.words == reference.words, "\(units)")
            #expect(index.longWords == reference.longWords, "\(units)")
            #expect(index.sentences == reference.sentences, "\(units)")
            #expect(index.sentenceLengths == reference.sentenceLengths, "\(units)")
            #expect(index.units == reference.units)
        }
    }
}
