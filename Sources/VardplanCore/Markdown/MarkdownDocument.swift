/// A parsed Markdown body: its blocks, with every location file-absolute.
public struct MarkdownDocument: Sendable, Hashable {
    public var blocks: [MarkdownBlock]
    /// Where the body starts (line `bodyFirstLine`, column 1).
    public var location: SourceLocation

    public init(blocks: [MarkdownBlock], location: SourceLocation) {
        self.blocks = blocks
        self.location = location
    }

    /// The smallest heading level used anywhere in the body (`nil` without headings);
    /// the renderer maps it to the page's `headingBase + 1`.
    public var shallowestHeadingLevel: Int? {
        var best: Int?
        var stack: [[MarkdownBlock]] = [blocks]
        while let blocks = stack.popLast() {
            for block in blocks {
                switch block {
                case .heading(let level, _, _):
                    if best == nil || level < best! { best = level }
                case .blockQuote(let children, _), .listItem(let children, _), .callout(_, _, let children, _):
                    stack.append(children)
                case .list(_, _, _, _, let items, _):
                    stack.append(items)
                default:
                    break
                }
            }
        }
        return best
    }
}
