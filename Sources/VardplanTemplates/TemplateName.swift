/// A variable or section name split on dots once, at parse time (`.` has no parts).
struct TemplateName: Sendable, Hashable {
    /// The name as written in the tag, trimmed (`page.title`, `.`).
    let raw: String
    /// The dotted parts; empty for the implicit iterator `.`.
    let parts: [String]
    /// Each part's `TemplateKeyHash`, made once here: a lookup then compares integers
    /// with an object's keys before it compares strings (`TemplateObject`).
    let hashes: [UInt64?]

    init(_ raw: String) {
        self.raw = raw
        if raw == "." {
            self.parts = []
        } else if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            // Names are ASCII in practice: split their bytes (splitting a `String` walks
            // characters); any other name is split by character as before.
            self.parts = raw.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        } else {
            self.parts = raw.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        }
        self.hashes = parts.map(TemplateKeyHash.of)
    }

    /// Whether this is `{{.}}`, the item on top of the context stack.
    var isImplicitIterator: Bool { parts.isEmpty }

    /// Whether the name has an empty part (`.a`, `a.`, `a..b`).
    var hasEmptyPart: Bool { parts.contains { $0.isEmpty } }
}
