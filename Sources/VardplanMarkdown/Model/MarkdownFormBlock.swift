/// The fill-in conventions of form modules, recognised on plain CommonMark:
///
/// - a fenced block ```` ```skrivrader 6 ```` → six lines to write on;
/// - a fenced block ```` ```skala 0-10 ```` whose lines (`0: Ingen oro`) label the
///   ends → a scale to mark;
///
/// (A list whose every item starts with `[ ]` or `[x]` is a `MarkdownChecklist`.)
/// Recognised by the parser, which makes `MarkdownBlock.form` of them.
public enum MarkdownFormBlock: Sendable, Hashable {
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

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .writingLines(let count):
            hasher.combine(0)
            hasher.combine(count)
        case .scale(let from, let to, let labels):
            hasher.combine(1)
            hasher.combine(from)
            hasher.combine(to)
            for label in labels {
                hasher.combine(label.value)
                hasher.combine(label.text)
            }
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
                guard let colon = line.firstIndex(of: ":"), let value = Int(Self.trimmingSpaces(line[..<colon])) else { continue }
                labels.append((value, Self.trimmingSpaces(line[line.index(after: colon)...])))
            }
            return .scale(from: low, to: high, labels: labels)
        default:
            return nil
        }
    }

    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    private static func trimmingSpaces(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
