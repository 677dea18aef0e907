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

    @Test("joining keeps both parts' bytes as they are, short or long, composed or not", arguments: [
        ("diagnoses/brostcancer/06-diagnos", "01-rontgen.md"),
        ("a", "b"),
        ("", "steg.md"),
        ("mapp", ""),
        ("diagnoser/bröstcancer", "åtgärd.md"),
        ("diagnoser/bro\u{0308}stcancer", "a\u{030A}tga\u{0308}rd.md"),
        (String(repeating: "lång-mapp/", count: 40), String(repeating: "é", count: 300) + ".md"),
    ])
    func join(base: String, name: String) {
        let expected = base.isEmpty ? name : base + "/" + name
        #expect(Array(joinPath(base, name).utf8) == Array(expected.utf8))
    }

    @Test("a part cut from a longer string joins as the same bytes")
    func joinSubstrings() {
        let whole = "content/diagnoses/bröstcancer/01-utredning"
        let base = String(whole.split(separator: "/").dropFirst().joined(separator: "/"))
        let name = String("x01-rontgen.md".dropFirst())
        #expect(Array(joinPath(base, name).utf8) == Array("diagnoses/bröstcancer/01-utredning/01-rontgen.md".utf8))
    }

    @Test("parts concatenated are the parts one after another, none, one or many")
    func concatenation() {
        #expect(concatenated() == "")
        #expect(concatenated("") == "")
        #expect(concatenated("a") == "a")
        #expect(Array(concatenated("bröst", "/", "", "a\u{030A}tgärd", ".html").utf8) == Array("bröst/a\u{030A}tgärd.html".utf8))
        let long = String(repeating: "ö", count: 1000)
        #expect(concatenated(long, long) == long + long)
    }

    @Test("a module's and a step's page: diagnosis/module/index.html and diagnosis/module/step.html")
    func pagePaths() {
        #expect(SitePaths.module("bröstcancer", "01-utredning") == "bröstcancer/01-utredning/index.html")
        #expect(SitePaths.step("bröstcancer", "01-utredning", "provsvar") == "bröstcancer/01-utredning/provsvar.html")
    }

    @Test("the last slash of a path is found by bytes, in a string and in a part of one")
    func lastSlash() {
        let path = "diagnoser/bröstcancer/åtgärd.html"
        #expect(path.lastSlash.map { String(path[..<$0]) } == "diagnoser/bröstcancer")
        #expect("index.html".lastSlash == nil)
        // A combining mark after the slash makes one character of the two, but the
        // file system splits at the byte.
        let combining = "a/\u{0301}b"
        #expect(combining.lastSlash.map { String(combining[..<$0]) } == "a")
        let part = path.dropLast(5)
        #expect(part.lastSlash.map { String(part[$0...]) } == "/åtgärd")
    }

    @Test("a path's parts, with and without the empty ones", arguments: [
        ("diagnoses/bröst/01-utredning/steg.md", ["diagnoses", "bröst", "01-utredning", "steg.md"], ["diagnoses", "bröst", "01-utredning", "steg.md"]),
        ("a//b", ["a", "b"], ["a", "", "b"]),
        ("/a/", ["a"], ["", "a", ""]),
        ("", [], [""]),
        ("/", [], ["", ""]),
        ("åäö", ["åäö"], ["åäö"]),
    ])
    func parts(path: String, omitting: [String], keeping: [String]) {
        #expect(path.pathParts().map(String.init) == omitting)
        #expect(path.pathParts(omittingEmpty: false).map(String.init) == keeping)
        #expect(path[...].pathParts().map(String.init) == omitting)
    }

    @Test("a path's parts are split's parts wherever no combining mark follows a slash")
    func partsMatchSplit() {
        let pieces = ["a", "/", "ö", "//", "x.md", "é", "-", "/"]
        var state: UInt64 = 7
        for _ in 0..<500 {
            var path = ""
            for _ in 0..<(Int(state >> 60) + 1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                path += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(path.pathParts() == path.split(separator: "/"))
            #expect(path.pathParts(omittingEmpty: false) == path.split(separator: "/", omittingEmptySubsequences: false))
        }
    }

    @Test("a byte is found first and last, in a string and in a part cut from the middle of one")
    func byteSearch() {
        let address = "steg:å-ö#del#två"
        #expect(address.firstIndex(ofByte: UInt8(ascii: "#")).map { String(address[..<$0]) } == "steg:å-ö")
        #expect(address.lastIndex(ofByte: UInt8(ascii: "#")).map { String(address[$0...]) } == "#två")
        #expect(address.firstIndex(ofByte: UInt8(ascii: "?")) == nil)
        let middle = address.dropFirst(5).dropLast(2)  // "å-ö#del#t"
        #expect(middle.firstIndex(ofByte: UInt8(ascii: "#")).map { String(middle[..<$0]) } == "å-ö")
        #expect(middle.lastIndex(ofByte: UInt8(ascii: "#")).map { String(middle[$0...]) } == "#t")
        #expect(middle.firstIndex(ofByte: UInt8(ascii: "s")) == nil)
        #expect(LinkResolver.splitFragment("steg:provsvar#svar") == ("steg:provsvar", "svar"))
        #expect(LinkResolver.splitFragment("steg:provsvar") == ("steg:provsvar", nil))
    }

    @Test("a path split at its last slash: the folder before it and the name after it")
    func folderAndName() {
        let split = "bröst/01-utredning/provsvar.html".folderAndName
        #expect(split.map { String($0.folder) } == "bröst/01-utredning")
        #expect(split.map { String($0.name) } == "provsvar.html")
        #expect("/utskrift".folderAndName.map { String($0.folder) } == "")
        #expect("index.html".folderAndName == nil)
        let combining = "a/\u{0301}b".folderAndName
        #expect(combining.map { Array($0.name.utf8) } == Array("\u{0301}b".utf8))
    }
}
