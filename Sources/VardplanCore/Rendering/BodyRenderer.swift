import VardplanDiagnostics
import VardplanHTML
import VardplanMarkdown

/// Renders a step body (or intro) for a page: the one place where pages configure the
/// Markdown HTML renderer.
enum BodyRenderer {
    /// A body's HTML as UTF-8 bytes. `resolve` maps a link destination to the address to
    /// write, or nil to keep it; `labels`: accessible names in the page's language
    /// (`PageLanguage.markdownLabels`).
    static func renderUTF8(_ document: MarkdownDocument, headingBase: Int, printLinkAddresses: Bool,
                           labels: [String: String] = [:],
                           resolve: @escaping @Sendable (String, SourceLocation) -> String?) -> [UInt8] {
        let configuration = self.configuration(headingBase: headingBase, printLinkAddresses: printLinkAddresses,
                                               labels: labels, resolve: resolve)
        return MarkdownHTMLRenderer(configuration: configuration).renderUTF8(document)
    }

    /// The renderer's configuration for a page's body.
    static func configuration(headingBase: Int, printLinkAddresses: Bool, labels: [String: String],
                              resolve: @escaping @Sendable (String, SourceLocation) -> String?)
        -> MarkdownHTMLRenderer.Configuration {
        var configuration = MarkdownHTMLRenderer.Configuration(
            headingBase: headingBase, printLinkAddresses: printLinkAddresses, resolveLink: resolve)
        configuration.labels = labels
        return configuration
    }
}
