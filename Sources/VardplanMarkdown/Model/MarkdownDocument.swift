import VardplanDiagnostics

/// A parsed Markdown body: its blocks, with every location file-absolute.
public struct MarkdownDocument: Sendable, Hashable {
    public var blocks: [MarkdownBlock] {
        didSet { shallowestHeadingLevel = Self.shallowestHeadingLevel(of: blocks) }
    }
    /// Where the body starts (line `bodyFirstLine`, column 1).
    public var location: SourceLocation
    /// The relative path of the file it was parsed from (`SourceFile.relativePath`):
    /// relative links and images resolve from it, not from the displayed `location`.
    public var sourcePath: String
    /// How many bytes the Markdown source has (0 when the blocks were not parsed from
    /// a file): the renderer sizes its buffer from it. Not part of equality.
    public var sourceByteCount: Int = 0

    public init(blocks: [MarkdownBlock], location: SourceLocation, sourcePath: String, sourceByteCount: Int = 0) {
        self.blocks = blocks
        self.location = location
        self.sourcePath = sourcePath
        self.sourceByteCount = sourceByteCount
        self.shallowestHeadingLevel = Self.shallowestHeadingLevel(of: blocks)
    }

    /// Equal when the blocks, the location and the source path are (the derived
    /// heading level and the source's size follow from them or do not matter).
    public static func == (lhs: MarkdownDocument, rhs: MarkdownDocument) -> Bool {
        lhs.blocks == rhs.blocks && lhs.location == rhs.location && lhs.sourcePath == rhs.sourcePath
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(blocks)
        hasher.combine(location)
        hasher.combine(sourcePath)
    }

    /// The smallest heading level used anywhere in the body (`nil` without headings);
    /// the renderer maps it to the page's `headingBase + 1`. Found once, when the
    /// blocks are set: a body is rendered for several pages.
    public private(set) var shallowestHeadingLevel: Int?

    private static func shallowestHeadingLevel(of blocks: [MarkdownBlock]) -> Int? {
        var best = Int.max
        shallowestHeadingLevel(in: blocks, best: &best)
        return best == Int.max ? nil : best
    }

    private static func shallowestHeadingLevel(in blocks: [MarkdownBlock], best: inout Int) {
        for index in blocks.indices {
            switch blocks[index] {
            case .heading(let level, _, _):
                best = min(best, level)
            case .blockQuote(let children, _), .listItem(let children, _), .callout(_, _, let children, _),
                 .list(_, _, _, _, let children, _):
                shallowestHeadingLevel(in: children, best: &best)
            default:
                break
            }
        }
    }
}
