/// The body's reference-definition lines (`MarkdownReferenceDefinitionSource`), split so
/// that a table's cells are parsed with only the definitions they can reference: with N
/// tables and N definitions, appending every definition to every table costs N × N lines.
///
/// A line may be left out only when leaving it out cannot change any other line's
/// meaning: it is a whole one-line definition at column 0 (`[label]: destination`, a
/// plain label — ASCII, no brackets or backslashes — a plain destination and no title),
/// every line before it in its run is one too (so no paragraph or container is open),
/// and the next line of its run, if any, starts with `[` (so it is no title). Every
/// other line is always appended. Kept lines stay in body order, so the first
/// definition of a label still wins.
struct MarkdownReferenceDefinitions {
    /// The lines, each with its line ending; runs are separated by a blank line.
    private let lines: [ArraySlice<UInt8>]
    /// Indices of the lines that are always appended.
    private let alwaysIncluded: [Int]
    /// Normalised label → indices of the one-line definitions that may be left out.
    private let optional: [[UInt8]: [Int]]

    init(_ bytes: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        var alwaysIncluded: [Int] = []
        var optional: [[UInt8]: [Int]] = [:]
        var runIsPlain = true
        for (index, line) in lines.enumerated() {
            if Self.isBlank(line) {
                runIsPlain = true
                alwaysIncluded.append(index)
                continue
            }
            let label = runIsPlain ? Self.plainDefinitionLabel(line) : nil
            runIsPlain = label != nil
            let nextStartsWithBracket = index + 1 == lines.count || Self.isBlank(lines[index + 1])
                || lines[index + 1].first == UInt8(ascii: "[")
            if let label, nextStartsWithBracket {
                optional[Self.normalised(label), default: []].append(index)
            } else {
                alwaysIncluded.append(index)
            }
        }
        self.lines = lines
        self.alwaysIncluded = alwaysIncluded
        self.optional = optional
    }

    /// The definition lines to append to a parse of `text`: every line that may matter
    /// to a reference link in `text`, in body order.
    func lines(referencedFrom text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var chosen = alwaysIncluded
        if !optional.isEmpty {
            if Self.mayFoldToASCII(text) {
                chosen += optional.values.joined()
            } else {
                for label in Self.bracketedTexts(text) {
                    if let found = optional[label] { chosen += found }
                }
            }
            chosen.sort()
        }
        var result: [UInt8] = []
        var previous = -1
        for index in chosen where index != previous {
            result.append(contentsOf: lines[index])
            previous = index
        }
        return result
    }

    /// The normalised labels `text` may reference: the text between each `[` and the
    /// next `]` with no bracket between (a label in a reference has no unescaped
    /// brackets). A superset: brackets that are escaped or in code count too.
    static func bracketedTexts(_ text: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var open: Int?
        for index in 0..<text.count {
            switch text[index] {
            case UInt8(ascii: "["): open = index
            case UInt8(ascii: "]"):
                if let start = open { result.append(normalised(text[(start + 1)..<index])) }
                open = nil
            default: break
            }
        }
        return result
    }

    /// cmark's label normalisation for ASCII text: lower case, runs of white space
    /// collapsed to one space, trimmed.
    static func normalised<Bytes: Collection>(_ label: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var result: [UInt8] = []
        var pendingSpace = false
        for byte in label {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            result.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
        }
        return result
    }

    /// The characters outside ASCII whose Unicode case folding holds ASCII (ß → ss,
    /// K → k, ﬁ → fi, …): with one in a table, a reference there may match an ASCII label
    /// that its bytes do not show, so every definition is appended.
    private static let foldingToASCII: Set<UInt32> = [
        0xDF, 0x130, 0x149, 0x17F, 0x1F0, 0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1E9A, 0x1E9E, 0x212A,
        0xFB00, 0xFB01, 0xFB02, 0xFB03, 0xFB04, 0xFB05, 0xFB06,
    ]

    static func mayFoldToASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: text, as: UTF8.self).unicodeScalars.contains { foldingToASCII.contains($0.value) }
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The label of a line that is a whole plain definition on its own: `[label]:`,
    /// optional spaces, a destination of printable ASCII without `<`, parentheses or
    /// backslashes, optional spaces, the line end. Anything else: nil.
    static func plainDefinitionLabel(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var position = line.startIndex
        guard position < line.endIndex, line[position] == UInt8(ascii: "[") else { return nil }
        position += 1
        let labelStart = position
        while position < line.endIndex, line[position] != UInt8(ascii: "]") {
            let byte = line[position]
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "["), byte != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        let label = line[labelStart..<position]
        guard position < line.endIndex, label.count <= 999, normalised(label).isEmpty == false else { return nil }
        position += 1
        guard position < line.endIndex, line[position] == UInt8(ascii: ":") else { return nil }
        position += 1
        while position < line.endIndex, line[position] == 0x20 || line[position] == 0x09 { position += 1 }
        let destinationStart = position
        while position < line.endIndex, line[position] > 0x20, line[position] < 0x7F {
            let byte = line[position]
            guard byte != UInt8(ascii: "<"), byte != UInt8(ascii: "("), byte != UInt8(ascii: ")"),
                  byte != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        guard position > destinationStart else { return nil }
        while position < line.endIndex, line[position] == 0x20 || line[position] == 0x09 { position += 1 }
        if position < line.endIndex, line[position] == 0x0D { position += 1 }
        if position < line.endIndex, line[position] == 0x0A { position += 1 }
        return position == line.endIndex ? label : nil
    }
}
