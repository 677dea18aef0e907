/// A variable or section name split on dots once, at parse time (`.` has no parts).
struct TemplateName: Sendable, Hashable {
    /// The name as written in the tag, trimmed (`page.title`, `.`).
    let raw: String
    /// The dotted parts; empty for the implicit iterator `.`.
    let parts: [String]

    init(_ raw: String) {
        self.raw = raw
        self.parts = raw == "." ? [] : raw.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether this is `{{.}}`, the item on top of the context stack.
    var isImplicitIterator: Bool { parts.isEmpty }

    /// Whether the name has an empty part (`.a`, `a.`, `a..b`).
    var hasEmptyPart: Bool { parts.contains { $0.isEmpty } }
}
