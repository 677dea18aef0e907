import VardplanDiagnostics
import VardplanHTML
import VardplanMarkdown

/// Renders a step body (or intro) for a page: the one place where pages configure the
/// Markdown HTML renderer.
enum BodyRenderer {
    /// The renderer's configuration for a page's body. `resolve` maps a link destination
    /// to the address to write, or nil to keep it; `labels`: accessible names in the
    /// page's language (`PageLanguage.markdownLabels`).
    static func configuration(headingBase: Int, printLinkAddresses: Bool, labels: [String: String],
                              resolve: @escaping @Sendable (String, SourceLocation) -> String?)
        -> MarkdownHTMLRenderer.Configuration {
        var configuration = MarkdownHTMLRenderer.Configuration(
            headingBase: headingBase, printLinkAddresses: printLinkAddresses, resolveLink: resolve)
        configuration.labels = labels
        return configuration
    }
}
