// TEMPORARY stub until the Markdown stage lands.
public enum MarkdownParser {
    public struct Options: Sendable { var smartPunctuation: Bool; var language: String
        public init(smartPunctuation: Bool, language: String) { self.smartPunctuation = smartPunctuation; self.language = language } }
    public static func parse(_ file: SourceFile, bodyRange: Range<Int>, bodyFirstLine: Int, options: Options, diagnostics: inout Diagnostics) -> MarkdownDocument { MarkdownDocument(blocks: [], location: file.location(line: bodyFirstLine, column: 1)) }
}
enum BodyRenderer {
    static func render(_ d: MarkdownDocument, headingBase: Int, printLinkAddresses: Bool, resolve: (String, SourceLocation) -> String?) -> SafeHTML { .empty }
}
