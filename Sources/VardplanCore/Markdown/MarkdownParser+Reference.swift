import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libcmark's own HTML renderer, for differential tests only (`cmark_markdown_to_html`).
enum CmarkReference {
    /// `cmark_markdown_to_html(markdown, CMARK_OPT_DEFAULT)` (plus smart punctuation if asked).
    static func html(_ markdown: String, smartPunctuation: Bool = false) -> String {
        let options = CMARK_OPT_DEFAULT | (smartPunctuation ? CMARK_OPT_SMART : 0)
        guard let rendered = cmark_markdown_to_html(markdown, markdown.utf8.count, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

extension CmarkReference {
    /// Parses and frees, for benchmarks: what libcmark's parser alone costs.
    static func parseOnly(_ markdown: String, smartPunctuation: Bool) {
        let options = CMARK_OPT_SOURCEPOS | (smartPunctuation ? CMARK_OPT_SMART : 0)
        if let root = cmark_parse_document(markdown, markdown.utf8.count, options) { cmark_node_free(root) }
    }
}
