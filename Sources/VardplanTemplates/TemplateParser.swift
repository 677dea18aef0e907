import VardplanDiagnostics

/// Builds the node tree from the lexer's tokens: matches sections with their
/// closing tags, merges adjacent text and numbers the tags.
///
/// Works with an explicit stack (no recursion), so any nesting parses; sections
/// deeper than `maximumSectionDepth` are reported and flattened, so rendering
/// never recurses deeper than that within one template.
struct TemplateParser {
    /// The deepest section nesting a template may have.
    static let maximumSectionDepth = 100

    /// A partial tag found in the template.
    struct PartialReference: Sendable {
        let name: String
        let location: SourceLocation
    }

    struct Result {
        var nodes: [TemplateNode]
        var tagCount: Int
        var partials: [PartialReference]
    }

    private struct Frame {
        var name: TemplateName
        var inverted: Bool
        var tagID: Int
        var location: SourceLocation
        /// Deeper than the cap: its children go to the parent.
        var flattened: Bool
        var nodes: [TemplateNode] = []
        var text = ""
        var lineStarts: [Int] = []

        mutating func flushText() {
            guard !text.isEmpty || !lineStarts.isEmpty else { return }
            nodes.append(.text(TemplateNode.Text(text, lineStarts: lineStarts)))
            text = ""
            lineStarts = []
        }
    }

    static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> Result {
        var lexer = TemplateLexer(file: file)
        let tokens = lexer.run()
        diagnostics.append(contentsOf: lexer.diagnostics)
        let bytes = file.bytes

        var frames = [Frame(name: TemplateName(""), inverted: false, tagID: -1, location: file.location(ofOffset: 0), flattened: false)]
        var tagCount = 0
        var partials: [PartialReference] = []
        var reportedDepth = false

        func closeTop() {
            var frame = frames.removeLast()
            frame.flushText()
            if frame.flattened {
                frames[frames.count - 1].nodes.append(contentsOf: frame.nodes)
            } else {
                let tag = TemplateNode.Tag(name: frame.name, id: frame.tagID, location: frame.location)
                frames[frames.count - 1].nodes.append(.section(tag, inverted: frame.inverted, children: frame.nodes))
            }
        }

        for token in tokens {
            let top = frames.count - 1
            switch token.kind {
            case .lineStart:
                frames[top].lineStarts.append(frames[top].text.utf8.count)
            case .text:
                frames[top].text += String(decoding: bytes[token.range], as: UTF8.self)
            case .comment, .setDelimiters, .invalid:
                break
            case .variable(let escaped):
                frames[top].flushText()
                let tag = TemplateNode.Tag(name: TemplateName(token.name), id: tagCount, location: token.location)
                tagCount += 1
                frames[top].nodes.append(.variable(tag, escaped: escaped))
            case .partial:
                frames[top].flushText()
                frames[top].nodes.append(.partial(TemplateNode.Partial(name: token.name, indent: token.indent, location: token.location)))
                partials.append(PartialReference(name: token.name, location: token.location))
            case .sectionOpen(let inverted):
                frames[top].flushText()
                let tooDeep = frames.count > maximumSectionDepth
                if tooDeep, !reportedDepth {
                    reportedDepth = true
                    diagnostics.append(.templateSectionsTooDeep(limit: maximumSectionDepth, tag: lexer.quoted(token.range),
                                                                at: token.location))
                }
                frames.append(
                    Frame(name: TemplateName(token.name), inverted: inverted, tagID: tagCount, location: token.location, flattened: tooDeep))
                tagCount += 1
            case .sectionClose:
                // The quoted tag only for a message (it walks the tag's characters).
                let closing = { lexer.quoted(token.range) }
                guard frames.count > 1 else {
                    diagnostics.append(.templateCloseWithoutOpen(closing(), name: token.name, open: token.open, close: token.close,
                                                                 at: token.location))
                    continue
                }
                let open = frames[top]
                if open.name.raw == token.name {
                    closeTop()
                } else if let match = frames.lastIndex(where: { $0.name.raw == token.name }), match > 0 {
                    // `{{/a}}` closes an outer `a`: the sections opened inside it are unclosed.
                    diagnostics.append(.templateCloseBeforeInner(closing(), section: open.name.raw, open: token.open, close: token.close,
                                                                 at: token.location, opened: open.location))
                    while frames.count > match + 1 { closeTop() }
                    closeTop()
                } else {
                    // Most likely a typo in the name: treat it as closing the open section.
                    diagnostics.append(.templateCloseMismatch(closing(), section: open.name.raw, open: token.open, close: token.close,
                                                              at: token.location, opened: open.location))
                    closeTop()
                }
            }
        }

        if frames.count > 1 {
            let end = lexer.cursor.location(bytes.count)
            let (openDelimiter, closeDelimiter) = lexer.endDelimiters
            while frames.count > 1 {
                let frame = frames[frames.count - 1]
                diagnostics.append(.templateUnclosedSection(frame.name.raw, open: openDelimiter, close: closeDelimiter,
                                                            at: end, opened: frame.location))
                closeTop()
            }
        }
        frames[0].flushText()
        return Result(nodes: frames[0].nodes, tagCount: tagCount, partials: partials)
    }
}
