import VardplanDiagnostics

/// A bullet list whose every item starts with `[ ]` or `[x]`: boxes to tick on paper.
/// Recognised by the parser (`MarkdownChecklist.recognize`), so renderers just render it.
public struct MarkdownChecklist: Sendable, Hashable {
    /// One box and what follows it (the first paragraph without its `[ ] `).
    public struct Item: Sendable, Hashable {
        public var checked: Bool
        public var blocks: [MarkdownBlock]
        /// Where the list item starts.
        public var location: SourceLocation

        public init(checked: Bool, blocks: [MarkdownBlock], location: SourceLocation) {
            self.checked = checked
            self.blocks = blocks
            self.location = location
        }
    }

    /// Whether the list is tight (its items' paragraphs are written without `<p>`).
    public var tight: Bool
    public var items: [Item]
    /// Where the list starts.
    public var location: SourceLocation

    public init(tight: Bool, items: [Item], location: SourceLocation) {
        self.tight = tight
        self.items = items
        self.location = location
    }

    /// The checklist a bullet list's items make, or nil when any item is not a box.
    static func recognize(items: [MarkdownBlock], tight: Bool, location: SourceLocation) -> MarkdownChecklist? {
        var result: [Item] = []
        for item in items {
            guard case .listItem(let children, let itemLocation) = item,
                  case .paragraph(let inlines, let paragraphLocation)? = children.first,
                  let box = checkbox(inlines) else { return nil }
            result.append(Item(checked: box.checked,
                               blocks: [.paragraph(MarkdownInlines(box.rest), location: paragraphLocation)]
                                   + children.dropFirst(),
                               location: itemLocation))
        }
        return result.isEmpty ? nil : MarkdownChecklist(tight: tight, items: result, location: location)
    }

    /// If the inlines start with `[ ] ` or `[x] `, whether it is ticked and the rest.
    static func checkbox(_ run: MarkdownInlines) -> (checked: Bool, rest: [MarkdownInline])? {
        // Most items are not boxes: their first byte says so, before any value is made.
        guard run.startsWithTextNode else { return nil }
        if let byte = run.firstTextByte, byte != UInt8(ascii: "[") { return nil }
        let inlines = run.elements
        var prefix = ""
        var index = 0
        while index < inlines.count, case .text(let text) = inlines[index], prefix.count < 4 {
            prefix += text
            index += 1
        }
        for (marker, checked) in [("[ ] ", false), ("[x] ", true), ("[X] ", true)] where prefix.hasPrefix(marker) {
            let rest = String(prefix.dropFirst(marker.count))
            return (checked, (rest.isEmpty ? [] : [.text(rest)]) + inlines[index...])
        }
        return nil
    }
}
