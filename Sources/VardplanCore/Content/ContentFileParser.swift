/// A content file split into front matter and a Markdown body, both parsed.
public struct ParsedContentFile: Sendable {
    public var source: SourceFile
    /// The front matter mapping, or nil when the file has none or it is malformed.
    public var frontMatter: YAMLNode?
    /// Whether the file has a front matter block at all.
    public var hasFrontMatter: Bool
    public var body: MarkdownDocument
    /// Whether the body holds nothing but white space.
    public var bodyIsEmpty: Bool
    /// Where the body starts (the line after the closing `---`).
    public var bodyLocation: SourceLocation
    /// Words in the body, for the summary.
    public var wordCount: Int
    /// Problems found in this file alone.
    public var diagnostics: Diagnostics
}

/// Parses content files (front matter with the YAML subset, bodies with cmark),
/// on every core, each file on its own.
public enum ContentFileParser {
    /// Parses one file. Diagnostics: those of `FrontMatterSplitter`, `YAMLParser` and
    /// `MarkdownParser`.
    public static func parse(_ file: SourceFile, language: String) -> ParsedContentFile {
        var diagnostics = Diagnostics()
        let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        var frontMatter: YAMLNode?
        if let yamlRange = split.frontMatterRange {
            frontMatter = YAMLParser.parse(file, range: yamlRange, diagnostics: &diagnostics)
        }
        let bodyRange = split.bodyRange
        let options = MarkdownParser.Options(smartPunctuation: true, language: language)
        let body = MarkdownParser.parse(file, bodyRange: bodyRange, bodyFirstLine: split.bodyFirstLine,
                                        options: options, diagnostics: &diagnostics)
        let words = wordCount(file.bytes[bodyRange])
        return ParsedContentFile(
            source: file, frontMatter: frontMatter, hasFrontMatter: split.frontMatterRange != nil,
            body: body, bodyIsEmpty: file.bytes[bodyRange].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 },
            bodyLocation: file.location(line: split.bodyFirstLine, column: 1),
            wordCount: words, diagnostics: diagnostics)
    }

    /// Parses many files in parallel, results in input order.
    public static func parseAll(_ files: [SourceFile], language: String) -> [ParsedContentFile] {
        ParallelMap.map(files) { parse($0, language: language) }
    }

    /// Counts runs of characters between white space that hold at least one letter.
    static func wordCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var inWord = false
        var hasLetter = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if inWord && hasLetter { count += 1 }
                inWord = false
                hasLetter = false
            } else {
                inWord = true
                if byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) { hasLetter = true }
            }
        }
        if inWord && hasLetter { count += 1 }
        return count
    }
}
