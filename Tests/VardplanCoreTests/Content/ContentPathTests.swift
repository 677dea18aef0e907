import Testing
@testable import VardplanCore

@Suite("content paths: their last part and a translation's language, read by bytes")
struct ContentPathTests {
    @Test("the last part of a path that is not empty; the path itself when there is none", arguments: [
        ("diagnoses/brostcancer/01-utredning/01-rontgen.md", "01-rontgen.md"),
        ("general/02-stod/", "02-stod"),
        ("a//b", "b"),
        ("enkel", "enkel"),
        ("diagnoser/bröstcancer/åtgärd.md", "åtgärd.md"),
        ("", ""),
        ("///", "///"),
    ])
    func lastPart(path: String, expected: String) {
        #expect(lastPathComponent(path) == expected)
    }

    @Test("a two- or three-letter lower-case suffix is a language; anything else is not", arguments: [
        ("01-rontgen.en", "01-rontgen", "en"),
        ("_module.ar", "_module", "ar"),
        ("steg.som", "steg", "som"),
        ("åtgärd.en", "åtgärd", "en"),
        ("a.b.fi", "a.b", "fi"),
    ])
    func language(name: String, stem: String, language: String) {
        let parts = ContentLoader.translationParts(name)
        #expect(parts?.0 == stem)
        #expect(parts?.1 == language)
    }

    @Test("not a translation", arguments: ["01-rontgen", "steg.EN", "steg.e", "steg.engl", "steg.e1", "steg.", "steg.é"])
    func notALanguage(name: String) {
        #expect(ContentLoader.translationParts(name) == nil)
    }
}
