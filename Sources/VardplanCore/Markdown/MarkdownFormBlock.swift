/// The fill-in conventions of form modules, recognised on plain CommonMark:
///
/// - a fenced block ```` ```skrivrader 6 ```` → six lines to write on;
/// - a fenced block ```` ```skala 0-10 ```` whose lines (`0: Ingen oro`) label the
///   ends → a scale to mark;
/// - a list whose every item starts with `[ ]` (or `[x]`) → a checklist.
public enum MarkdownFormBlock: Sendable, Equatable {
    case writingLines(count: Int)
    case scale(from: Int, to: Int, labels: [(value: Int, text: String)])

    public static func == (lhs: MarkdownFormBlock, rhs: MarkdownFormBlock) -> Bool {
        switch (lhs, rhs) {
        case (.writingLines(let a), .writingLines(let b)): return a == b
        case (.scale(let a, let b, let la), .scale(let c, let d, let lb)):
            return a == c && b == d && la.map(\.value) == lb.map(\.value) && la.map(\.text) == lb.map(\.text)
        default: return false
        }
    }

    /// The most lines or scale steps a form block may ask for.
    static let maximumCount = 40

    /// A form block from a fenced code block's info string and text, or nil.
    public static func recognize(info: String, literal: String) -> MarkdownFormBlock? {
        let words = info.split(separator: " ", omittingEmptySubsequences: true)
        guard let kind = words.first?.lowercased() else { return nil }
        switch kind {
        case "skrivrader":
            let count = words.count > 1 ? Int(words[1]) : 4
            guard let count, (1...maximumCount).contains(count) else { return nil }
            return .writingLines(count: count)
        case "skala":
            guard words.count > 1 else { return nil }
            let bounds = words[1].split(separator: "-")
            guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low < high,
                  high - low <= maximumCount else { return nil }
            var labels: [(Int, String)] = []
            for line in literal.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":"), let value = Int(line[..<colon].trimmingSpaces) else { continue }
                labels.append((value, String(line[line.index(after: colon)...]).trimmingSpaces))
            }
            return .scale(from: low, to: high, labels: labels)
        default:
            return nil
        }
    }

    /// If the inlines start with `[ ] ` or `[x] `, whether it is ticked and the rest.
    public static func checkbox(_ inlines: [MarkdownInline]) -> (checked: Bool, rest: [MarkdownInline])? {
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

    /// Every item of a list as a checkbox, or nil when any item is not one.
    public static func checklist(_ items: [MarkdownBlock]) -> [(checked: Bool, blocks: [MarkdownBlock])]? {
        var result: [(Bool, [MarkdownBlock])] = []
        for item in items {
            guard case .listItem(let children, _) = item, case .paragraph(let inlines, let location)? = children.first,
                  let box = checkbox(inlines) else { return nil }
            result.append((box.checked, [.paragraph(box.rest, location: location)] + children.dropFirst()))
        }
        return result.isEmpty ? nil : result
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(self).trimmingSpaces
    }
}
