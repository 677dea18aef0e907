import Testing
@testable import VardplanMarkdown

/// Two configurations write the same accessible names when every key either has gives
/// the same word; a key one lacks stands for its Swedish default. A kept body is reused
/// for another language's page only when this holds.
@Suite("Accessible names of two renderer configurations")
struct RendererLabelsTests {
    static func configuration(_ labels: [String: String]) -> MarkdownHTMLRenderer.Configuration {
        var configuration = MarkdownHTMLRenderer.Configuration()
        configuration.labels = labels
        return configuration
    }

    static let defaults = MarkdownHTMLRenderer.Configuration.defaultLabels

    @Test("the same names however they are given", arguments: [
        ([:], [:]),
        ([:], defaults),
        (["table": "Tabell"], [:]),
        (["table": "Tabell", "scale_to": "till"], ["scale_from": "Skala från"]),
        (["table": "Table", "okänd": "x"], ["table": "Table", "okänd": "x"]),
    ] as [([String: String], [String: String])])
    func same(first: [String: String], second: [String: String]) {
        #expect(Self.configuration(first).writesSameLabels(as: Self.configuration(second)))
        #expect(Self.configuration(second).writesSameLabels(as: Self.configuration(first)))
    }

    @Test("different names, whichever side has the key", arguments: [
        ([:], ["table": "Table"]),
        (["table": "Tabell"], ["table": "Table"]),
        (["okänd": "x"], [:]),
        (defaults, defaults.merging(["callout_akut": "Urgent"]) { _, new in new }),
    ] as [([String: String], [String: String])])
    func different(first: [String: String], second: [String: String]) {
        #expect(!Self.configuration(first).writesSameLabels(as: Self.configuration(second)))
        #expect(!Self.configuration(second).writesSameLabels(as: Self.configuration(first)))
    }
}
