/// The lines of a body that may hold its link reference definitions, gathered once from
/// cmark's parse of the whole body, so that table cells (parsed again on their own) can
/// resolve reference links without appending the whole body to every table's cells.
///
/// cmark removes definitions from the tree, and numbers a paragraph from its first line
/// even when that line was a definition. So a definition lies either on a non-blank line
/// that no leaf block covers (a paragraph of nothing but definitions), or at the start of
/// a paragraph or heading whose first character is `[` and that has a `]:`. Those lines are kept verbatim
/// (container markers included), in body order, runs separated by a blank line; the first
/// line of each run loses its indentation so that it can never become indented code.
enum MarkdownReferenceDefinitionSource {
    static func lines(of root: CmarkNode, input: MarkdownInput) -> [UInt8] {
        let lineCount = input.lineCount
        // 0: not covered, 1: covered by a leaf block, 2: covered but may hold definitions.
        var state = [UInt8](repeating: 0, count: lineCount + 2)
        let walked = CmarkIterator.walk(root) { iterator, event, node in
            guard event == .enter else { return }
            let type = node.kind
            guard type == .paragraph || type == .heading || type == .codeBlock
                    || type == .htmlBlock || type == .thematicBreak else { return }
            let start = max(1, node.startLine)
            let end = min(lineCount, max(start, node.endLine))
            guard start <= lineCount else { return }
            var mark: UInt8 = 1
            if type == .paragraph || type == .heading {
                var position = input.lineStart(start) + max(0, node.startColumn - 1)
                let lineEnd = start < lineCount ? input.lineStart(start + 1) : input.textEnd
                while position < lineEnd, input.bytes[position] == 0x20 || input.bytes[position] == 0x09 { position += 1 }
                if position < lineEnd, input.bytes[position] == UInt8(ascii: "["),
                   containsLabelEnd(input, from: position, to: end < lineCount ? input.lineStart(end + 1) : input.textEnd) {
                    mark = 2
                }
            }
            for line in start...end { state[line] = max(state[line], mark) }
            // Child inlines need not be visited.
            if type == .paragraph || type == .heading {
                iterator.skipChildren(of: node)
            }
        }
        guard walked else { return Array(input.bytes) }
        var result: [UInt8] = []
        var inRun = false
        for line in 1...max(1, lineCount) where line <= lineCount {
            let start = input.lineStart(line)
            let end = line < lineCount ? input.lineStart(line + 1) : input.textEnd
            var first = start
            while first < end, input.bytes[first] == 0x20 || input.bytes[first] == 0x09 { first += 1 }
            let blank = first == end || input.bytes[first] == 0x0A || input.bytes[first] == 0x0D
            let keep = state[line] == 2 || (state[line] == 0 && !blank)
            guard keep else {
                inRun = false
                continue
            }
            if !inRun, !result.isEmpty { result.append(0x0A) }
            result.append(contentsOf: input.bytes[(inRun ? start : first)..<end])
            if end == start || input.bytes[end - 1] != 0x0A { result.append(0x0A) }
            inRun = true
        }
        return result
    }

    /// Whether `]:` (the end of a definition's label) occurs in `bytes[from..<to]`.
    private static func containsLabelEnd(_ input: MarkdownInput, from: Int, to: Int) -> Bool {
        var position = from
        while position + 1 < to {
            if input.bytes[position] == UInt8(ascii: "]"), input.bytes[position + 1] == UInt8(ascii: ":") { return true }
            position += 1
        }
        return false
    }
}
