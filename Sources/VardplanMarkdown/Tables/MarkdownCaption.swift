/// The caption rule for tables: a line that is entirely emphasised or strong text
/// (`*Behandlingsschema*`, `**Vem ringer jag?**`) just above a table is its caption.
enum MarkdownCaption {
    /// Splits a paragraph's inlines into what comes before its last line and that last
    /// line's caption text, when the last line is one emphasis or strong span (no line
    /// break inside). `nil` when the last line is not a caption.
    static func split(_ run: MarkdownInlines) -> (before: MarkdownInlines, caption: MarkdownInlines)? {
        guard let (before, caption) = split(run.elements) else { return nil }
        return (MarkdownInlines(before), MarkdownInlines(caption))
    }

    static func split(_ inlines: [MarkdownInline]) -> (before: [MarkdownInline], caption: [MarkdownInline])? {
        var lastBreak: Int?
        for index in inlines.indices.reversed() {
            switch inlines[index] {
            case .softBreak, .lineBreak: lastBreak = index
            default: continue
            }
            break
        }
        let lineStart = lastBreak.map { $0 + 1 } ?? 0
        var caption: [MarkdownInline]?
        for inline in inlines[lineStart...] {
            switch inline {
            case .text(let text) where text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }):
                continue
            case .emphasis(let children), .strong(let children):
                guard caption == nil, !containsBreak(children) else { return nil }
                caption = children
            default:
                return nil
            }
        }
        guard let caption, !caption.isEmpty else { return nil }
        return (lastBreak.map { Array(inlines[..<$0]) } ?? [], caption)
    }

    private static func containsBreak(_ inlines: [MarkdownInline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .softBreak, .lineBreak: return true
            case .emphasis(let children), .strong(let children): return containsBreak(children)
            case .link(_, _, let children, _), .image(_, _, let children, _): return containsBreak(children)
            default: return false
            }
        }
    }
}
