import VardplanDiagnostics

/// A tree dump in the style of swift-markdown's `debugDescription`, with `@line:col`
/// after every node that has a location, so position bugs show as one-line diffs:
///
///     Document @7:1
///     ├─ Heading level: 2 @7:1
///     │  └─ Text "Illamående"
///     └─ Paragraph @9:1
///        ├─ Text "Ring "
///        └─ Link destination: "tel:1177" @9:6
///           └─ Text "1177"
extension MarkdownDocument: CustomDebugStringConvertible {
    public var debugDescription: String {
        var dump = MarkdownTreeDumper()
        dump.line("Document", location: location)
        dump.blocks(blocks)
        return dump.output
    }
}

/// Writes the lines of a tree dump.
struct MarkdownTreeDumper {
    private(set) var output = ""
    private var prefix = ""

    mutating func line(_ label: String, location: SourceLocation? = nil) {
        if !output.isEmpty { output += "\n" }
        output += label
        if let location { output += " @\(location.position.line):\(location.position.column)" }
    }

    /// Writes `count` children, each through `body`, with tree-drawing prefixes.
    private mutating func children(_ count: Int, _ body: (inout MarkdownTreeDumper, Int) -> Void) {
        let saved = prefix
        for index in 0..<count {
            let last = index == count - 1
            output += "\n" + saved + (last ? "└─ " : "├─ ")
            prefix = saved + (last ? "   " : "│  ")
            var child = MarkdownTreeDumper(output: "", prefix: prefix)
            body(&child, index)
            output += child.output
        }
        prefix = saved
    }

    private init(output: String, prefix: String) {
        self.output = output
        self.prefix = prefix
    }

    init() {}

    private static func quoted(_ text: String) -> String { text.debugDescription }

    private static func label(_ location: SourceLocation) -> String {
        " @\(location.position.line):\(location.position.column)"
    }

    mutating func blocks(_ blocks: [MarkdownBlock]) {
        children(blocks.count) { dumper, index in dumper.block(blocks[index]) }
    }

    private mutating func block(_ block: MarkdownBlock) {
        switch block {
        case .paragraph(let inlines, let location):
            output += "Paragraph" + Self.label(location)
            self.inlines(inlines)
        case .heading(let level, let inlines, let location):
            output += "Heading level: \(level)" + Self.label(location)
            self.inlines(inlines)
        case .blockQuote(let children, let location):
            output += "BlockQuote" + Self.label(location)
            blocks(children)
        case .list(let ordered, let start, let tight, let delimiter, let items, let location):
            if ordered {
                output += "OrderedList start: \(start) delimiter: \(delimiter.rawValue) tight: \(tight)" + Self.label(location)
            } else {
                output += "UnorderedList tight: \(tight)" + Self.label(location)
            }
            blocks(items)
        case .listItem(let children, let location):
            output += "ListItem" + Self.label(location)
            blocks(children)
        case .codeBlock(let info, let literal, let location):
            output += "CodeBlock info: \(Self.quoted(info)) \(Self.quoted(literal))" + Self.label(location)
        case .htmlBlock(let raw, let location):
            output += "HTMLBlock \(Self.quoted(raw))" + Self.label(location)
        case .thematicBreak(let location):
            output += "ThematicBreak" + Self.label(location)
        case .callout(let kind, let title, let children, let location):
            output += "Callout kind: \(kind.rawValue)" + Self.label(location)
            let titleCount = title == nil ? 0 : 1
            self.children(titleCount + children.count) { dumper, index in
                if index < titleCount {
                    dumper.output += "Title"
                    dumper.inlines(title ?? [])
                } else {
                    dumper.block(children[index - titleCount])
                }
            }
        case .table(let table):
            let alignments = table.alignments.map { $0?.rawValue ?? "-" }.joined(separator: ", ")
            output += "Table alignments: [\(alignments)]" + Self.label(table.location)
            let captionCount = table.caption == nil ? 0 : 1
            self.children(captionCount + 1 + table.rows.count) { dumper, index in
                if index < captionCount {
                    dumper.output += "Caption"
                    dumper.inlines(table.caption ?? [])
                } else if index == captionCount {
                    dumper.output += "Head"
                    dumper.cells(table.header)
                } else {
                    dumper.output += "Row"
                    dumper.cells(table.rows[index - captionCount - 1])
                }
            }
        case .checklist(let checklist):
            output += "Checklist tight: \(checklist.tight)" + Self.label(checklist.location)
            let items = checklist.items
            self.children(items.count) { dumper, index in
                dumper.output += "Box checked: \(items[index].checked)" + Self.label(items[index].location)
                dumper.blocks(items[index].blocks)
            }
        case .form(let form, let location):
            switch form {
            case .writingLines(let count):
                output += "WritingLines count: \(count)" + Self.label(location)
            case .scale(let low, let high, let labels):
                output += "Scale from: \(low) to: \(high)" + Self.label(location)
                self.children(labels.count) { dumper, index in
                    dumper.output += "Label value: \(labels[index].value) \(Self.quoted(labels[index].text))"
                }
            }
        }
    }

    private mutating func cells(_ cells: [MarkdownTableCell]) {
        children(cells.count) { dumper, index in
            dumper.output += "Cell" + Self.label(cells[index].location)
            dumper.inlines(cells[index].inlines)
        }
    }

    mutating func inlines(_ run: MarkdownInlines) {
        inlines(run.elements)
    }

    mutating func inlines(_ inlines: [MarkdownInline]) {
        children(inlines.count) { dumper, index in dumper.inline(inlines[index]) }
    }

    private mutating func inline(_ inline: MarkdownInline) {
        switch inline {
        case .text(let text):
            output += "Text \(Self.quoted(text))"
        case .softBreak:
            output += "SoftBreak"
        case .lineBreak:
            output += "LineBreak"
        case .code(let code):
            output += "InlineCode \(Self.quoted(code))"
        case .emphasis(let children):
            output += "Emphasis"
            inlines(children)
        case .strong(let children):
            output += "Strong"
            inlines(children)
        case .link(let destination, let title, let children, let location):
            output += "Link destination: \(Self.quoted(destination))"
            if !title.isEmpty { output += " title: \(Self.quoted(title))" }
            output += Self.label(location)
            inlines(children)
        case .image(let source, let title, let children, let location):
            output += "Image source: \(Self.quoted(source))"
            if !title.isEmpty { output += " title: \(Self.quoted(title))" }
            output += Self.label(location)
            inlines(children)
        case .rawHTML(let raw, let location):
            output += "InlineHTML \(Self.quoted(raw))" + Self.label(location)
        }
    }
}
