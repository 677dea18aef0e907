#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanDiagnostics

/// State shared by the parses of one body: the file, options, diagnostics, and the body
/// lines that may define link references (appended to auxiliary documents so that
/// reference links resolve in table cells).
///
/// A session is used by one parse on one thread: its state is marked
/// `@exclusivity(unchecked)`, so that reading it (for every text node and block
/// position) costs no run-time exclusivity check.
final class MarkdownParseSession {
    let file: SourceFile
    let options: MarkdownParser.Options
    let cmarkOptions: Int32
    let swedishQuotes: Bool
    @exclusivity(unchecked) var diagnostics = Diagnostics()
    /// Whether the body has a `]:` at all; without one no re-parse needs its definitions.
    @exclusivity(unchecked) var mayDefineReferences = false
    /// The body's lines that may hold link reference definitions, gathered once by the
    /// first parse (`MarkdownReferenceDefinitionSource`), indexed by label so that each
    /// table gets only those it can reference (`MarkdownReferenceDefinitions`).
    @exclusivity(unchecked) var referenceDefinitions: MarkdownReferenceDefinitions?
    @exclusivity(unchecked) private(set) var depthWarningGiven = false
    /// Whether the body is valid UTF-8 (content files are checked when read, VP014):
    /// then every text cmark gives back is too and is kept as bytes; otherwise each
    /// text is repaired as a `String` repairs it.
    @exclusivity(unchecked) var inputIsValidUTF8 = true

    init(file: SourceFile, options: MarkdownParser.Options) {
        self.file = file
        self.cursor = SourceCursor(file: file)
        self.options = options
        self.cmarkOptions = Cmark.options(smartPunctuation: options.smartPunctuation)
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
        let blocks = Cmark.withDocument(input.bytes, options: cmarkOptions) { root in
            if reparseDepth == 0, mayDefineReferences, referenceDefinitions == nil {
                referenceDefinitions = MarkdownReferenceDefinitions(MarkdownReferenceDefinitionSource.lines(of: root, input: input))
            }
            var converter = CmarkTreeConverter(session: self, input: input, extensions: !options.cmarkCompatible,
                                               reparseDepth: reparseDepth)
            return converter.convertSubtree(root)
        }
        return blocks ?? []
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
            _ = Cmark.withDocument(buffer, options: cmarkOptions) { root in
                var converter = CmarkTreeConverter(session: self, input: input, extensions: false,
                                                   reparseDepth: MarkdownParser.maximumReparseDepth)
                var segmentIndex = 0
                var child = root.firstChild
                while let node = child {
                    let line = node.startLine
                    if line > lastLine { break }
                    while segmentIndex < document.segments.count, document.segments[segmentIndex].lastLine < line {
                        segmentIndex += 1
                    }
                    if segmentIndex < document.segments.count, line >= document.segments[segmentIndex].firstLine {
                        results[segmentIndex].append(contentsOf: converter.convertSubtree(node))
                    }
                    child = node.next
                }
            }
        }
        return results
    }

    /// The one position cursor over the file (blocks and links arrive in file order).
    @exclusivity(unchecked) private var cursor: SourceCursor

    /// The location of a file offset.
    func location(ofFileOffset offset: Int) -> SourceLocation {
        cursor.location(offset)
    }

    /// Whether cmark reads `lines` as nothing but link reference definitions.
    func isOnlyReferenceDefinitions(_ document: MarkdownAuxiliaryDocument) -> Bool {
        document.bytes.withUnsafeBufferPointer { buffer in
            Cmark.withDocument(buffer, options: cmarkOptions) { root in root.firstChild == nil } ?? false
        }
    }

    func warnAboutDepth(at location: SourceLocation) {
        guard !depthWarningGiven else { return }
        depthWarningGiven = true
        diagnostics.append(.markdownNestedTooDeep(maximumDepth: MarkdownParser.maximumBlockDepth, at: location))
    }

    /// Warns about raw HTML, except comments (a deliberate note to other writers).
    func warnAboutRawHTML(_ raw: String, at location: SourceLocation) {
        var utf8 = Substring(raw).utf8
        while let first = utf8.first, first == 0x20 || first == 0x09 { utf8 = utf8.dropFirst() }
        if utf8.starts(with: "<!--".utf8) { return }
        diagnostics.append(.markdownRawHTML(at: location))
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
