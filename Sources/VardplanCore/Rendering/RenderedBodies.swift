import Foundation
import VardplanDiagnostics
import VardplanMarkdown

/// The step bodies of one diagnosis as its first language's pages rendered them, for the
/// other languages' pages that show the same body: a step without a translation shows
/// its Swedish text in every language's tree, and rendering it again for each was a
/// third of the Markdown work of a two-language site.
///
/// A kept body is used only when rendering would give the same bytes: the same document
/// (its file and where its body starts), heading level and accessible names, and every
/// link and image resolving to the address it resolved to before. The renderer
/// depends on nothing else, so a page is byte-identical with and without the reuse.
/// Lives for one diagnosis's render (its languages), or for a whole build for the
/// general modules' steps, which every diagnosis shows (`SiteRenderer.generalBodies`);
/// renders on two cores at once may each render a body (both give the same bytes).
final class RenderedBodies: @unchecked Sendable {
    struct Key: Hashable {
        var file: String
        var start: SourceLocation
        var headingBase: Int
    }

    /// One link or image the renderer asked about, and the address it wrote.
    struct ResolvedLink {
        var destination: String
        var location: SourceLocation
        var address: String?
    }

    struct Body {
        var configuration: MarkdownHTMLRenderer.Configuration
        var links: [ResolvedLink]
        var html: [UInt8]
    }

    private let lock = NSLock()
    private var bodies: [Key: Body] = [:]
    /// How many renders were saved (for tests).
    private(set) var reused = 0

    /// The HTML of `document` under `configuration`: a kept render when it is the one
    /// rendering would give, else a fresh one (kept for the next language).
    func html(_ document: MarkdownDocument, _ configuration: MarkdownHTMLRenderer.Configuration) -> [UInt8] {
        let key = Key(file: document.sourcePath, start: document.location, headingBase: configuration.headingBase)
        if let kept = lock.withLock({ bodies[key] }), sameOutput(kept, configuration) {
            lock.withLock { reused += 1 }
            return kept.html
        }
        let recorder = LinkRecorder()
        var recording = configuration
        let resolve = configuration.resolveLink
        recording.resolveLink = { destination, location in
            let address = resolve?(destination, location)
            recorder.links.append(ResolvedLink(destination: destination, location: location, address: address))
            return address
        }
        let html = MarkdownHTMLRenderer(configuration: recording).renderUTF8(document)
        // Kept without its resolver: `sameOutput` needs the labels and the print flag, and
        // the resolver holds its diagnosis (kept bodies outlive a diagnosis's render).
        var kept = configuration
        kept.resolveLink = nil
        let body = Body(configuration: kept, links: recorder.links, html: html)
        lock.withLock { bodies[key] = body }
        return html
    }

    private func sameOutput(_ kept: Body, _ configuration: MarkdownHTMLRenderer.Configuration) -> Bool {
        guard kept.configuration.printLinkAddresses == configuration.printLinkAddresses,
              kept.configuration.writesSameLabels(as: configuration) else { return false }
        let resolve = configuration.resolveLink
        return kept.links.allSatisfy { resolve?($0.destination, $0.location) == $0.address }
    }

    /// The links of one render, in the order the renderer asked (one thread).
    private final class LinkRecorder: @unchecked Sendable {
        var links: [ResolvedLink] = []
    }
}
