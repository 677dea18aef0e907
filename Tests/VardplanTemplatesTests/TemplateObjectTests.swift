import Testing
@testable import VardplanTemplates
import VardplanDiagnostics

/// A template object answers like the dictionary it replaced: one value per key, the
/// last one set wins, equality and hashing ignore order, large and small alike.
@Suite("Template objects")
struct TemplateObjectTests {
    @Test("a literal's repeated key keeps its last value, once")
    func literalLastWins() {
        let object: TemplateObject = ["a": "1", "b": "2", "a": "3"]
        #expect(object.count == 2)
        #expect(object["a"] == "3")
        #expect(object["b"] == "2")
        #expect(object["c"] == nil)
    }

    @Test("setting replaces, nil removes, a new key is added", arguments: [3, 40])
    func setting(size: Int) {
        var object = TemplateObject()
        var reference: [String: TemplateValue] = [:]
        for number in 0..<size {
            object["k\(number)"] = .int(number)
            reference["k\(number)"] = .int(number)
        }
        object["k1"] = "changed"
        reference["k1"] = "changed"
        object["k2"] = nil
        reference["k2"] = nil
        object["nytt"] = .bool(true)
        reference["nytt"] = .bool(true)
        #expect(object.count == reference.count)
        for key in reference.keys { #expect(object[key] == reference[key], "\(key)") }
        #expect(object["k2"] == nil)
        #expect(object == TemplateObject(reference))
        #expect(Set(object.keys) == Set(reference.keys))
    }

    @Test("merging keeps the chosen value for a shared key and adds the others, as Dictionary does")
    func merging() {
        let own: TemplateObject = ["title": "Egen", "href": "a.html"]
        let shared: TemplateObject = ["title": "Delad", "rtl": .bool(false)]
        let merged = own.merging(shared) { mine, _ in mine }
        let reference = own.dictionary.merging(shared.dictionary) { mine, _ in mine }
        #expect(merged.dictionary == reference)
        #expect(merged["title"] == "Egen")
        #expect(merged["rtl"] == .bool(false))
    }

    @Test("equal objects with fields in another order are equal and hash alike")
    func orderDoesNotMatter() {
        let first: TemplateObject = ["a": "1", "b": .list(["x"])]
        let second: TemplateObject = ["b": .list(["x"]), "a": "1"]
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != ["a": "1"])
    }

    @Test("keys of the same length, and keys equal only as Unicode text")
    func lookupKeys() {
        let object: TemplateObject = ["title_lang": "sv", "title_lanx": "en", "title": "Rubrik", "caf\u{E9}": "1"]
        #expect(object["title_lang"] == "sv")
        #expect(object["title_lanx"] == "en")
        #expect(object["title_lan"] == nil)
        #expect(object["titlf"] == nil)
        #expect(object["cafe\u{301}"] == "1")  // é written as e and a combining accent
        #expect(TemplateValue.object(object)["title"] == "Rubrik")
    }

    @Test("a large object (the t strings) finds every key through its index")
    func largeObject() {
        var dictionary: [String: TemplateValue] = [:]
        for number in 0..<200 { dictionary["nyckel_\(number)"] = .text("värde \(number)") }
        let object = TemplateObject(dictionary)
        for (key, value) in dictionary { #expect(object[key] == value) }
        #expect(object["saknas"] == nil)
        let value = TemplateValue.object(object)
        #expect(value["nyckel_199"] == "värde 199")
    }

    @Test("a large object finds keys that are not ASCII, and keys equal only as Unicode text, like a small one")
    func largeObjectUnicodeKeys() {
        var dictionary: [String: TemplateValue] = [:]
        for number in 0..<40 { dictionary["nyckel_\(number)"] = .int(number) }
        dictionary["caf\u{E9}"] = "1"
        dictionary["spr\u{E5}k"] = "2"
        dictionary["\u{212A}elvin"] = "3"  // KELVIN SIGN, canonically the letter K
        let large = TemplateObject(dictionary)
        #expect(large["cafe\u{301}"] == "1")  // é written as e and a combining accent
        #expect(large["spr\u{E5}k"] == "2")
        #expect(large["Kelvin"] == "3")  // an ASCII name equal to a key that is not ASCII
        #expect(large["kelvin"] == nil)
        #expect(large["nyckel_39"] == .int(39))
        #expect(large["nyckel_40"] == nil)
    }

    @Test("a large object keeps finding keys as it grows, changes and loses fields")
    func largeObjectGrows() {
        var object = TemplateObject()
        for number in 0..<300 { object["k\(number)"] = .int(number) }
        object["k7"] = nil
        object["k8"] = "ändrad"
        #expect(object.count == 299)
        for number in 0..<300 where number != 7 && number != 8 { #expect(object["k\(number)"] == .int(number)) }
        #expect(object["k7"] == nil)
        #expect(object["k8"] == "ändrad")
    }

    @Test("a template's dotted names find their values in a large object")
    func templateLookupInLargeObject() {
        var strings: [String: TemplateValue] = [:]
        for number in 0..<100 { strings["ord_\(number)"] = .text("ord \(number)") }
        strings["n\u{E4}sta"] = "Nästa"
        let context: TemplateValue = ["t": .object(TemplateObject(strings)), "title": "Rubrik"]
        let result = TemplateWorkBoundTests.render(
            ["page": "{{t.ord_0}}|{{t.ord_99}}|{{t.n\u{E4}sta}}|{{t.saknas}}|{{title}}|{{#t}}{{ord_50}}{{/t}}"], "page", context)
        #expect(result.output == "ord 0|ord 99|Nästa||Rubrik|ord 50")
    }

    @Test("a small object and a template's names find keys equal only as Unicode text, past the key hashes")
    func smallObjectUnicodeKeys() {
        // KELVIN SIGN is canonically the letter K: as Swift strings the two keys are one.
        let object: TemplateObject = ["\u{212A}elvin": "3", "title": "a", "Kelvin": "4"]
        #expect(object.count == 2)
        #expect(object["Kelvin"] == "4")
        #expect(object["\u{212A}elvin"] == "4")
        #expect(object["kelvin"] == nil)
        let context: TemplateValue = ["k": ["\u{212A}elvin": "3"], "caf\u{E9}": "1", "Kelvin": "5"]
        let result = TemplateWorkBoundTests.render(
            ["page": "{{k.Kelvin}}|{{cafe\u{301}}}|{{\u{212A}elvin}}|{{#k}}{{Kelvin}}{{/k}}|{{k.kelvin}}"], "page", context)
        #expect(result.output == "3|1|5|3|")
    }
}
