import VardplanDiagnostics

/// GFM pipe tables, emulated over libcmark (which has no table extension): a paragraph
/// (or setext heading) whose lines hold a header and a delimiter row is replaced by the
/// paragraph before it, the table (cells parsed as inlines in one auxiliary document),
/// and the blocks after it, as cmark-gfm reads them.
extension CmarkTreeConverter {
    // MARK: - Tables

    /// Looks for a pipe table in the current paragraph (or setext heading) and, when
    /// there is one, appends what replaces it: paragraph, table, following blocks.
    mutating func convertTable(_ frame: Frame, setext: Bool) -> Bool {
        guard let current = leafState, current.replayable, current.endLine > current.startLine,
              current.endLine <= input.lineCount, reparseDepth < MarkdownParser.maximumReparseDepth,
              MarkdownTableRecognizer.mightContainTable(input.bytes, from: input.lineStart(current.startLine),
                                                        to: input.lineEnd(current.endLine))
        else { return false }
        var lines: [MarkdownLineCursor.ContentLine] = []
        lines.reserveCapacity(current.endLine - current.startLine + 1)
        for line in current.startLine...current.endLine {
            lines.append(contentLine(line))
        }
        switch MarkdownTableRecognizer.recognize(input.bytes, lines: lines, lastLineIsSetextUnderline: setext) {
        case .none:
            return false
        case .mismatch(let index, let headerCells, let delimiterCells):
            session.diagnostics.append(.markdownTableCellCountMismatch(
                headerCells: headerCells, delimiterCells: delimiterCells,
                at: location(line: current.startLine + index, offset: lines[index].firstNonspace)))
            return false
        case .table(let plan):
            appendTable(plan, lines: lines, firstLine: current.startLine, paragraphLocation: frame.location)
            return true
        }
    }

    mutating func appendTable(_ plan: MarkdownTableRecognizer.Plan, lines: [MarkdownLineCursor.ContentLine],
                                      firstLine: Int, paragraphLocation: SourceLocation) {
        // Cells and the lines before the header are parsed as inlines in one auxiliary document.
        var auxiliary = MarkdownAuxiliaryDocument()
        var paragraphSegment: Int?
        if plan.headerLine > 0 {
            paragraphSegment = auxiliary.beginSegment()
            for index in 0..<plan.headerLine {
                let line = lines[index]
                auxiliary.appendLine(UnsafeBufferPointer(rebasing: input.bytes[line.contentStart..<line.end]),
                                     fileOffset: input.fileOffset(line: firstLine + index, offset: line.contentStart))
            }
            auxiliary.endSegment()
        }
        var cellSegments: [[Int?]] = []
        var quickCells: [MarkdownInlines] = []
        func addRow(_ cells: [MarkdownTableRecognizer.Cell], line: Int) {
            var segments: [Int?] = []
            for cell in cells {
                if cell.text.isEmpty {
                    segments.append(nil)
                } else if let text = plainCellText(cell.text) {
                    quickCells.append([.text(text)])
                    segments.append(-quickCells.count)
                } else {
                    let segment = auxiliary.beginSegment()
                    auxiliary.appendLine(cell.text, fileOffset: input.fileOffset(line: line, offset: cell.start),
                                         prefix: MarkdownAuxiliaryDocument.cellPrefix, deletions: cell.deletions)
                    auxiliary.endSegment()
                    segments.append(segment)
                }
            }
            cellSegments.append(segments)
        }
        addRow(plan.header, line: firstLine + plan.headerLine)
        for (row, index) in zip(plan.rows, plan.rowLines) {
            addRow(row, line: firstLine + index)
        }
        let results = auxiliary.isEmpty ? [] : session.parseSegments(auxiliary)

        func inlines(_ segment: Int?) -> MarkdownInlines {
            guard let segment else { return [] }
            if segment < 0 { return quickCells[-segment - 1] }
            guard case .paragraph(let run, _)? = results[segment].first else { return [] }
            // The no-break space put before the cell's text (`cellPrefix`) goes again.
            guard run.startsWithText("\u{A0}") else { return run }
            return run.droppingLeadingText(byteCount: MarkdownAuxiliaryDocument.cellPrefix.count)
        }
        func cells(_ row: [MarkdownTableRecognizer.Cell], segments: [Int?], line: Int) -> [MarkdownTableCell] {
            zip(row, segments).map { cell, segment in
                MarkdownTableCell(inlines: inlines(segment), location: location(line: line, offset: cell.start))
            }
        }
        let header = cells(plan.header, segments: cellSegments[0], line: firstLine + plan.headerLine)
        var rows: [[MarkdownTableCell]] = []
        rows.reserveCapacity(plan.rows.count)
        for (position, row) in plan.rows.enumerated() {
            rows.append(cells(row, segments: cellSegments[position + 1], line: firstLine + plan.rowLines[position]))
        }

        // The paragraph before the table, and the caption: its last line, or the
        // paragraph just before, when entirely emphasised.
        var leading = paragraphSegment.map { results[$0] } ?? []
        var caption: MarkdownInlines?
        if case .paragraph(let paragraph, let location)? = leading.last,
           let (before, found) = MarkdownCaption.split(paragraph) {
            caption = found
            if before.isEmpty {
                leading.removeLast()
            } else {
                leading[leading.count - 1] = .paragraph(before, location: location)
            }
        } else if plan.headerLine == 0, case .paragraph(let previous, _)? = frames[frames.count - 1].blocks.last,
                  let (before, found) = MarkdownCaption.split(previous), before.isEmpty {
            caption = found
            frames[frames.count - 1].blocks.removeLast()
        }
        if !leading.isEmpty, case .paragraph(let paragraph, _) = leading[0] {
            leading[0] = .paragraph(paragraph, location: paragraphLocation)
        }
        spliceBlocks(leading)

        let headerLine = lines[plan.headerLine]
        appendBlock(.table(MarkdownTable(
            alignments: plan.alignments, header: header, rows: rows, caption: caption,
            location: location(line: firstLine + plan.headerLine, offset: headerLine.firstNonspace))))

        // Lines after the table start new blocks (cmark-gfm ends the table there), so
        // they keep their indentation inside the containers.
        if plan.endLine < lines.count {
            var rest = MarkdownAuxiliaryDocument()
            for index in plan.endLine..<lines.count {
                let line = lines[index]
                rest.appendLine(UnsafeBufferPointer(rebasing: input.bytes[line.prefixEnd..<line.end]),
                                fileOffset: input.fileOffset(line: firstLine + index, offset: line.prefixEnd),
                                prefix: [UInt8](repeating: 0x20, count: line.prefixSpaces))
            }
            spliceBlocks(session.parse(rest, reparseDepth: reparseDepth + 1))
        }
    }

    /// A cell without any byte that cmark's inline parser treats specially is its own
    /// text; it needs no parse.
    func plainCellText(_ text: [UInt8]) -> String? {
        let smart = session.options.smartPunctuation
        for byte in text {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "&"), UInt8(ascii: "_"), UInt8(ascii: "*"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "!"), 0x0A, 0x0D, 0:
                return nil
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: "-"):
                if smart { return nil }
            default:
                break
            }
        }
        return session.localizedText(String(decoding: text, as: UTF8.self))
    }
}
