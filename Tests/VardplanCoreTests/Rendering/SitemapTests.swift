import Foundation
import Testing
@testable import VardplanCore

/// The sitemap follows the sitemaps protocol's limits: one `sitemap.xml` while the site
/// fits in one file, else `sitemap.xml` as a sitemap index over parts that each fit.
@Suite("Sitemap")
struct SitemapTests {
    static func build(_ limits: SitemapLimits) -> SiteBuild.Result {
        SiteBuild.run(content: DiskFileSystem(root: Fixtures.languagesContent), contentDisplay: "site",
                      templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                      today: Fixtures.today, options: .init(sitemapLimits: limits))
    }

    static func text(_ file: OutputFile) -> String { String(decoding: file.bytes, as: UTF8.self) }

    static func addresses(_ xml: String, tag: String) -> [String] {
        xml.components(separatedBy: "<\(tag)><loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test("a site within the limits has one sitemap.xml and no parts")
    func oneFile() {
        let result = Self.build(.sitemapsProtocol)
        let sitemaps = result.files.filter { SitePaths.isSitemap($0.path) }
        #expect(sitemaps.map(\.path) == ["sitemap.xml"])
        #expect(Self.text(sitemaps[0]).contains("<urlset "))
    }

    @Test("more addresses than one file may hold: an index of parts, each within the limit, every address once")
    func splitByCount() throws {
        let whole = Self.addresses(Self.text(try #require(Self.build(.sitemapsProtocol).files.first { $0.path == "sitemap.xml" })),
                                   tag: "url")
        #expect(whole.count > 7)
        let result = Self.build(SitemapLimits(maximumURLs: 7))
        let index = Self.text(try #require(result.files.first { $0.path == "sitemap.xml" }))
        #expect(index.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let partCount = (whole.count + 6) / 7
        #expect(Self.addresses(index, tag: "sitemap") == (1...partCount).map { "https://example.org/mvp/sitemap-\($0).xml" })
        var listed: [String] = []
        for number in 1...partCount {
            let part = Self.text(try #require(result.files.first { $0.path == "sitemap-\(number).xml" }))
            #expect(part.contains("<urlset "))
            let urls = Self.addresses(part, tag: "url")
            #expect(urls.count <= 7 && !urls.isEmpty)
            listed += urls
        }
        #expect(listed == whole)
        #expect(result.files.first { $0.path == "sitemap-\(partCount + 1).xml" } == nil)
    }

    @Test("a part larger than the byte limit is split further")
    func splitBySize() throws {
        let whole = Self.text(try #require(Self.build(.sitemapsProtocol).files.first { $0.path == "sitemap.xml" }))
        let limit = whole.utf8.count / 3
        let result = Self.build(SitemapLimits(maximumURLs: 50_000, maximumBytes: limit))
        let parts = result.files.filter { $0.path.hasPrefix("sitemap-") }
        #expect(parts.count >= 3)
        for part in parts { #expect(part.bytes.count <= limit) }
        #expect(Self.text(try #require(result.files.first { $0.path == "sitemap.xml" })).contains("<sitemapindex"))
    }

    @Test("sitemap paths: the index and its parts, nothing else")
    func paths() {
        #expect(SitePaths.isSitemap("sitemap.xml"))
        #expect(SitePaths.isSitemap("sitemap-12.xml"))
        #expect(!SitePaths.isSitemap("en/sitemap-1.xml"))
        #expect(!SitePaths.isSitemap("sitemap.html"))
    }
}
