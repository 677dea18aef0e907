import VardplanDiagnostics

/// Parses a Markdown body with libcmark into a `MarkdownDocument` whose every location
/// is file-absolute, adding our extensions (callouts, pipe tables, Swedish quotes).
///
/// The stages, one file each: `Cmark.swift` (the only file that touches libcmark; no C
/// pointer leaves a parse), `MarkdownParseSession` (the parses of one body),
/// `CmarkTreeConverter` (cmark's tree → Swift blocks; callouts, checklists and form
/// blocks recognised), `CmarkTreeConverter+Positions` (repair of cmark's inline
/// positions), `CmarkTreeConverter+Tables` (pipe tables, as cmark-gfm reads them).
///
/// Diagnostics (`MarkdownDiagnostics.swift`): VP300 nesting too deep, VP301 raw HTML,
/// VP302 unknown callout marker, VP303 table cell counts, VP304 unsafe addresses.
public enum MarkdownParser {
    /// How to parse.
    public struct Options: Sendable, Hashable {
        /// cmark's smart punctuation: straight quotes become curly ones, `--` an en dash,
        /// `---` an em dash, `...` an ellipsis.
        public var smartPunctuation: Bool
        /// The text's language (BCP 47). For Swedish (`sv`, `sv-SE` …) smart quotes are
        /// Swedish: ”så här” and ’så här’ (U+201D and U+2019 on both sides).
        public var language: String
        /// Plain CommonMark as libcmark parses it: no callouts, no tables, no checklists
        /// or form blocks, no Swedish quotes (for differential tests against
        /// `cmark_markdown_to_html`, with `CmarkCompatibleHTMLRenderer`).
        public var cmarkCompatible: Bool

        public init(smartPunctuation: Bool = true, language: String = "sv", cmarkCompatible: Bool = false) {
            self.smartPunctuation = smartPunctuation
            self.language = language
            self.cmarkCompatible = cmarkCompatible
        }

        /// libcmark with default options.
        public static let cmarkCompatible = Options(smartPunctuation: false, language: "en", cmarkCompatible: true)

        var usesSwedishQuotes: Bool {
            guard smartPunctuation, !cmarkCompatible else { return false }
            let lowered = language.lowercased()
            return lowered == "sv" || lowered.hasPrefix("sv-") || lowered.hasPrefix("sv_")
        }
    }

    /// Blocks nested deeper than this (block quotes, list items) are flattened into the
    /// level above, with a warning, so that no later recursion can exhaust the stack.
    static let maximumBlockDepth = 32
    /// Inline nesting (emphasis, links) beyond this is flattened the same way.
    static let maximumInlineDepth = 32
    /// Paragraph lines after a table are parsed again; at most this many times nested.
    static let maximumReparseDepth = 4

    /// Parses the body `file.bytes[bodyRange]`, which starts at the beginning of line
    /// `bodyFirstLine` (after front matter). Positions are computed from byte offsets
    /// into `file`, so cmark's body-relative line `n` is file line `bodyFirstLine + n - 1`.
    public static func parse(_ file: SourceFile, bodyRange: Range<Int>, bodyFirstLine: Int,
                             options: Options = Options(), diagnostics: inout Diagnostics) -> MarkdownDocument {
        let lower = min(max(bodyRange.lowerBound, 0), file.bytes.count)
        let upper = min(max(bodyRange.upperBound, lower), file.bytes.count)
        assert(lower == file.bytes.count || file.position(ofOffset: lower) == SourcePosition(line: bodyFirstLine, column: 1),
               "bodyRange must start at the beginning of line bodyFirstLine")
        let session = MarkdownParseSession(file: file, options: options)
        // cmark skips a byte order mark and counts columns after it.
        let start = lower + SourceText.byteOrderMarkLength(file.bytes, at: lower, end: upper)
        let blocks: [MarkdownBlock] = file.bytes.withUnsafeBufferPointer { all in
            let body = UnsafeBufferPointer(rebasing: all[start..<upper])
            session.mayDefineReferences = MarkdownParseSession.mayDefineReferences(body)
            session.inputIsValidUTF8 = SourceText.firstInvalidUTF8Offset(file.bytes, in: start..<upper) == nil
            let input = MarkdownInput(bytes: body, lineStarts: MarkdownInput.lineStarts(of: body, in: file, at: start),
                                      textEnd: body.count, map: .contiguous(fileBase: start))
            return session.parse(input, reparseDepth: 0)
        }
        diagnostics.append(contentsOf: session.diagnostics)
        let location = SourceLocation(path: file.path, position: file.position(ofOffset: lower))
        return MarkdownDocument(blocks: blocks, location: location, sourcePath: file.relativePath,
                                sourceByteCount: upper - lower)
    }

    /// Parses a whole file as Markdown (no front matter).
    public static func parse(_ file: SourceFile, options: Options = Options(),
                             diagnostics: inout Diagnostics) -> MarkdownDocument {
        parse(file, bodyRange: 0..<file.bytes.count, bodyFirstLine: 1, options: options, diagnostics: &diagnostics)
    }
}
