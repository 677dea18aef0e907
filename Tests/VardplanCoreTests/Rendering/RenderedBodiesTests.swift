import Testing
@testable import VardplanCore
import VardplanDiagnostics
import VardplanMarkdown

/// A step body rendered for one language's page is reused by another language's page
/// only when rendering again would give the same bytes.
@Suite("Rendered bodies reused across languages")
struct RenderedBodiesTests {
    static let document: MarkdownDocument = {
        var diagnostics = Diagnostics()
        let file = SourceFile(path: "steg.md", text: """
            ## Rubrik

            Läs [mer](steg:annat) och [1177](https://www.1177.se).

            > [!AKUT] Ring 112

            | A | B |
            |---|---|
            | 1 | 2 |
            """)
        return MarkdownParser.parse(file, diagnostics: &diagnostics)
    }()

    static func configuration(labels: [String: String], address: String) -> MarkdownHTMLRenderer.Configuration {
        BodyRenderer.configuration(headingBase: 1, printLinkAddresses: false, labels: labels) { destination, _ in
            destination.hasPrefix("steg:") ? address : nil
        }
    }

    static func fresh(_ configuration: MarkdownHTMLRenderer.Configuration) -> [UInt8] {
        MarkdownHTMLRenderer(configuration: configuration).renderUTF8(document)
    }

    static let swedishLabels = MarkdownHTMLRenderer.Configuration.defaultLabels

    @Test("the same links and the same words (Swedish written out or left to the defaults): rendered once")
    func reusedWhenTheSame() {
        let bodies = RenderedBodies()
        let national = Self.configuration(labels: Self.swedishLabels, address: "annat.html")
        let fallback = Self.configuration(labels: [:], address: "annat.html")
        let first = bodies.html(Self.document, national)
        let second = bodies.html(Self.document, fallback)
        #expect(bodies.reused == 1)
        #expect(first == second)
        #expect(second == Self.fresh(fallback))
    }

    @Test("a link that resolves to another address: rendered again, with that address")
    func renderedAgainForOtherLinks() {
        let bodies = RenderedBodies()
        _ = bodies.html(Self.document, Self.configuration(labels: [:], address: "annat.html"))
        let moved = Self.configuration(labels: [:], address: "../annat.html")
        let html = bodies.html(Self.document, moved)
        #expect(bodies.reused == 0)
        #expect(html == Self.fresh(moved))
        #expect(String(decoding: html, as: UTF8.self).contains("href=\"../annat.html\""))
    }

    @Test("other words for the callout's and the table's names: rendered again in those words")
    func renderedAgainForOtherLabels() {
        let bodies = RenderedBodies()
        _ = bodies.html(Self.document, Self.configuration(labels: [:], address: "annat.html"))
        let english = Self.configuration(labels: ["callout_akut": "Emergency", "table": "Table"], address: "annat.html")
        let html = bodies.html(Self.document, english)
        #expect(bodies.reused == 0)
        #expect(html == Self.fresh(english))
        #expect(String(decoding: html, as: UTF8.self).contains("aria-label=\"Emergency\""))
    }

    @Test("another heading level is another body")
    func headingLevelIsPartOfTheKey() {
        let bodies = RenderedBodies()
        _ = bodies.html(Self.document, Self.configuration(labels: [:], address: "annat.html"))
        var deeper = Self.configuration(labels: [:], address: "annat.html")
        deeper.headingBase = 3
        let html = bodies.html(Self.document, deeper)
        #expect(bodies.reused == 0)
        #expect(html == Self.fresh(deeper))
    }

    @Test("a site in three languages: a step without a translation is rendered once for all trees, as a fresh render would be")
    func siteReusesUntranslatedBodies() throws {
        var diagnostics = Diagnostics()
        let (model, renderer) = try Fixtures.languagesRenderer(diagnostics: &diagnostics)
        let results = DiagnosisPass.run(model, diagnostics: &diagnostics) { diagnosis, _ in
            let bodies = RenderedBodies()
            let resolver = LinkResolver(diagnosis: diagnosis)
            var fallbacks = 0
            var allAsFresh = true
            for module in diagnosis.modules {
                for step in module.steps {
                    let page = SitePaths.step(diagnosis.id, module.id, step.id)
                    _ = renderer.renderBody(step.body, page: page, headingBase: 1, language: renderer.national,
                                            resolver: resolver, bodies: bodies)
                    for language in renderer.languages.dropFirst() where step.translations[language.code]?.body == nil {
                        fallbacks += 1
                        let kept = renderer.renderBody(step.body, page: language.path(page), headingBase: 1, language: language,
                                                       inSwedish: true, resolver: resolver, bodies: bodies)
                        let fresh = renderer.renderBody(step.body, page: language.path(page), headingBase: 1, language: language,
                                                        inSwedish: true, resolver: resolver)
                        allAsFresh = allAsFresh && kept == fresh
                    }
                }
            }
            return (fallbacks, bodies.reused, allAsFresh)
        }
        #expect(!results.isEmpty)
        for (fallbacks, reused, allAsFresh) in results {
            #expect(fallbacks > 0)
            #expect(reused > 0)
            #expect(reused <= fallbacks)
            #expect(allAsFresh)
        }
    }
}
