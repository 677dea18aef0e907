import VardplanDiagnostics
import VardplanMarkdown

extension Step {
    /// Parses this step's Markdown body from its file, with the content's options.
    /// Diagnostics: those of `MarkdownParser`.
    public func parseBody(language: String, diagnostics: inout Diagnostics) -> MarkdownDocument {
        ContentFileParser.parseMarkdown(source, bodyRange: bodyRange, bodyFirstLine: bodyFirstLine,
                                        language: language, diagnostics: &diagnostics)
    }
}
