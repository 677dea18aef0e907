import VardplanDiagnostics

/// One node of a compiled template tree; every tag node keeps its source location.
enum TemplateNode: Sendable {
    /// A variable or section tag: its pre-split name, its index in the template
    /// (for missing-variable tracking) and where it is.
    struct Tag: Sendable {
        let name: TemplateName
        /// Index of this tag within its template (variables and sections only).
        let id: Int
        let location: SourceLocation
    }

    /// Literal text. `lineStarts` are the UTF-8 offsets where a line of the template
    /// source starts (never the very end of the file): a partial included standalone
    /// puts its indentation there.
    case text(String, lineStarts: [Int])
    /// `{{x}}` (escaped) or `{{{x}}}` / `{{& x}}` (not escaped).
    case variable(Tag, escaped: Bool)
    /// `{{#x}}…{{/x}}` or, inverted, `{{^x}}…{{/x}}`.
    case section(Tag, inverted: Bool, children: [TemplateNode])
    /// `{{> name}}`; `indent` is the whitespace before a standalone tag, `nil` inline.
    case partial(name: String, indent: String?, location: SourceLocation)
}
