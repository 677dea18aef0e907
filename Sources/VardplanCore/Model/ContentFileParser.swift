import VardplanDiagnostics
import VardplanFrontMatter
import VardplanMarkdown
import VardplanSystem

/// A content file split into front matter and a Markdown body, both parsed.
///
/// A class, and immutable: the model's builders look files up by path hundreds of times,
/// and copying a struct of ten counted references on every lookup (and through the
/// parallel map that makes them) was two thirds of a printout's parsing stage.
public final class ParsedContentFile: Sendable {
    public let source: SourceFile
    /// The front matter mapping, or nil when the file has none or it is malformed.
    public let frontMatter: YAMLNode?
    /// Whether the file has a front matter block at all.
    public let hasFrontMatter: Bool
    public let body: MarkdownDocument
    /// Whether the body holds nothing but white space.
    public let bodyIsEmpty: Bool
    /// Where the body starts (the line after the closing `---`).
    public let bodyLocation: SourceLocation
    /// The body's bytes in the file, and its first line, to parse it later.
    public let bodyRange: Range<Int>
    public let bodyFirstLine: Int
    /// Words in the body, for the summary.
    public let wordCount: Int
    /// Problems found in this file alone.
    public let diagnostics: Diagnostics

    public init(source: SourceFile, frontMatter: YAMLNode?, hasFrontMatter: Bool, body: MarkdownDocument,
                bodyIsEmpty: Bool, bodyLocation: SourceLocation, bodyRange: Range<Int>, bodyFirstLine: Int,
                wordCount: Int, diagnostics: Diagnostics) {
        self.source = source
        self.frontMatter = frontMatter
        self.hasFrontMatter = hasFrontMatter
        self.body = body
        self.bodyIsEmpty = bodyIsEmpty
        self.bodyLocation = bodyLocation
        self.bodyRange = bodyRange
        self.bodyFirstLine = bodyFirstLine
        self.wordCount = wordCount
        self.diagnostics = diagnostics
    }
}

/// Parses content files (front matter with the YAML subset, bodies with cmark),
/// on every core, each file on its own.
public enum ContentFileParser {
    /// Parses one file. Diagnostics: those of `FrontMatterSplitter`, `YAMLParser` and
    /// `MarkdownParser`.
    /// With `parseBody: false` only the front matter is parsed and `body` is empty
    /// (a printout parses the bodies of the steps it shows, later).
    /// `countWords: false` leaves `wordCount` at 0 (a printout needs no summary).
    /// `detached`: the file holds the front matter only and this says what its body
    /// was (a build's step files, `DetachedBody`); its body is then never parsed here.
    public static func parse(_ file: SourceFile, language: String, parseBody: Bool = true,
                             countWords: Bool = true, detached: DetachedBody? = nil) -> ParsedContentFile {
        var diagnostics = Diagnostics()
        var split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
        var frontMatter: YAMLNode?
        if let yamlRange = split.frontMatterRange {
            frontMatter = YAMLParser.parse(file, range: yamlRange, diagnostics: &diagnostics)
        }
        if let detached { split.bodyRange = detached.range }
        let bodyRange = split.bodyRange
        let body = parseBody && detached == nil
            ? parseMarkdown(file, bodyRange: bodyRange, bodyFirstLine: split.bodyFirstLine, language: language,
                            diagnostics: &diagnostics)
            : MarkdownDocument(blocks: [], location: file.location(line: split.bodyFirstLine, column: 1), sourcePath: file.relativePath)
        let words = countWords ? detached?.wordCount ?? wordCount(file.bytes[bodyRange]) : 0
        let bodyIsEmpty = detached?.isEmpty ?? isBlank(file.bytes[bodyRange])
        return ParsedContentFile(
            source: file, frontMatter: frontMatter, hasFrontMatter: split.frontMatterRange != nil,
            body: body, bodyIsEmpty: bodyIsEmpty,
            bodyLocation: file.location(line: split.bodyFirstLine, column: 1),
            bodyRange: bodyRange, bodyFirstLine: split.bodyFirstLine,
            wordCount: words, diagnostics: diagnostics)
    }

    /// Parses a body with the content's Markdown options (smart punctuation in the
    /// content's language). Diagnostics: those of `MarkdownParser`.
    public static func parseMarkdown(_ file: SourceFile, bodyRange: Range<Int>, bodyFirstLine: Int, language: String,
                                     diagnostics: inout Diagnostics) -> MarkdownDocument {
        let options = MarkdownParser.Options(smartPunctuation: true, language: language)
        return MarkdownParser.parse(file, bodyRange: bodyRange, bodyFirstLine: bodyFirstLine,
                                    options: options, diagnostics: &diagnostics)
    }

    /// Parses many files in parallel, results in input order. The Markdown of step
    /// files is left for later (`Step.parseBody`): the stages parse the bodies they
    /// check or show, one diagnosis at a time.
    /// `detached`: the step files that hold their front matter only, by relative path.
    public static func parseAll(_ files: [SourceFile], language: String, countWords: Bool = true,
                                detached: [String: DetachedBody] = [:]) -> [ParsedContentFile] {
        ParallelMap.map(files) { file in
            parse(file, language: language, parseBody: isMetadataFile(file.relativePath), countWords: countWords,
                  detached: detached.isEmpty ? nil : detached[file.relativePath])
        }
    }

    /// Whether a file (by its path relative to the content folder) is a metadata file,
    /// a translation of one, or a regional file: parsed whole on every run.
    static func isMetadataFile(_ path: String) -> Bool {
        // On the bytes: `split` and Foundation's `contains` here were 12 % of a printout.
        let utf8 = Array(path.utf8)
        let nameStart = (utf8.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        // Regional files are few: always parsed, so `check` and every build see them whole.
        if path.hasPrefix("regions/") { return true }
        // Every metadata file and its translations start with `_`.
        guard nameStart < utf8.count, utf8[nameStart] == UInt8(ascii: "_") else { return false }
        let name = String(decoding: utf8[nameStart...], as: UTF8.self)
        return [ContentLoader.diagnosisFile, ContentLoader.moduleFile, ContentLoader.sectionFile].contains { file in
            name == file || ContentLoader.metadataTranslationLanguage(name, of: file) != nil
        }
    }

    /// Counts runs of characters between white space that hold at least one letter.
    ///
    /// Without a branch per byte (a word ends every six bytes or so, and the branch on
    /// it was mispredicted): `letter` is 1 while the current run has a letter, and a
    /// white-space byte adds it to the count and clears it. Three times the speed of
    /// the branching loop; `build` counts every body's words on every run.
    static func wordCount(_ bytes: ArraySlice<UInt8>) -> Int {
        byteKinds.withUnsafeBufferPointer { kinds in
            bytes.withUnsafeBufferPointer { buffer in
                var count = 0
                var letter: UInt8 = 0
                for byte in buffer {
                    let kind = kinds[Int(byte)]
                    let space = kind & 1
                    count &+= Int(space & letter)
                    letter = (letter | (kind >> 1)) & (space ^ 1)
                }
                return count + Int(letter)
            }
        }
    }

    /// Whether `bytes` hold nothing but white space (an empty body).
    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy(isWhiteSpace)
    }

    /// The white space between words and around a body: space, line feed, tab, carriage return.
    static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// 1 for white space, 2 for a letter (ASCII, or any byte of a non-ASCII character), 0 otherwise.
    private static let byteKinds: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        if isWhiteSpace(byte) { return 1 }
        if byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) { return 2 }
        return 0
    }
}
