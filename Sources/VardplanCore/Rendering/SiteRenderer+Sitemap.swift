import VardplanDiagnostics
import VardplanHTML
import VardplanTemplates

/// The sitemaps protocol's limits for one file (sitemaps.org): at most 50 000 addresses
/// and 50 MiB uncompressed. A larger site gets `sitemap.xml` as a sitemap index that
/// lists parts (`sitemap-1.xml`, …), each within both limits.
public struct SitemapLimits: Sendable, Equatable {
    public var maximumURLs: Int
    public var maximumBytes: Int

    public init(maximumURLs: Int = 50_000, maximumBytes: Int = 50 * 1024 * 1024) {
        self.maximumURLs = max(1, maximumURLs)
        self.maximumBytes = maximumBytes
    }

    /// The protocol's own limits.
    public static let sitemapsProtocol = SitemapLimits()
}

extension SiteRenderer {
    /// How many addresses a part holds when a sitemap must be split: well under the
    /// protocol's 50 000, so that one part at a time stays small in memory (≈ 4 MB).
    static let sitemapPartURLs = 10_000

    /// `sitemap.xml` of the site's pages (none without a base address); split into parts
    /// under a sitemap index when the pages exceed `options.sitemapLimits`.
    func renderSitemap(paths: [String], _ state: inout RenderState) -> [OutputFile] {
        var files: [OutputFile] = []
        renderSitemap(paths: paths, &state) { files.append($0) }
        return files
    }

    /// The sitemap of `pagePaths` and the start pages, each file handed to `deliver` as
    /// soon as it is made (parts first, in order, then the index), so that a build holds
    /// one part at a time.
    public func renderSitemap(pagePaths: [String], _ state: inout RenderState, deliver: (OutputFile) -> Void) {
        renderSitemap(paths: pagePaths + languages.map { $0.path(SitePaths.start) }, &state, deliver: deliver)
    }

    private func renderSitemap(paths: [String], _ state: inout RenderState, deliver: (OutputFile) -> Void) {
        guard let baseURL else { return }
        let listed = paths.filter { path in
            path.hasSuffix(".html") && !path.hasSuffix(SitePaths.notFound) && !path.hasSuffix("/personal.html")
                && !path.hasSuffix("/utskrift.html")
        }
        .sorted()
        let national = Set(paths)
        let limits = options.sitemapLimits
        if listed.count <= limits.maximumURLs {
            // Rendered straight into the file's bytes (no text to copy them from: at 100
            // diagnoses that was 2 × 39 MB at the end of the build).
            let bytes = sitemapBytes(listed[...], national: national, baseURL: baseURL, &state)
            if bytes.count <= limits.maximumBytes {
                deliver(OutputFile(path: SitePaths.sitemap, bytes: bytes))
                return
            }
        }
        var parts = 0
        func emit(_ range: Range<Int>, _ state: inout RenderState) {
            let bytes = sitemapBytes(listed[range], national: national, baseURL: baseURL, &state)
            if bytes.count > limits.maximumBytes && range.count > 1 {
                let middle = range.lowerBound + range.count / 2
                emit(range.lowerBound..<middle, &state)
                emit(middle..<range.upperBound, &state)
                return
            }
            parts += 1
            deliver(OutputFile(path: SitePaths.sitemapPart(parts), bytes: bytes))
        }
        let partSize = min(limits.maximumURLs, Self.sitemapPartURLs)
        for start in stride(from: 0, to: listed.count, by: partSize) {
            emit(start..<min(start + partSize, listed.count), &state)
        }
        deliver(OutputFile(path: SitePaths.sitemap, bytes: Self.sitemapIndex(parts: parts, baseURL: baseURL)))
    }

    /// One sitemap of `listed` addresses. Each address's template values are made while
    /// the template renders it and let go after (`TemplateValue.generated`): at 100
    /// diagnoses, the values of all 93 000 addresses at once were the build's peak of memory.
    private func sitemapBytes(_ listed: ArraySlice<String>, national: Set<String>, baseURL: String,
                              _ state: inout RenderState) -> [UInt8] {
        let languages = languages
        let first = listed.startIndex
        let urls = TemplateItems(count: listed.count) { index in
            let path = listed[first + index]
            // Alternates of a page: the same national path in every language tree.
            let nationalPath = languages.first { !$0.isNational && path.hasPrefix($0.prefix) }
                .map { String(path.dropFirst($0.prefix.count)) } ?? path
            let alternates: [TemplateValue] = languages.count > 1 && national.contains(nationalPath)
                ? languages.map { .object(["lang": .text($0.code), "href": .text(baseURL + $0.path(nationalPath))]) }
                : []
            return .object(["loc": .text(baseURL + path), "alternates": .list(alternates)])
        }
        // Room for the whole text at once: growing by doubling held up to three times its size.
        var estimate = 512
        for path in listed {
            estimate += baseURL.utf8.count + path.utf8.count + 32
                + (languages.count > 1 ? languages.count * (baseURL.utf8.count + path.utf8.count + 64) : 0)
        }
        var output: [UInt8] = []
        output.reserveCapacity(estimate)
        templates.render("sitemap", .object(["urls": .generated(urls), "has_languages": .bool(languages.count > 1)]),
                         into: &output, diagnostics: &state.diagnostics, usage: &state.usage)
        return output
    }

    /// The sitemap index (sitemaps.org) listing `parts` parts at the site's address. Its
    /// form is fixed by the protocol, so it has no template.
    static func sitemapIndex(parts: Int, baseURL: String) -> [UInt8] {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for number in 1...max(1, parts) {
            text += "<sitemap><loc>" + HTMLEscaper.escape(baseURL + SitePaths.sitemapPart(number)) + "</loc></sitemap>\n"
        }
        text += "</sitemapindex>\n"
        return Array(text.utf8)
    }
}
