// TEMPORARY stub until the Markdown stage lands.
public struct MarkdownDocument: Sendable {}
public enum MarkdownParser {
    public struct Options: Sendable { var smartPunctuation: Bool; var language: String
        public init(smartPunctuation: Bool, language: String) { self.smartPunctuation = smartPunctuation; self.language = language } }
    public static func parse(_ file: SourceFile, bodyRange: Range<Int>, bodyFirstLine: Int, options: Options, diagnostics: inout Diagnostics) -> MarkdownDocument { MarkdownDocument() }
}
enum BodyRenderer {
    static func render(_ d: MarkdownDocument, headingBase: Int, printLinkAddresses: Bool, resolve: (String, SourceLocation) -> String?) -> SafeHTML { .empty }
}
enum LinkChecker { static func check(_ m: SiteModel, diagnostics: inout Diagnostics) {} }
