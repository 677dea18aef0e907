/// The version of the libcmark the program is linked against, for `--version`.
public enum MarkdownLibraryVersion {
    /// `0.30.2`, as libcmark reports it at run time.
    public static var string: String { Cmark.version }
}

/// libcmark's own HTML renderer, for differential tests and benchmarks only.
enum CmarkReference {
    /// `cmark_markdown_to_html(markdown, CMARK_OPT_DEFAULT)` (plus smart punctuation if asked).
    static func html(_ markdown: String, smartPunctuation: Bool = false) -> String {
        Cmark.html(markdown, smartPunctuation: smartPunctuation)
    }

    /// Parses and frees, for benchmarks: what libcmark's parser alone costs.
    static func parseOnly(_ markdown: String, smartPunctuation: Bool) {
        Cmark.parseOnly(markdown, smartPunctuation: smartPunctuation)
    }
}
