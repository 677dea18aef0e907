import VardplanDiagnostics

/// A GitHub-style pipe table recognised on top of CommonMark.
public struct MarkdownTable: Sendable, Hashable {
    /// A column's alignment from its delimiter cell (`:--`, `:-:`, `--:`).
    public enum Alignment: String, Sendable, Hashable {
        case left
        case center
        case right
    }

    /// One entry per column; `nil` when the delimiter cell has no colon.
    public var alignments: [Alignment?]
    public var header: [MarkdownTableCell]
    /// Body rows, each padded or cut to the header's number of cells.
    public var rows: [[MarkdownTableCell]]
    /// The emphasised line just above the table (`*Behandlingsschema*`), if any.
    public var caption: MarkdownInlines?
    /// The start of the header row.
    public var location: SourceLocation

    public init(alignments: [Alignment?], header: [MarkdownTableCell], rows: [[MarkdownTableCell]],
                caption: MarkdownInlines?, location: SourceLocation) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.caption = caption
        self.location = location
    }
}
