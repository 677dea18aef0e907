import Foundation
import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics

/// Links go through the caller's resolver; on paper external addresses are printed.
@Suite("Links")
struct LinkRenderingTests {
    /// Maps `steg:x` to `/steg/x/` and `x.md` to `x.html`, like the site builder does.
    static let resolver: @Sendable (String, VardplanDiagnostics.SourceLocation) -> String? = { destination, _ in
        if destination.hasPrefix("steg:") { return "/steg/\(destination.dropFirst(5))/" }
        if destination.hasSuffix(".md") { return String(destination.dropLast(3)) + ".html" }
        return nil
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        var html: String
        var printAddresses = false
    }

    static let cases: [Case] = [
        Case(testDescription: "steg: links are resolved", markdown: "[Illamående](steg:illamaende)",
             html: "<p><a href=\"/steg/illamaende/\">Illamående</a></p>\n"),
        Case(testDescription: "relative .md links are resolved", markdown: "[Kost](../kost.md \"Om kost\")",
             html: "<p><a href=\"../kost.html\" title=\"Om kost\">Kost</a></p>\n"),
        Case(testDescription: "unresolved destinations stay as written, escaped like cmark",
             markdown: "[a](https://1177.se/sök?q=ont&x='y')",
             html: "<p><a href=\"https://1177.se/s%C3%B6k?q=ont&amp;x=&#x27;y&#x27;\">a</a></p>\n"),
        Case(testDescription: "images are resolved too", markdown: "![Tablett](steg:bild)",
             html: "<p><img src=\"/steg/bild/\" alt=\"Tablett\" /></p>\n"),
        Case(testDescription: "dangerous schemes get an empty href", markdown: "[x](javascript:alert(1))",
             html: "<p><a href=\"\">x</a></p>\n"),
        Case(testDescription: "on paper: an external address after its text",
             markdown: "Läs på [1177](https://www.1177.se).",
             html: "<p>Läs på <a href=\"https://www.1177.se\">1177</a><span class=\"link-address\"> (https://www.1177.se)</span>.</p>\n",
             printAddresses: true),
        Case(testDescription: "on paper: tel and mailto without the scheme",
             markdown: "[Ring vården](tel:1177) eller [mejla](mailto:vard@example.se)",
             html: "<p><a href=\"tel:1177\">Ring vården</a><span class=\"link-address\"> (1177)</span> eller <a href=\"mailto:vard@example.se\">mejla</a><span class=\"link-address\"> (vard@example.se)</span></p>\n",
             printAddresses: true),
        Case(testDescription: "on paper: not when the text is the address",
             markdown: "<https://1177.se> och [1177](tel:1177)",
             html: "<p><a href=\"https://1177.se\">https://1177.se</a> och <a href=\"tel:1177\">1177</a></p>\n",
             printAddresses: true),
        Case(testDescription: "on paper: not for internal links", markdown: "[Illamående](steg:illamaende)",
             html: "<p><a href=\"/steg/illamaende/\">Illamående</a></p>\n", printAddresses: true),
    ]

    @Test("rendering", arguments: cases)
    func rendering(_ testCase: Case) {
        let configuration = MarkdownHTMLRenderer.Configuration(printLinkAddresses: testCase.printAddresses,
                                                              resolveLink: Self.resolver)
        #expect(MarkdownTestSupport.html(testCase.markdown, configuration: configuration) == testCase.html)
    }

    @Test("the resolver sees each destination with its file position")
    func resolverLocations() {
        let seen = Recorder()
        let configuration = MarkdownHTMLRenderer.Configuration(resolveLink: { destination, location in
            seen.append("\(destination) @\(location)")
            return nil
        })
        let (document, _) = MarkdownTestSupport.parse("Se [här](steg:a) och\n![bild](b.png).",
                                                      frontMatter: MarkdownTestSupport.frontMatter)
        _ = MarkdownHTMLRenderer(configuration: configuration).render(document)
        #expect(seen.values == ["steg:a @steg/illamaende.md:7:4", "b.png @steg/illamaende.md:8:1"])
    }

    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        var values: [String] { lock.withLock { stored } }
        func append(_ value: String) { lock.withLock { stored.append(value) } }
    }
}
