import VardplanDiagnostics
import VardplanMarkdown

/// The plain-language check of one step: its LIX and its long sentences.
///
/// Diagnostics (warnings): a step's LIX over `limits.lix`, at the step's first line;
/// a sentence over `limits.sentenceWords` words, at the block that holds it.
public enum ReadabilityChecker {
    /// Calls `visit` with the inlines of every text unit of `body` a reader sees, in
    /// order, each with the location of its block: paragraphs, headings, list items,
    /// table cells, callout titles. Code and raw HTML are left out.
    static func forEachUnit(of body: MarkdownDocument, _ visit: (MarkdownInlines, SourceLocation) -> Void) {
        func walk(_ blocks: [MarkdownBlock]) {
            // By index: `for … in` hands out a copy of each block, retaining what it holds.
            for index in blocks.indices {
                switch blocks[index] {
                case .paragraph(let inlines, let location), .heading(_, let inlines, let location):
                    visit(inlines, location)
                case .callout(_, let title, let children, let location):
                    if let title { visit(title, location) }
                    walk(children)
                case .table(let table):
                    for cell in table.header { visit(cell.inlines, cell.location) }
                    for row in table.rows { for cell in row { visit(cell.inlines, cell.location) } }
                case .blockQuote, .list, .listItem, .checklist:
                    walk(blocks[index].children)
                case .codeBlock, .htmlBlock, .thematicBreak, .form:
                    break
                }
            }
        }
        walk(body.blocks)
    }

    /// The LIX of a body, its units read as bytes (one buffer for all); and where each
    /// unit is, for warnings.
    static func index(of body: MarkdownDocument, openingsAbove: Int) -> (ReadabilityIndex, [SourceLocation]) {
        var index = ReadabilityIndex(openingsAbove: openingsAbove)
        var locations: [SourceLocation] = []
        var text: [UInt8] = []
        forEachUnit(of: body) { inlines, location in
            text.removeAll(keepingCapacity: true)
            inlines.appendPlainText(to: &text)
            index.add(utf8: text)
            locations.append(location)
        }
        return (index, locations)
    }

    /// The LIX of a step body.
    public static func index(of body: MarkdownDocument) -> ReadabilityIndex {
        index(of: body, openingsAbove: Int.max).0
    }

    /// Checks one step against the limits; returns the step's index for pages that show it.
    @discardableResult
    public static func check(_ step: Step, limits: ReadabilityLimits, diagnostics: inout Diagnostics) -> ReadabilityIndex {
        let (index, locations) = index(of: step.body, openingsAbove: limits.sentenceWords)
        if index.words >= limits.minimumWords, index.rounded > limits.lix {
            diagnostics.append(.lixOverLimit(index, limit: limits.lix, at: step.location))
        }
        for sentence in index.sentenceLengths where sentence.words > limits.sentenceWords {
            diagnostics.append(.sentenceTooLong(sentence, limit: limits.sentenceWords, at: locations[sentence.unit]))
        }
        return index
    }
}
