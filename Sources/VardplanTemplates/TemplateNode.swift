import VardplanDiagnostics

/// One node of a compiled template tree; every tag node keeps its source location.
///
/// A tag's fields live in one shared object, so rendering a node (which copies it out
/// of its array) retains one reference instead of every string of its name and place.
enum TemplateNode: Sendable {
    /// A variable or section tag: its pre-split name, its index in the template
    /// (for missing-variable tracking) and where it is.
    final class Tag: Sendable {
        let name: TemplateName
        /// Index of this tag within its template (variables and sections only).
        let id: Int
        let location: SourceLocation

        init(name: TemplateName, id: Int, location: SourceLocation) {
            self.name = name
            self.id = id
            self.location = location
        }
    }

    /// A partial tag: the partial's name, the whitespace before a standalone tag
    /// (`nil` inline) and where it is.
    final class Partial: Sendable {
        let name: String
        let indent: String?
        let location: SourceLocation

        init(name: String, indent: String?, location: SourceLocation) {
            self.name = name
            self.indent = indent
            self.location = location
        }
    }

    /// Literal text: one shared object, so rendering the node retains one reference
    /// instead of the text and its line starts.
    final class Text: Sendable {
        let text: String
        /// The UTF-8 offsets where a line of the template source starts (never the very
        /// end of the file): a partial included standalone puts its indentation there.
        let lineStarts: [Int]

        init(_ text: String, lineStarts: [Int]) {
            self.text = text
            self.lineStarts = lineStarts
        }
    }

    /// Literal text.
    case text(Text)
    /// `{{x}}` (escaped) or `{{{x}}}` / `{{& x}}` (not escaped).
    case variable(Tag, escaped: Bool)
    /// `{{#x}}…{{/x}}` or, inverted, `{{^x}}…{{/x}}`.
    case section(Tag, inverted: Bool, children: [TemplateNode])
    /// `{{> name}}`.
    case partial(Partial)
}
