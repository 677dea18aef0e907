import VardplanDiagnostics

/// One cell of a pipe table: its inline content and where that content starts.
public struct MarkdownTableCell: Sendable, Hashable {
    public var inlines: MarkdownInlines
    /// The first character of the cell's text (after the pipe and spaces); for a cell
    /// added because the row was short, the end of the row.
    public var location: SourceLocation

    public init(inlines: MarkdownInlines, location: SourceLocation) {
        self.inlines = inlines
        self.location = location
    }
}
