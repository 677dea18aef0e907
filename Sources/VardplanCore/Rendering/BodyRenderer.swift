/// Renders a step body (or intro) for a page: the one place where pages configure the
/// Markdown HTML renderer.
enum BodyRenderer {
    /// `resolve` maps a link destination to the address to write, or nil to keep it.
    static func render(_ document: MarkdownDocument, headingBase: Int, printLinkAddresses: Bool,
                       resolve: @escaping @Sendable (String, SourceLocation) -> String?) -> SafeHTML {
        let configuration = MarkdownHTMLRenderer.Configuration(
            headingBase: headingBase, printLinkAddresses: printLinkAddresses, resolveLink: resolve)
        return MarkdownHTMLRenderer(configuration: configuration).render(document)
    }
}
