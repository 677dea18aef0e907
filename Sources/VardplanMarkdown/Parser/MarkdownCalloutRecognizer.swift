import VardplanDiagnostics

/// Turns a block quote whose first paragraph starts with `[!AKUT]`, `[!VIKTIGT]`, `[!TIPS]`
/// or `[!INFO]` (any case, optionally followed by `:`) into a callout. The rest of the
/// marker's line is the title; the marker line is removed from the first paragraph.
enum MarkdownCalloutRecognizer {
    enum Outcome: Sendable, Hashable {
        case notACallout
        case callout(kind: MarkdownCalloutKind, title: MarkdownInlines?, children: [MarkdownBlock])
        /// `[!NAME]` with a name that is not a callout kind.
        case unknownMarker(name: String, location: SourceLocation)
    }

    /// GitHub's alert names, so that a GitHub habit gets a useful suggestion.
    static let githubAliases: [String: MarkdownCalloutKind] = [
        "NOTE": .info, "TIP": .tips, "IMPORTANT": .viktigt, "WARNING": .viktigt, "CAUTION": .akut,
        "VARNING": .viktigt, "OBS": .viktigt,
    ]

    static func recognize(_ children: [MarkdownBlock]) -> Outcome {
        guard case .paragraph(let run, let location)? = children.first, run.startsWithText("[!") else {
            return .notACallout
        }
        let inlines = run.elements
        guard case .text(let first)? = inlines.first,
              first.utf8.count >= 4, first.utf8.starts(with: "[!".utf8) else { return .notACallout }
        let utf8 = first.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: 2)
        let nameStart = index
        var length = 0
        while index != utf8.endIndex, length <= 32 {
            let byte = utf8[index]
            let isNameByte = (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte >= 0x80
            guard isNameByte else { break }
            index = utf8.index(after: index)
            length += 1
        }
        guard length > 0, index != utf8.endIndex, utf8[index] == UInt8(ascii: "]") else { return .notACallout }
        let name = String(first[nameStart..<index])
        index = utf8.index(after: index)
        if index != utf8.endIndex, utf8[index] == UInt8(ascii: ":") { index = utf8.index(after: index) }
        // The marker must end at a space, a line break or the end of the paragraph.
        if index != utf8.endIndex, utf8[index] != 0x20, utf8[index] != 0x09 { return .notACallout }
        if index == utf8.endIndex, inlines.count > 1 {
            switch inlines[1] {
            case .softBreak, .lineBreak: break
            default: return .notACallout
            }
        }
        guard let kind = MarkdownCalloutKind(marker: name) else {
            return .unknownMarker(name: name, location: location)
        }
        while index != utf8.endIndex, utf8[index] == 0x20 || utf8[index] == 0x09 { index = utf8.index(after: index) }

        // The title: the rest of the marker's line.
        var title: [MarkdownInline] = []
        let restOfFirst = String(first[index...])
        if !restOfFirst.isEmpty { title.append(.text(restOfFirst)) }
        var position = 1
        while position < inlines.count {
            if case .softBreak = inlines[position] { break }
            if case .lineBreak = inlines[position] { break }
            title.append(inlines[position])
            position += 1
        }
        let remaining = position < inlines.count ? Array(inlines[(position + 1)...]) : []
        var blocks: [MarkdownBlock] = []
        blocks.reserveCapacity(children.count)
        if !remaining.isEmpty { blocks.append(.paragraph(MarkdownInlines(remaining), location: location)) }
        blocks.append(contentsOf: children.dropFirst())
        return .callout(kind: kind, title: title.isEmpty ? nil : MarkdownInlines(title), children: blocks)
    }
}
