import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanDiagnostics

/// Parses a Markdown body with libcmark into a `MarkdownDocument` whose every location
/// is file-absolute, adding our extensions (callouts, pipe tables, Swedish quotes).
///
/// This file and `MarkdownParser+Reference.swift` are the only ones that touch libcmark;
/// no C pointer leaves them.
public enum MarkdownParser {
    /// How to parse.
    public struct Options: Sendable, Hashable {
        /// cmark's smart punctuation: straight quotes become curly ones, `--` an en dash,
        /// `---` an em dash, `...` an ellipsis.
        public var smartPunctuation: Bool
        /// The text's language (BCP 47). For Swedish (`sv`, `sv-SE` …) smart quotes are
        /// Swedish: ”så här” and ’så här’ (U+201D and U+2019 on both sides).
        public var language: String
        /// Plain CommonMark as libcmark parses it: no callouts, no tables, no Swedish
        /// quotes (for differential tests against `cmark_markdown_to_html`).
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
        let blocks: [MarkdownBlock] = file.bytes.withUnsafeBufferPointer { all in
            var start = lower
            // cmark skips a byte order mark and counts columns after it.
            if upper - start >= 3, all[start] == 0xEF, all[start + 1] == 0xBB, all[start + 2] == 0xBF {
                start += 3
            }
            let body = UnsafeBufferPointer(rebasing: all[start..<upper])
            session.mayDefineReferences = MarkdownParseSession.mayDefineReferences(body)
            let input = MarkdownInput(bytes: body, lineStarts: MarkdownInput.lineStarts(of: body, in: file, at: start),
                                      textEnd: body.count, map: .contiguous(fileBase: start))
            return session.parse(input, reparseDepth: 0)
        }
        diagnostics.append(contentsOf: session.diagnostics)
        let location = SourceLocation(path: file.path, position: file.position(ofOffset: lower))
        return MarkdownDocument(blocks: blocks, location: location)
    }

    /// Parses a whole file as Markdown (no front matter).
    public static func parse(_ file: SourceFile, options: Options = Options(),
                             diagnostics: inout Diagnostics) -> MarkdownDocument {
        parse(file, bodyRange: 0..<file.bytes.count, bodyFirstLine: 1, options: options, diagnostics: &diagnostics)
    }

    /// Runs libcmark on `bytes`; the caller frees the tree.
    static func cmarkParse(_ bytes: UnsafeBufferPointer<UInt8>, options: Int32) -> OpaquePointer? {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return cmark_parse_document("", 0, options)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            cmark_parse_document($0, bytes.count, options)
        }
    }
}

/// State shared by the parses of one body: the file, options, diagnostics, and the body
/// lines that may define link references (appended to auxiliary documents so that
/// reference links resolve in table cells).
final class MarkdownParseSession {
    let file: SourceFile
    let options: MarkdownParser.Options
    let cmarkOptions: Int32
    let swedishQuotes: Bool
    var diagnostics = Diagnostics()
    /// Whether the body has a `]:` at all; without one no re-parse needs its definitions.
    var mayDefineReferences = false
    /// The body's lines that may hold link reference definitions, gathered once by the
    /// first parse (`MarkdownReferenceDefinitionSource`), indexed by label so that each
    /// table gets only those it can reference (`MarkdownReferenceDefinitions`).
    var referenceDefinitions: MarkdownReferenceDefinitions?
    private(set) var depthWarningGiven = false

    init(file: SourceFile, options: MarkdownParser.Options) {
        self.file = file
        self.options = options
        self.cmarkOptions = CMARK_OPT_SOURCEPOS | (options.smartPunctuation ? CMARK_OPT_SMART : 0)
        self.swedishQuotes = options.usesSwedishQuotes
    }

    /// A link reference definition needs `]:`; without one no re-parse needs the body.
    static func mayDefineReferences(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 2 else { return false }
        var position = 1
        while position < bytes.count {
            guard let found = memchr(base + position, Int32(UInt8(ascii: ":")), bytes.count - position) else { return false }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[index - 1] == UInt8(ascii: "]") { return true }
            position = index + 1
        }
        return false
    }

    /// Parses one input with cmark and converts the whole tree.
    func parse(_ input: MarkdownInput, reparseDepth: Int) -> [MarkdownBlock] {
        guard let root = MarkdownParser.cmarkParse(input.bytes, options: cmarkOptions) else { return [] }
        defer { cmark_node_free(root) }
        if reparseDepth == 0, mayDefineReferences, referenceDefinitions == nil {
            referenceDefinitions = MarkdownReferenceDefinitions(MarkdownReferenceDefinitionSource.lines(of: root, input: input))
        }
        var converter = CmarkTreeConverter(session: self, input: input, extensions: !options.cmarkCompatible,
                                           reparseDepth: reparseDepth)
        return converter.convertSubtree(root)
    }

    /// Parses lines assembled from the source (the rest of a paragraph after a table).
    func parse(_ document: MarkdownAuxiliaryDocument, reparseDepth: Int) -> [MarkdownBlock] {
        document.bytes.withUnsafeBufferPointer { buffer in
            let input = MarkdownInput(bytes: buffer, lineStarts: document.lineStarts, textEnd: buffer.count,
                                      map: .lines(document.mappedLines))
            return parse(input, reparseDepth: reparseDepth)
        }
    }

    /// Parses the segments of an auxiliary document (inline content only: no tables,
    /// no callouts) and returns the blocks of each segment.
    func parseSegments(_ document: MarkdownAuxiliaryDocument) -> [[MarkdownBlock]] {
        var results = [[MarkdownBlock]](repeating: [], count: document.segments.count)
        guard let lastLine = document.segments.last?.lastLine else { return results }
        var bytes = document.bytes
        let textEnd = bytes.count
        if let references = referenceDefinitions {
            let referenced = bytes.withUnsafeBufferPointer { references.lines(referencedFrom: $0) }
            bytes.append(0x0A)
            bytes.append(contentsOf: referenced)
        }
        bytes.withUnsafeBufferPointer { buffer in
            let input = MarkdownInput(bytes: buffer, lineStarts: document.lineStarts, textEnd: textEnd,
                                      map: .lines(document.mappedLines))
            guard let root = MarkdownParser.cmarkParse(buffer, options: cmarkOptions) else { return }
            defer { cmark_node_free(root) }
            var converter = CmarkTreeConverter(session: self, input: input, extensions: false,
                                               reparseDepth: MarkdownParser.maximumReparseDepth)
            var segmentIndex = 0
            var child = cmark_node_first_child(root)
            while let node = child {
                let line = Int(cmark_node_get_start_line(node))
                if line > lastLine { break }
                while segmentIndex < document.segments.count, document.segments[segmentIndex].lastLine < line {
                    segmentIndex += 1
                }
                if segmentIndex < document.segments.count, line >= document.segments[segmentIndex].firstLine {
                    results[segmentIndex].append(contentsOf: converter.convertSubtree(node))
                }
                child = cmark_node_next(node)
            }
        }
        return results
    }

    private var cachedLine = 1
    private var cachedOffset = -1
    private var cachedColumn = 1

    /// `file.location(ofOffset:)`, but moving on from the previous lookup when it was
    /// earlier in the file (blocks and links arrive in file order): no binary search,
    /// and on the same line the column is counted on from the previous one.
    func location(ofFileOffset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), file.bytes.count)
        guard cachedOffset >= 0, clamped >= cachedOffset else {
            let position = file.position(ofOffset: clamped)
            if clamped >= 3 || position.line > 1 {  // past a possible byte order mark
                cachedLine = position.line
                cachedOffset = clamped
                cachedColumn = position.column
            }
            return SourceLocation(path: file.path, position: position)
        }
        file.lineStarts.withUnsafeBufferPointer { starts in
            file.bytes.withUnsafeBufferPointer { bytes in
                var line = cachedLine
                while line < starts.count, starts[line] <= clamped { line += 1 }
                var from = cachedOffset
                var column = cachedColumn
                if line != cachedLine {
                    from = starts[line - 1]
                    column = 1
                }
                while from < clamped {
                    if bytes[from] & 0xC0 != 0x80 { column += 1 }
                    from += 1
                }
                cachedLine = line
                cachedOffset = clamped
                cachedColumn = column
            }
        }
        return SourceLocation(path: file.path, line: cachedLine, column: cachedColumn)
    }

    /// Whether cmark reads `lines` as nothing but link reference definitions.
    func isOnlyReferenceDefinitions(_ document: MarkdownAuxiliaryDocument) -> Bool {
        document.bytes.withUnsafeBufferPointer { buffer in
            guard let root = MarkdownParser.cmarkParse(buffer, options: cmarkOptions) else { return false }
            defer { cmark_node_free(root) }
            return cmark_node_first_child(root) == nil
        }
    }

    func warnAboutDepth(at location: SourceLocation) {
        guard !depthWarningGiven else { return }
        depthWarningGiven = true
        diagnostics.warning(
            "this is nested more than \(MarkdownParser.maximumBlockDepth) levels deep; the deeper levels are flattened",
            at: location)
    }

    static let rawHTMLMessage = "raw HTML is not published; write it in Markdown instead"

    /// Warns about raw HTML, except comments (a deliberate note to other writers).
    func warnAboutRawHTML(_ raw: String, at location: SourceLocation) {
        var utf8 = Substring(raw).utf8
        while let first = utf8.first, first == 0x20 || first == 0x09 { utf8 = utf8.dropFirst() }
        if utf8.starts(with: "<!--".utf8) { return }
        diagnostics.warning(MarkdownParseSession.rawHTMLMessage, at: location)
    }

    /// Swedish quotation marks: “ becomes ” and ‘ becomes ’.
    func localizedText(_ text: String) -> String {
        guard swedishQuotes, text.utf8.contains(0xE2) else { return text }
        var bytes = Array(text.utf8)
        MarkdownParseSession.swedishQuotes(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// In UTF-8 only the last byte differs: E2 80 9C → E2 80 9D, E2 80 98 → E2 80 99.
    static func swedishQuotes(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var position = 0
            while position + 2 < buffer.count,
                  let found = memchr(base + position, 0xE2, buffer.count - position - 2) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] == 0x80 {
                    if buffer[index + 2] == 0x9C {
                        buffer[index + 2] = 0x9D
                    } else if buffer[index + 2] == 0x98 {
                        buffer[index + 2] = 0x99
                    }
                }
                position = index + 1
            }
        }
    }
}

/// Converts a cmark tree to Swift blocks in one walk with cmark's iterator and an
/// explicit stack of frames (no recursion over the C tree).
struct CmarkTreeConverter {
    private enum FrameKind {
        case root
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool, delimiter: MarkdownBlock.ListDelimiter)
        case item
        case paragraph
        case heading(level: Int)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    private struct Frame {
        var kind: FrameKind
        var location: SourceLocation
        var blocks: [MarkdownBlock] = []
        var inlines: [MarkdownInline] = []
    }

    /// The paragraph or heading whose inlines are being converted.
    private struct Leaf {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        /// The containers around it, or `nil` when too deep to replay.
        var containers: [MarkdownLineCursor.Container]?
        /// Content lines computed so far, indexed by `line - startLine`.
        var lines: [MarkdownLineCursor.ContentLine?] = []
        /// Lines at the start that cmark consumed as link reference definitions: cmark
        /// numbers the inlines from `startLine` all the same.
        var definitionLines = 0
        /// Line ends cmark's inline line counter missed so far: backslash hard breaks
        /// (`handle_backslash` skips the line end without counting it) and line ends in
        /// a link's `](destination "title")` …
        var missedLineEnds = 0
        /// … and keeps counting columns from the line before: the bytes of those lines.
        var carriedBytes = 0
        /// The file-input line of the last inline seen.
        var currentLine: Int
    }

    private let session: MarkdownParseSession
    private let input: MarkdownInput
    private let extensions: Bool
    private let reparseDepth: Int
    private var frames: [Frame] = []
    /// One entry per open cmark node with children: whether it has a frame (`false`
    /// for flattened nodes, whose content goes straight into the nearest frame).
    private var open: [Bool] = []
    private var containers: [MarkdownLineCursor.Container] = []
    private var blockDepth = 0
    private var inlineDepth = 0
    private var leaf: Leaf?
    /// Text not yet added to the top frame: cmark splits text at every special
    /// character, and adjacent pieces become one `.text`.
    private var pendingText: [UInt8] = []

    init(session: MarkdownParseSession, input: MarkdownInput, extensions: Bool, reparseDepth: Int) {
        self.session = session
        self.input = input
        self.extensions = extensions
        self.reparseDepth = reparseDepth
    }

    /// Converts `root` (a document, or one block of it) and everything inside it.
    mutating func convertSubtree(_ root: OpaquePointer) -> [MarkdownBlock] {
        frames = [Frame(kind: .root, location: session.location(ofFileOffset: 0))]
        open = []
        pendingText.removeAll(keepingCapacity: true)
        pendingText.reserveCapacity(256)
        containers = []
        blockDepth = 0
        inlineDepth = 0
        leaf = nil
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                enter(node)
            } else if event == CMARK_EVENT_EXIT {
                exit(node)
            }
        }
        return frames[0].blocks
    }

    // MARK: - Events

    private mutating func enter(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT:
            open.append(false)
        case CMARK_NODE_BLOCK_QUOTE:
            containers.append(.blockQuote)
            pushContainer(.blockQuote, node: node, levels: 1)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let delimiter: MarkdownBlock.ListDelimiter
            switch cmark_node_get_list_delim(node) {
            case CMARK_PERIOD_DELIM: delimiter = .period
            case CMARK_PAREN_DELIM: delimiter = .parenthesis
            default: delimiter = .none
            }
            let kind = FrameKind.list(ordered: ordered, start: ordered ? Int(cmark_node_get_list_start(node)) : 0,
                                      tight: cmark_node_get_list_tight(node) != 0, delimiter: delimiter)
            // A list and its items are flattened together.
            pushContainer(kind, node: node, levels: 2)
        case CMARK_NODE_ITEM:
            let line = Int(cmark_node_get_start_line(node))
            containers.append(.listItem(requiredIndent: itemIndent(line: line), startLine: line))
            // An item is flattened with its list.
            if open[open.count - 1] {
                blockDepth += 1
                frames.append(Frame(kind: .item, location: blockLocation(node)))
                open.append(true)
            } else {
                open.append(false)
            }
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            let endLine = Int(cmark_node_get_end_line(node))
            let reliable = containers.count <= 2 * MarkdownParser.maximumBlockDepth
            leaf = Leaf(startLine: line, startColumn: column, endLine: max(line, endLine),
                        containers: reliable ? containers : nil, currentLine: line)
            inlineDepth = 0
            let kind: FrameKind = type == CMARK_NODE_HEADING
                ? .heading(level: Int(cmark_node_get_heading_level(node))) : .paragraph
            if type == CMARK_NODE_HEADING, endLine > line {
                let underline = setextUnderline(after: line, until: endLine)
                leaf?.endLine = underline
            }
            var location = blockLocation(node)
            let lastContentLine = (leaf?.endLine ?? line) - (type == CMARK_NODE_HEADING ? 1 : 0)
            if lastContentLine > line, let definitions = referenceDefinitionLines(lastContentLine: lastContentLine),
               definitions > 0 {
                leaf?.definitionLines = definitions
                leaf?.currentLine = line + definitions
                let first = contentLine(line + definitions)
                location = self.location(line: line + definitions, offset: first.firstNonspace)
            }
            frames.append(Frame(kind: kind, location: location))
            open.append(true)
        case CMARK_NODE_CODE_BLOCK:
            appendBlock(.codeBlock(info: string(cmark_node_get_fence_info(node)),
                                   literal: string(cmark_node_get_literal(node)), location: blockLocation(node)))
        case CMARK_NODE_HTML_BLOCK:
            let raw = string(cmark_node_get_literal(node))
            let location = blockLocation(node)
            session.warnAboutRawHTML(raw, at: location)
            appendBlock(.htmlBlock(raw: raw, location: location))
        case CMARK_NODE_THEMATIC_BREAK:
            appendBlock(.thematicBreak(location: blockLocation(node)))
        case CMARK_NODE_TEXT:
            noteInlineEnd(node)
            if let literal = cmark_node_get_literal(node) {
                literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                    pendingText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: strlen(literal)))
                }
            }
        case CMARK_NODE_SOFTBREAK:
            noteLineEnd(backslash: false)
            appendInline(.softBreak)
        case CMARK_NODE_LINEBREAK:
            noteLineEnd(backslash: true)
            appendInline(.lineBreak)
        case CMARK_NODE_CODE:
            noteInlineEnd(node)
            appendInline(.code(string(cmark_node_get_literal(node))))
        case CMARK_NODE_HTML_INLINE:
            let raw = string(cmark_node_get_literal(node))
            let location = inlineLocation(node)
            noteInlineEnd(node)
            session.warnAboutRawHTML(raw, at: location)
            appendInline(.rawHTML(raw, location: location))
        case CMARK_NODE_EMPH:
            pushInline(.emphasis, node: node)
        case CMARK_NODE_STRONG:
            pushInline(.strong, node: node)
        case CMARK_NODE_LINK:
            pushInline(.link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node))),
                       node: node)
        case CMARK_NODE_IMAGE:
            pushInline(.image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node))),
                       node: node)
        default:
            // Custom nodes (never made by the parser): their content is kept.
            open.append(false)
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM { containers.removeLast() }
        if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { noteLinkEnd(node) }
        guard open.removeLast() else { return }
        flushText()
        let frame = frames.removeLast()
        switch frame.kind {
        case .root:
            break
        case .blockQuote:
            blockDepth -= 1
            appendBlock(blockQuote(frame))
        case .list(let ordered, let start, let tight, let delimiter):
            blockDepth -= 1
            appendBlock(.list(ordered: ordered, start: start, tight: tight, delimiter: delimiter,
                              items: frame.blocks, location: frame.location))
        case .item:
            blockDepth -= 1
            appendBlock(.listItem(frame.blocks, location: frame.location))
        case .paragraph:
            if !(extensions && convertTable(frame, setext: false)) {
                appendBlock(.paragraph(frame.inlines, location: frame.location))
            }
            leaf = nil
        case .heading(let level):
            let setext = (leaf.map { $0.endLine > $0.startLine }) ?? false
            if !(extensions && setext && convertTable(frame, setext: true)) {
                appendBlock(.heading(level: level, frame.inlines, location: frame.location))
            }
            leaf = nil
        case .emphasis:
            inlineDepth -= 1
            appendInline(.emphasis(frame.inlines))
        case .strong:
            inlineDepth -= 1
            appendInline(.strong(frame.inlines))
        case .link(let destination, let title):
            inlineDepth -= 1
            session.checkDestination(destination, image: false, linkStart: frame.location)
            appendInline(.link(destination: destination, title: title, children: frame.inlines, location: frame.location))
        case .image(let source, let title):
            inlineDepth -= 1
            session.checkDestination(source, image: true, linkStart: frame.location)
            appendInline(.image(source: source, title: title, children: frame.inlines, location: frame.location))
        }
    }

    // MARK: - Frames

    /// Pushes a block quote or list; beyond the depth limit it is flattened (its
    /// children go to the level above) and costs no position lookup.
    private mutating func pushContainer(_ kind: FrameKind, node: OpaquePointer, levels: Int) {
        if blockDepth + levels > MarkdownParser.maximumBlockDepth {
            if !session.depthWarningGiven { session.warnAboutDepth(at: blockLocation(node)) }
            open.append(false)
        } else {
            blockDepth += 1
            frames.append(Frame(kind: kind, location: blockLocation(node)))
            open.append(true)
        }
    }

    /// Pushes emphasis, strong, a link or an image (only links and images keep a position).
    private mutating func pushInline(_ kind: FrameKind, node: OpaquePointer) {
        if inlineDepth >= MarkdownParser.maximumInlineDepth {
            if !session.depthWarningGiven { session.warnAboutDepth(at: inlineLocation(node)) }
            open.append(false)
            return
        }
        inlineDepth += 1
        var location = frames[frames.count - 1].location
        switch kind {
        case .link, .image: location = linkLocation(node)
        default: break
        }
        flushText()
        frames.append(Frame(kind: kind, location: location))
        open.append(true)
    }

    private mutating func appendBlock(_ block: MarkdownBlock) {
        frames[frames.count - 1].blocks.append(block)
    }

    private mutating func spliceBlocks(_ blocks: [MarkdownBlock]) {
        frames[frames.count - 1].blocks.append(contentsOf: blocks)
    }

    private mutating func appendInline(_ inline: MarkdownInline) {
        if case .text(let text) = inline {
            pendingText.append(contentsOf: text.utf8)
            return
        }
        flushText()
        frames[frames.count - 1].inlines.append(inline)
    }

    /// Adds the pending text to the top frame as one `.text` (with Swedish quotes).
    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        if session.swedishQuotes { MarkdownParseSession.swedishQuotes(&pendingText) }
        frames[frames.count - 1].inlines.append(.text(String(decoding: pendingText, as: UTF8.self)))
        pendingText.removeAll(keepingCapacity: true)
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    // MARK: - Positions

    /// A location from an input line and cmark's 1-based byte column on it.
    private func location(line: Int, offset: Int) -> SourceLocation {
        session.location(ofFileOffset: input.fileOffset(line: line, offset: offset))
    }

    /// Block positions from cmark are exact (byte columns on input lines).
    private func blockLocation(_ node: OpaquePointer) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        guard line >= 1, line <= input.lineCount else {
            return location(line: max(1, min(line, input.lineCount)), offset: input.lineStart(max(1, min(line, input.lineCount))))
        }
        let offset = min(input.lineStart(line) + max(column, 1) - 1, input.lineEnd(line))
        return location(line: line, offset: offset)
    }

    /// cmark gives inline columns relative to the paragraph's first column on every
    /// line; on continuation lines the real column comes from replaying the line's
    /// container prefix. An autolink's own column is unreliable: use its text's.
    private mutating func linkLocation(_ node: OpaquePointer) -> SourceLocation {
        if cmark_node_get_type(node) == CMARK_NODE_LINK,
           let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
           let literal = cmark_node_get_literal(child), let url = cmark_node_get_url(node) {
            if Self.equal(url, literal) || (Self.hasMailtoPrefix(url) && Self.equal(url + 7, literal)) {
                return inlineLocation(line: Int(cmark_node_get_start_line(child)),
                                      column: Int(cmark_node_get_start_column(child)) - 1)
            }
        }
        // cmark gives a link the line of its `]` and the column of its `[`; the `[`
        // is on the line where the previous inline ended.
        guard let current = leafState else { return inlineLocation(node) }
        return inlineLocation(inputLine: current.currentLine, column: Int(cmark_node_get_start_column(node)))
    }

    private static func equal(_ a: UnsafePointer<CChar>, _ b: UnsafePointer<CChar>) -> Bool {
        var index = 0
        while a[index] == b[index] {
            if a[index] == 0 { return true }
            index += 1
        }
        return false
    }

    private static func hasMailtoPrefix(_ url: UnsafePointer<CChar>) -> Bool {
        var index = 0
        for expected in "mailto:".utf8 {
            guard UInt8(bitPattern: url[index]) == expected else { return false }
            index += 1
        }
        return true
    }

    private mutating func inlineLocation(_ node: OpaquePointer) -> SourceLocation {
        inlineLocation(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    private mutating func inlineLocation(line cmarkLine: Int, column: Int) -> SourceLocation {
        inlineLocation(inputLine: realLine(cmarkLine), column: column)
    }

    private mutating func inlineLocation(inputLine line: Int, column: Int) -> SourceLocation {
        guard line >= 1, line <= input.lineCount else {
            return frames[frames.count - 1].location
        }
        let start = input.lineStart(line)
        let end = input.lineEnd(line)
        var offset = start + column - 1
        if let current = leafState, current.replayable, line >= current.startLine, line <= current.endLine {
            offset = contentLine(line).inlineBase + column - current.startColumn - current.carriedBytes
        }
        return location(line: line, offset: min(max(offset, start), end))
    }

    /// The current leaf's numbers, without its cached lines: holding a copy of `leaf`
    /// while `contentLine` fills the cache would copy the whole cache on every call
    /// (quadratic in the paragraph's lines).
    private struct LeafState {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var carriedBytes: Int
        var currentLine: Int
        /// Whether its containers are known, so its lines can be replayed.
        var replayable: Bool
    }

    private var leafState: LeafState? {
        guard let leaf else { return nil }
        return LeafState(startLine: leaf.startLine, startColumn: leaf.startColumn, endLine: leaf.endLine,
                         carriedBytes: leaf.carriedBytes, currentLine: leaf.currentLine,
                         replayable: leaf.containers != nil)
    }

    /// The input line of cmark's inline line number `line` in the current leaf.
    private func realLine(_ line: Int) -> Int {
        guard let current = leaf else { return line }
        return line + current.definitionLines + current.missedLineEnds
    }

    /// Remembers on which line the last inline ended. A newline inside it (a code span,
    /// raw HTML, a link destination) makes cmark count columns from there again.
    private mutating func noteInlineEnd(_ node: OpaquePointer) {
        let line = Int(cmark_node_get_end_line(node))
        guard line > 0, leaf != nil else { return }
        if line != Int(cmark_node_get_start_line(node)) { leaf!.carriedBytes = 0 }
        leaf!.currentLine = realLine(line)
    }

    /// After a link or image: cmark does not count line ends in its `](…)` part, but its
    /// end column, counted from cmark's current column base, tells how far it reaches.
    private mutating func noteLinkEnd(_ node: OpaquePointer) {
        guard let current = leafState, current.replayable,
              current.currentLine >= current.startLine, current.currentLine <= current.endLine else { return }
        if cmark_node_get_type(node) == CMARK_NODE_LINK, let child = cmark_node_first_child(node),
           cmark_node_get_type(child) == CMARK_NODE_TEXT, cmark_node_first_child(node) == cmark_node_last_child(node),
           let literal = cmark_node_get_literal(child), let url = cmark_node_get_url(node),
           Self.equal(url, literal) || (Self.hasMailtoPrefix(url) && Self.equal(url + 7, literal)) {
            return  // an autolink: one line, and cmark's end column is not usable
        }
        // Bytes from cmark's column base to just after the link.
        var remaining = Int(cmark_node_get_end_column(node)) - current.startColumn + 1
        let startLine = current.currentLine
        var carried = current.carriedBytes
        let endLine = current.endLine
        guard remaining > 0 else { return }
        var line = startLine
        var first = contentLine(line)
        var consumed = 0
        while line < endLine, remaining > first.end - first.inlineBase + carried {
            let length = first.end - first.inlineBase + 1 + carried
            remaining -= length
            consumed += length
            carried = 0
            line += 1
            first = contentLine(line)
        }
        guard line > startLine else { return }
        leaf!.missedLineEnds += line - startLine
        leaf!.carriedBytes = consumed  // from cmark's column base to the new line's content
        leaf!.currentLine = line
    }

    /// A line break: a backslash at the end of the line is one cmark does not count.
    private mutating func noteLineEnd(backslash possibly: Bool) {
        guard leaf != nil else { return }
        let line = leaf!.currentLine
        var backslash = false
        if possibly, leaf!.containers != nil, line >= leaf!.startLine, line < leaf!.endLine {
            let content = contentLine(line)
            backslash = content.end > content.contentStart && input.bytes[content.end - 1] == UInt8(ascii: "\\")
            if backslash {
                leaf!.missedLineEnds += 1
                leaf!.carriedBytes += content.end - content.inlineBase + 1  // cmark stores "\r\n" as "\n"
            }
        }
        if !backslash { leaf!.carriedBytes = 0 }
        leaf!.currentLine = line + 1
    }

    /// Line `line` of the current leaf without its container prefix (cached).
    private mutating func contentLine(_ line: Int) -> MarkdownLineCursor.ContentLine {
        guard leaf != nil else { preconditionFailure("no paragraph") }
        let index = line - leaf!.startLine
        if leaf!.lines.isEmpty {
            leaf!.lines = Array(repeating: nil, count: leaf!.endLine - leaf!.startLine + 1)
        }
        if let cached = leaf!.lines[index] { return cached }
        let startColumn = leaf!.startColumn
        let start = input.lineStart(line)
        let end = input.lineEnd(line)
        let computed: MarkdownLineCursor.ContentLine
        if index == 0 {
            let contentStart = min(start + startColumn - 1, end)
            computed = MarkdownLineCursor.ContentLine(lineStart: start, end: end, contentStart: contentStart,
                                                      inlineBase: contentStart,
                                                      firstNonspace: contentStart, indent: 0, lazy: false,
                                                      prefixEnd: contentStart, prefixSpaces: 0)
        } else {
            computed = MarkdownLineCursor.contentLine(bytes: input.bytes, lineStart: start, lineEnd: end,
                                                      line: line, containers: leaf!.containers ?? [])
        }
        leaf!.lines[index] = computed
        return computed
    }

    /// How many lines at the start of the current paragraph cmark took as link
    /// reference definitions: the longest run of its lines that alone parses to nothing.
    /// Only paragraphs starting with `[` in a body containing `]:` are looked at.
    private mutating func referenceDefinitionLines(lastContentLine: Int) -> Int? {
        guard session.mayDefineReferences, let current = leafState, current.replayable,
              lastContentLine > current.startLine, lastContentLine <= input.lineCount else { return nil }
        let first = input.lineStart(current.startLine) + current.startColumn - 1
        guard first < input.lineEnd(current.startLine), input.bytes[first] == UInt8(ascii: "[") else { return nil }
        var lines: [MarkdownLineCursor.ContentLine] = []
        for line in current.startLine...lastContentLine { lines.append(contentLine(line)) }
        let texts = lines.map { UnsafeBufferPointer(rebasing: input.bytes[$0.contentStart..<$0.end]) }
        return Self.definitionLines(texts, session: session)
    }

    /// The longest run of leading lines (fewer than all) that cmark alone parses to
    /// nothing: found by one scan following cmark's rules and confirmed by one cmark
    /// parse; should they ever disagree, by asking cmark about every prefix.
    static func definitionLines(_ texts: [UnsafeBufferPointer<UInt8>], session: MarkdownParseSession) -> Int {
        let scanned = MarkdownReferenceDefinitionScanner.definitionLines(texts)
        if scanned == 0 { return 0 }
        if scanned < texts.count, session.isOnlyReferenceDefinitions(Self.document(texts[..<scanned])) { return scanned }
        return Self.definitionLinesByParsingEveryPrefix(texts, session: session)
    }

    /// The longest run of leading lines (fewer than all) that cmark alone parses to
    /// nothing: one cmark parse per line, so quadratic; the scanner's reference.
    static func definitionLinesByParsingEveryPrefix(_ texts: [UnsafeBufferPointer<UInt8>],
                                                    session: MarkdownParseSession) -> Int {
        var consumed = 0
        var document = MarkdownAuxiliaryDocument()
        for count in 1..<max(texts.count, 1) {
            document.appendLine(texts[count - 1], fileOffset: 0)
            if session.isOnlyReferenceDefinitions(document) { consumed = count }
        }
        return consumed
    }

    private static func document(_ texts: ArraySlice<UnsafeBufferPointer<UInt8>>) -> MarkdownAuxiliaryDocument {
        var document = MarkdownAuxiliaryDocument()
        for text in texts { document.appendLine(text, fileOffset: 0) }
        return document
    }

    /// The underline of the setext heading starting on `line` (cmark reports the line
    /// after it as the heading's end): the first later line that is `=`s or `-`s.
    private func setextUnderline(after line: Int, until reportedEnd: Int) -> Int {
        let last = min(reportedEnd, input.lineCount)
        guard line < last, let containers = leaf?.containers else { return line }
        for candidate in (line + 1)...last {
            let content = MarkdownLineCursor.contentLine(bytes: input.bytes, lineStart: input.lineStart(candidate),
                                                         lineEnd: input.lineEnd(candidate), line: candidate,
                                                         containers: containers)
            guard !content.lazy, content.indent < 4, content.firstNonspace < content.end else { continue }
            let marker = input.bytes[content.firstNonspace]
            guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { continue }
            var position = content.firstNonspace
            while position < content.end, input.bytes[position] == marker { position += 1 }
            while position < content.end, input.bytes[position] == 0x20 || input.bytes[position] == 0x09 { position += 1 }
            if position == content.end { return candidate }
        }
        return line
    }

    /// cmark's `marker_offset + padding` for the list item whose marker is on `line`.
    private func itemIndent(line: Int) -> Int {
        guard line >= 1, line <= input.lineCount, containers.count <= 2 * MarkdownParser.maximumBlockDepth else { return 2 }
        var cursor = MarkdownLineCursor(bytes: input.bytes, lineStart: input.lineStart(line), lineEnd: input.lineEnd(line))
        _ = cursor.match(containers, line: line)
        return cursor.openListItem() ?? 2
    }

    // MARK: - Callouts

    private mutating func blockQuote(_ frame: Frame) -> MarkdownBlock {
        guard extensions else { return .blockQuote(frame.blocks, location: frame.location) }
        switch MarkdownCalloutRecognizer.recognize(frame.blocks) {
        case .notACallout:
            return .blockQuote(frame.blocks, location: frame.location)
        case .unknownMarker(let name, let location):
            session.diagnostics.warning(MarkdownCalloutRecognizer.unknownMarkerMessage(name), at: location)
            return .blockQuote(frame.blocks, location: frame.location)
        case .callout(let kind, let title, let children):
            return .callout(kind: kind, title: title, children: children, location: frame.location)
        }
    }

    // MARK: - Tables

    /// Looks for a pipe table in the current paragraph (or setext heading) and, when
    /// there is one, appends what replaces it: paragraph, table, following blocks.
    private mutating func convertTable(_ frame: Frame, setext: Bool) -> Bool {
        guard let current = leafState, current.replayable, current.endLine > current.startLine,
              current.endLine <= input.lineCount, reparseDepth < MarkdownParser.maximumReparseDepth,
              MarkdownTableRecognizer.mightContainTable(input.bytes, from: input.lineStart(current.startLine),
                                                        to: input.lineEnd(current.endLine))
        else { return false }
        var lines: [MarkdownLineCursor.ContentLine] = []
        lines.reserveCapacity(current.endLine - current.startLine + 1)
        for line in current.startLine...current.endLine {
            lines.append(contentLine(line))
        }
        switch MarkdownTableRecognizer.recognize(input.bytes, lines: lines, lastLineIsSetextUnderline: setext) {
        case .none:
            return false
        case .mismatch(let index, let headerCells, let delimiterCells):
            session.diagnostics.warning(
                "this looks like a table, but the header has \(headerCells) cell\(headerCells == 1 ? "" : "s") and the delimiter row \(delimiterCells); give both rows the same number of cells",
                at: location(line: current.startLine + index, offset: lines[index].firstNonspace))
            return false
        case .table(let plan):
            appendTable(plan, lines: lines, firstLine: current.startLine, paragraphLocation: frame.location)
            return true
        }
    }

    private mutating func appendTable(_ plan: MarkdownTableRecognizer.Plan, lines: [MarkdownLineCursor.ContentLine],
                                      firstLine: Int, paragraphLocation: SourceLocation) {
        // Cells and the lines before the header are parsed as inlines in one auxiliary document.
        var auxiliary = MarkdownAuxiliaryDocument()
        var paragraphSegment: Int?
        if plan.headerLine > 0 {
            paragraphSegment = auxiliary.beginSegment()
            for index in 0..<plan.headerLine {
                let line = lines[index]
                auxiliary.appendLine(UnsafeBufferPointer(rebasing: input.bytes[line.contentStart..<line.end]),
                                     fileOffset: input.fileOffset(line: firstLine + index, offset: line.contentStart))
            }
            auxiliary.endSegment()
        }
        var cellSegments: [[Int?]] = []
        var quickCells: [[MarkdownInline]] = []
        func addRow(_ cells: [MarkdownTableRecognizer.Cell], line: Int) {
            var segments: [Int?] = []
            for cell in cells {
                if cell.text.isEmpty {
                    segments.append(nil)
                } else if let text = plainCellText(cell.text) {
                    quickCells.append([.text(text)])
                    segments.append(-quickCells.count)
                } else {
                    let segment = auxiliary.beginSegment()
                    auxiliary.appendLine(cell.text, fileOffset: input.fileOffset(line: line, offset: cell.start),
                                         prefix: MarkdownAuxiliaryDocument.cellPrefix, deletions: cell.deletions)
                    auxiliary.endSegment()
                    segments.append(segment)
                }
            }
            cellSegments.append(segments)
        }
        addRow(plan.header, line: firstLine + plan.headerLine)
        for (row, index) in zip(plan.rows, plan.rowLines) {
            addRow(row, line: firstLine + index)
        }
        let results = auxiliary.isEmpty ? [] : session.parseSegments(auxiliary)

        func inlines(_ segment: Int?) -> [MarkdownInline] {
            guard let segment else { return [] }
            if segment < 0 { return quickCells[-segment - 1] }
            guard case .paragraph(var inlines, _)? = results[segment].first else { return [] }
            if case .text(let text)? = inlines.first, text.unicodeScalars.first == "\u{A0}" {
                let rest = String(text.unicodeScalars.dropFirst())
                if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
            }
            return inlines
        }
        func cells(_ row: [MarkdownTableRecognizer.Cell], segments: [Int?], line: Int) -> [MarkdownTableCell] {
            zip(row, segments).map { cell, segment in
                MarkdownTableCell(inlines: inlines(segment), location: location(line: line, offset: cell.start))
            }
        }
        let header = cells(plan.header, segments: cellSegments[0], line: firstLine + plan.headerLine)
        var rows: [[MarkdownTableCell]] = []
        rows.reserveCapacity(plan.rows.count)
        for (position, row) in plan.rows.enumerated() {
            rows.append(cells(row, segments: cellSegments[position + 1], line: firstLine + plan.rowLines[position]))
        }

        // The paragraph before the table, and the caption: its last line, or the
        // paragraph just before, when entirely emphasised.
        var leading = paragraphSegment.map { results[$0] } ?? []
        var caption: [MarkdownInline]?
        if case .paragraph(let paragraph, let location)? = leading.last,
           let (before, found) = MarkdownCaption.split(paragraph) {
            caption = found
            if before.isEmpty {
                leading.removeLast()
            } else {
                leading[leading.count - 1] = .paragraph(before, location: location)
            }
        } else if plan.headerLine == 0, case .paragraph(let previous, _)? = frames[frames.count - 1].blocks.last,
                  let (before, found) = MarkdownCaption.split(previous), before.isEmpty {
            caption = found
            frames[frames.count - 1].blocks.removeLast()
        }
        if !leading.isEmpty, case .paragraph(let paragraph, _) = leading[0] {
            leading[0] = .paragraph(paragraph, location: paragraphLocation)
        }
        spliceBlocks(leading)

        let headerLine = lines[plan.headerLine]
        appendBlock(.table(MarkdownTable(
            alignments: plan.alignments, header: header, rows: rows, caption: caption,
            location: location(line: firstLine + plan.headerLine, offset: headerLine.firstNonspace))))

        // Lines after the table start new blocks (cmark-gfm ends the table there), so
        // they keep their indentation inside the containers.
        if plan.endLine < lines.count {
            var rest = MarkdownAuxiliaryDocument()
            for index in plan.endLine..<lines.count {
                let line = lines[index]
                rest.appendLine(UnsafeBufferPointer(rebasing: input.bytes[line.prefixEnd..<line.end]),
                                fileOffset: input.fileOffset(line: firstLine + index, offset: line.prefixEnd),
                                prefix: [UInt8](repeating: 0x20, count: line.prefixSpaces))
            }
            spliceBlocks(session.parse(rest, reparseDepth: reparseDepth + 1))
        }
    }

    /// A cell without any byte that cmark's inline parser treats specially is its own
    /// text; it needs no parse.
    private func plainCellText(_ text: [UInt8]) -> String? {
        let smart = session.options.smartPunctuation
        for byte in text {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "&"), UInt8(ascii: "_"), UInt8(ascii: "*"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "!"), 0x0A, 0x0D, 0:
                return nil
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: "-"):
                if smart { return nil }
            default:
                break
            }
        }
        return session.localizedText(String(decoding: text, as: UTF8.self))
    }
}
