import VardplanDiagnostics

/// A block of a Markdown body (paragraph, heading, list, callout, table …) with the
/// file-absolute location of its first character.
public enum MarkdownBlock: Sendable, Hashable {
    /// How the items of an ordered list are numbered (`1.` or `1)`); `.none` for bullets.
    public enum ListDelimiter: String, Sendable, Hashable {
        case none
        case period
        case parenthesis
    }

    case paragraph(MarkdownInlines, location: SourceLocation)
    case heading(level: Int, MarkdownInlines, location: SourceLocation)
    case blockQuote([MarkdownBlock], location: SourceLocation)
    /// A list whose children are `.listItem` blocks.
    case list(ordered: Bool, start: Int, tight: Bool, delimiter: ListDelimiter, items: [MarkdownBlock], location: SourceLocation)
    case listItem([MarkdownBlock], location: SourceLocation)
    case codeBlock(info: String, literal: String, location: SourceLocation)
    /// Raw HTML is kept so that `check` can point at it; it is never rendered.
    case htmlBlock(raw: String, location: SourceLocation)
    case thematicBreak(location: SourceLocation)
    /// A block quote that starts with `[!AKUT]`, `[!VIKTIGT]`, `[!TIPS]` or `[!INFO]`.
    case callout(kind: MarkdownCalloutKind, title: MarkdownInlines?, children: [MarkdownBlock], location: SourceLocation)
    indirect case table(MarkdownTable)
    /// A bullet list whose every item starts with `[ ]` or `[x]`: boxes to tick.
    indirect case checklist(MarkdownChecklist)
    /// A fenced block ```` ```skrivrader ```` or ```` ```skala ```` of a form module.
    case form(MarkdownFormBlock, location: SourceLocation)

    /// Where the block starts in the file.
    public var location: SourceLocation {
        switch self {
        case .paragraph(_, let location), .heading(_, _, let location), .blockQuote(_, let location),
             .list(_, _, _, _, _, let location), .listItem(_, let location), .codeBlock(_, _, let location),
             .htmlBlock(_, let location), .thematicBreak(let location), .callout(_, _, _, let location),
             .form(_, let location):
            return location
        case .table(let table):
            return table.location
        case .checklist(let checklist):
            return checklist.location
        }
    }

    /// The blocks directly inside this one (list items for a list; for a checklist, the
    /// blocks of every item after its box, in order).
    public var children: [MarkdownBlock] {
        switch self {
        case .blockQuote(let children, _), .listItem(let children, _), .callout(_, _, let children, _):
            return children
        case .list(_, _, _, _, let items, _):
            return items
        case .checklist(let checklist):
            return checklist.items.flatMap(\.blocks)
        case .paragraph, .heading, .codeBlock, .htmlBlock, .thematicBreak, .table, .form:
            return []
        }
    }
}
