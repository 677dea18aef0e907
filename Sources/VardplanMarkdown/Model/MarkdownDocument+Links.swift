import VardplanDiagnostics

extension MarkdownDocument {
    /// A link (or image) destination with where it is written.
    public struct LinkReference: Sendable, Equatable {
        public var destination: String
        public var location: SourceLocation
    }

    /// Every link and image in the document, in reading order, table cells and
    /// callout titles included.
    public var links: [LinkReference] {
        var result: [LinkReference] = []
        forEachInlineRun { run in
            run.forEachLink { _, _, link in
                result.append(LinkReference(destination: link.destination, location: link.location))
            }
        }
        return result
    }

    /// Calls `body` with every run of inlines in the document, in reading order:
    /// paragraphs, headings, callout titles, table captions and cells, at any depth.
    /// The one walk over the block tree for the collectors of links and images
    /// (recursive: the parser keeps blocks at most `maximumBlockDepth` deep).
    public func forEachInlineRun(_ body: (MarkdownInlines) -> Void) {
        Self.forEachInlineRun(in: blocks, body)
    }

    private static func forEachInlineRun(in blocks: [MarkdownBlock], _ body: (MarkdownInlines) -> Void) {
        // By index: `for … in` hands out a copy of each block, retaining what it holds.
        for index in blocks.indices {
            switch blocks[index] {
            case .paragraph(let inlines, _), .heading(_, let inlines, _):
                body(inlines)
            case .callout(_, let title, let children, _):
                body(title ?? [])
                forEachInlineRun(in: children, body)
            case .table(let table):
                if let caption = table.caption { body(caption) }
                for cell in table.header { body(cell.inlines) }
                for row in table.rows { for cell in row { body(cell.inlines) } }
            case .blockQuote(let children, _), .listItem(let children, _), .list(_, _, _, _, let children, _):
                forEachInlineRun(in: children, body)
            case .checklist, .codeBlock, .htmlBlock, .thematicBreak, .form:
                forEachInlineRun(in: blocks[index].children, body)
            }
        }
    }
}
