import VardplanDiagnostics
import VardplanHTML

/// Renders a `MarkdownDocument` to the HTML of a page: headings shifted under the page's
/// own, links resolved, callouts, tables, checklists and form blocks in our own markup.
/// (`CmarkCompatibleHTMLRenderer` writes libcmark's HTML, for the differential tests.)
///
/// Deliberate differences from libcmark: raw HTML (block or inline) produces nothing,
/// not `<!-- raw HTML omitted -->`.
public struct MarkdownHTMLRenderer: Sendable {
    /// How to render. (`RenderedBodies` in VardplanCore reuses a render when every
    /// field but `resolveLink` is the same and every link resolves the same: a new field
    /// must be compared there too.)
    public struct Configuration: Sendable {
        /// The level of the page's own heading: the shallowest heading level used in the
        /// document becomes `headingBase + 1`, deeper ones keep their relative depth
        /// (capped at 6).
        public var headingBase: Int
        /// Maps a link's or image's destination (with its location) to the URL to write;
        /// `nil` keeps the destination as written.
        public var resolveLink: (@Sendable (String, SourceLocation) -> String?)?
        /// For paper: after an external link (http, https, mailto, tel) whose text is not
        /// its address, print ` (address)` in `<span class="link-address">`.
        public var printLinkAddresses: Bool
        /// Accessible names in the page's language, by key (`callout_akut`, `scale_from`,
        /// `scale_to`, `table`); the Swedish words when a key is missing.
        public var labels: [String: String] = [:]

        /// The Swedish words used for a key that `labels` lacks.
        public static let defaultLabels: [String: String] = {
            var labels = ["scale_from": "Skala från", "scale_to": "till", "table": "Tabell"]
            for kind in MarkdownCalloutKind.allCases { labels["callout_" + kind.rawValue] = kind.label }
            return labels
        }()

        /// The accessible name for `key` in the page's language.
        public func label(_ key: String) -> String {
            labels[key] ?? Self.defaultLabels[key] ?? ""
        }

        /// Whether `other` writes the same accessible names (a missing key and its
        /// Swedish default are the same word).
        public func writesSameLabels(as other: Configuration) -> Bool {
            // Every key either table has, each looked up where it is (no sets of keys to make:
            // this runs for every body a second language shows).
            for key in labels.keys where label(key) != other.label(key) { return false }
            for key in other.labels.keys where labels[key] == nil && label(key) != other.label(key) { return false }
            return true
        }

        public init(headingBase: Int = 0, printLinkAddresses: Bool = false,
                    resolveLink: (@Sendable (String, SourceLocation) -> String?)? = nil) {
            self.headingBase = headingBase
            self.printLinkAddresses = printLinkAddresses
            self.resolveLink = resolveLink
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The document's HTML.
    public func render(_ document: MarkdownDocument) -> SafeHTML {
        SafeHTML(trustedUTF8: renderUTF8(document))
    }

    /// The document's HTML as UTF-8 bytes, for a caller that works on bytes anyway (a
    /// printout finishing its references): no `String` is made.
    public func renderUTF8(_ document: MarkdownDocument) -> [UInt8] {
        let shallowest = document.shallowestHeadingLevel
        let levelShift = shallowest.map { configuration.headingBase + 1 - $0 } ?? 0
        // A body's HTML is about 1.15 times its Markdown: one allocation, no growing.
        let capacity = max(256, document.sourceByteCount + document.sourceByteCount / 4)
        var writer = MarkdownHTMLWriter(configuration: configuration, levelShift: levelShift, capacity: capacity)
        writer.blocks(document.blocks, tight: false)
        return writer.bytes
    }
}
