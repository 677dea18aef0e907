import Testing
@testable import VardplanCore

/// LIX = words / sentences + 100 × long words / words; a long word has more than six letters.
@Suite("LIX and long sentences")
struct ReadabilityIndexTests {
    @Test("LIX of texts worked out by hand", arguments: [
        // 6 words, 2 sentences, no long word: 3 + 0.
        (["Jag går hem. Du läser boken."], 6, 2, 0, 3.0),
        // 5 words, 1 sentence, 'Behandlingen': 5 + 20.
        (["Behandlingen pågår under flera veckor."], 5, 1, 1, 25.0),
        // 10 words, 1 sentence, 4 long (Cytostatika, läkemedel, hindrar, cancerceller): 10 + 40.
        (["Cytostatika är läkemedel som hindrar cancerceller från att dela sig."], 10, 1, 4, 50.0),
        // 't.ex.' is one word and ends no sentence: 6 words, 2 sentences, 'promenad': 3 + 16.67.
        (["Ta t.ex. en promenad. Vila sedan."], 6, 2, 1, 3.0 + 100.0 / 6.0),
        // Numbers are not words: 3 words, 1 long ('minuter'): 3 + 33.33.
        (["Det tar 15 minuter."], 3, 1, 1, 3.0 + 100.0 / 3.0),
        // A heading ends a sentence without a full stop: 5 words, 2 sentences, 2 long: 2.5 + 40.
        (["Före undersökningen", "Drick som vanligt."], 5, 2, 2, 42.5),
        // '?' and '!' end sentences: 4 words, 2 sentences, none long.
        (["Gör det ont? Ring!"], 4, 2, 0, 2.0),
        ([""], 0, 0, 0, 0.0),
    ])
    func knownValues(units: [String], words: Int, sentences: Int, longWords: Int, lix: Double) {
        let index = ReadabilityIndex(units: units)
        #expect(index.words == words)
        #expect(index.sentences == sentences)
        #expect(index.longWords == longWords)
        #expect(abs(index.value - lix) < 0.001)
    }

    @Test("sentence lengths are kept with their first words")
    func sentenceLengths() {
        let index = ReadabilityIndex(units: ["Ett två tre. Fyra fem."])
        #expect(index.sentenceLengths == [
            .init(opening: "Ett två tre", words: 3, unit: 0),
            .init(opening: "Fyra fem", words: 2, unit: 0),
        ])
    }

    @Test("only a sentence over openingsAbove words keeps its first words; the counts are the same")
    func openingsOnlyForLongSentences() {
        let text = "Ett två tre. Fyra fem sex sju åtta nio tio elva."
        let every = ReadabilityIndex(units: [text])
        let long = ReadabilityIndex(units: [text], openingsAbove: 3)
        #expect(long.sentenceLengths == [
            .init(opening: "", words: 3, unit: 0),
            .init(opening: "Fyra fem sex sju åtta nio", words: 8, unit: 0),
        ])
        #expect((long.words, long.longWords, long.sentences) == (every.words, every.longWords, every.sentences))
        #expect(long.sentenceLengths.map(\.words) == every.sentenceLengths.map(\.words))
    }

    let step = "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.md"

    @Test("a step over the LIX limit gets a warning at its first line")
    func lixWarning() {
        let hard = String(repeating: "Strålbehandlingen genomförs vanligtvis polikliniskt efter operationen. ", count: 8)
        let tree = SampleTree.with([step: "---\ntitle: Mammografi\n---\n\n\(hard)\n"])
        #expect(SampleTree.check(tree) == [
            "content/\(step):1:1: warning: the step's LIX is 89, over the limit 50 ('readability: lix' in site.yaml); write shorter sentences and shorter words (48 words in 8 sentences, 40 of more than six letters)",
        ])
    }

    @Test("a sentence over the word limit gets a warning at its paragraph")
    func longSentence() {
        let long = (1...36).map { _ in "ord" }.joined(separator: " ") + "."
        let tree = SampleTree.with([step: "---\ntitle: Mammografi\n---\n\nKort mening.\n\n\(long)\n"])
        #expect(SampleTree.check(tree) == [
            "content/\(step):7:1: warning: the sentence 'ord ord ord ord ord ord …' has 36 words, over the limit 35 ('readability: sentence_words' in site.yaml); split it into shorter sentences",
        ])
    }

    @Test("site.yaml sets the limits; a bad limit is an error at its value")
    func limitsFromSiteYAML() throws {
        let site = SampleTree.files["site.yaml"]!
        let model = try #require(SampleTree.model(SampleTree.with(["site.yaml": site + "readability:\n  lix: 40\n  sentence_words: 20\n"])))
        #expect(model.config.readability == ReadabilityLimits(lix: 40, sentenceWords: 20, minimumWords: 40))
        #expect(SampleTree.model()?.config.readability == .standard)
        #expect(SampleTree.check(SampleTree.with(["site.yaml": site + "readability:\n  lix: 0\n  sentense_words: 20\n"])) == [
            "content/site.yaml:6:8: error: 'lix' must be a whole number of 1 or more, such as 50",
            "content/site.yaml:7:3: error: unknown key 'sentense_words'; did you mean 'sentence_words'?",
        ])
    }

    @Test("the bundled content passes the default limits")
    func bundledContentPasses() {
        let result = ContentPipeline.run(fileSystem: DiskFileSystem(root: Fixtures.realContent), displayRoot: "content",
                                         today: Fixtures.today)
        #expect(result.diagnostics.all.filter { $0.message.contains("readability") } == [])
    }
}
