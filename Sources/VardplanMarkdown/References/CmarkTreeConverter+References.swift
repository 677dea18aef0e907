/// Link reference definitions at the start of a paragraph: cmark removes them but keeps
/// numbering the paragraph's inlines from its first line, so the converter must know
/// how many lines they took.
extension CmarkTreeConverter {
    /// How many lines at the start of the current paragraph cmark took as link
    /// reference definitions: the longest run of its lines that alone parses to nothing.
    /// Only paragraphs starting with `[` in a body containing `]:` are looked at.
    mutating func referenceDefinitionLines(lastContentLine: Int) -> Int? {
        guard session.mayDefineReferences, let current = leafState, current.replayable,
              lastContentLine > current.startLine, lastContentLine <= input.lineCount else { return nil }
        let first = input.lineStart(current.startLine) + current.startColumn - 1
        guard first < input.lineEnd(current.startLine), input.bytes[first] == UInt8(ascii: "[") else { return nil }
        var lines: [MarkdownLineCursor.ContentLine] = []
        for line in current.startLine...lastContentLine { lines.append(contentLine(line)) }
        let texts = lines.map { UnsafeBufferPointer(rebasing: input.bytes[$0.contentStart..<$0.end]) }
        return Self.definitionLines(texts, session: session)
    }

    /// The longest run of leading lines (fewer than all) that cmark alone parses to
    /// nothing: found by one scan following cmark's rules and confirmed by one cmark
    /// parse; should they ever disagree, by asking cmark about every prefix.
    static func definitionLines(_ texts: [UnsafeBufferPointer<UInt8>], session: MarkdownParseSession) -> Int {
        let scanned = MarkdownReferenceDefinitionScanner.definitionLines(texts)
        if scanned == 0 { return 0 }
        if scanned < texts.count, session.isOnlyReferenceDefinitions(Self.document(texts[..<scanned])) { return scanned }
        return Self.definitionLinesByParsingEveryPrefix(texts, session: session)
    }

    /// The longest run of leading lines (fewer than all) that cmark alone parses to
    /// nothing: one cmark parse per line, so quadratic; the scanner's reference.
    static func definitionLinesByParsingEveryPrefix(_ texts: [UnsafeBufferPointer<UInt8>],
                                                    session: MarkdownParseSession) -> Int {
        var consumed = 0
        var document = MarkdownAuxiliaryDocument()
        for count in 1..<max(texts.count, 1) {
            document.appendLine(texts[count - 1], fileOffset: 0)
            if session.isOnlyReferenceDefinitions(document) { consumed = count }
        }
        return consumed
    }

    static func document(_ texts: ArraySlice<UnsafeBufferPointer<UInt8>>) -> MarkdownAuxiliaryDocument {
        var document = MarkdownAuxiliaryDocument()
        for text in texts { document.appendLine(text, fileOffset: 0) }
        return document
    }
}
