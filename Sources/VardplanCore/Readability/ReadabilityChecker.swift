import VardplanDiagnostics
import VardplanMarkdown

/// The plain-language check of one step: its LIX and its long sentences.
///
/// Diagnostics (warnings): a step's LIX over `limits.lix`, at the step's first line;
/// a sentence over `limits.sentenceWords` words, at the block that holds it.
public enum ReadabilityChecker {
    /// The text units of a body a reader sees (paragraphs, headings, list items, table
    /// cells, callout titles), each with the location of its block. Code and raw HTML
    /// are left out.
    public static func units(of body: MarkdownDocument) -> [(text: String, location: SourceLocation)] {
        var result: [(String, SourceLocation)] = []
        func walk(_ blocks: [MarkdownBlock]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines, let location), .heading(_, let inlines, let location):
                    result.append((MarkdownInline.plainText(of: inlines), location))
                case .callout(_, let title, let children, let location):
                    if let title { result.append((MarkdownInline.plainText(of: title), location)) }
                    walk(children)
                case .table(let table):
                    for cell in table.header + table.rows.flatMap({ $0 }) {
                        result.append((MarkdownInline.plainText(of: cell.inlines), cell.location))
                    }
                case .blockQuote, .list, .listItem, .checklist:
                    walk(block.children)
                case .codeBlock, .htmlBlock, .thematicBreak, .form:
                    break
                }
            }
        }
        walk(body.blocks)
        return result
    }

    /// The LIX of a step body.
    public static func index(of body: MarkdownDocument) -> ReadabilityIndex {
        ReadabilityIndex(units: units(of: body).map(\.text))
    }

    /// Checks one step against the limits; returns the step's index for pages that show it.
    @discardableResult
    public static func check(_ step: Step, limits: ReadabilityLimits, diagnostics: inout Diagnostics) -> ReadabilityIndex {
        let units = units(of: step.body)
        let index = ReadabilityIndex(units: units.map(\.text))
        if index.words >= limits.minimumWords, index.rounded > limits.lix {
            diagnostics.append(.lixOverLimit(index, limit: limits.lix, at: step.location))
        }
        for sentence in index.sentenceLengths where sentence.words > limits.sentenceWords {
            diagnostics.append(.sentenceTooLong(sentence, limit: limits.sentenceWords, at: units[sentence.unit].location))
        }
        return index
    }
}
