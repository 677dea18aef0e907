import VardplanDiagnostics
import VardplanHTML

/// Writes blocks and inlines as HTML, in libcmark's layout (`cmark_render_html`: one
/// block per line, the same escaping), plus our own markup for callouts, tables,
/// checklists and form blocks. Shared by `MarkdownHTMLRenderer` and
/// `CmarkCompatibleHTMLRenderer`, which differ only in what they configure.
///
/// Writes UTF-8 bytes into one buffer (`output` makes the `String` once at the end).
struct MarkdownHTMLWriter {
    let configuration: MarkdownHTMLRenderer.Configuration
    /// Added to every heading level (then capped to 1…6).
    let levelShift: Int
    /// The HTML so far, UTF-8.
    var bytes: [UInt8] = []

    init(configuration: MarkdownHTMLRenderer.Configuration, levelShift: Int, capacity: Int) {
        self.configuration = configuration
        self.levelShift = levelShift
        bytes.reserveCapacity(capacity)
    }

    /// The HTML written.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// cmark's `cr()`: a newline unless the output is empty or already ends with one.
    private mutating func newline() {
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    /// Appends markup as it is.
    private mutating func raw(_ markup: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// Appends markup built at run time (an interpolation, a resolved address) as it is.
    private mutating func rawString(_ markup: String) {
        if let done = markup.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) { return done }
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends text escaped as `HTMLEscaper` escapes it.
    private mutating func text(_ text: String) {
        if let done = text.utf8.withContiguousStorageIfAvailable({ HTMLEscaper.appendEscaped($0, to: &bytes) }) { return done }
        let copy = Array(text.utf8)
        copy.withUnsafeBufferPointer { HTMLEscaper.appendEscaped($0, to: &bytes) }
    }

    mutating func blocks(_ blocks: [MarkdownBlock], tight: Bool) {
        // By index: `for … in` hands out a copy of each block, retaining what it holds.
        for index in blocks.indices { self.block(blocks[index], tight: tight) }
    }

    /// `tight`: the block is directly in an item of a tight list (paragraphs lose `<p>`).
    mutating func block(_ block: MarkdownBlock, tight: Bool) {
        switch block {
        case .paragraph(let inlines, _):
            if tight {
                self.inlines(inlines)
            } else {
                newline()
                raw("<p>")
                self.inlines(inlines)
                raw("</p>\n")
            }
        case .heading(let level, let inlines, _):
            let written = levelShift == 0 ? min(6, max(1, level)) : min(6, max(1, level + levelShift))
            newline()
            raw(Self.headingOpen[written])
            self.inlines(inlines)
            raw(Self.headingClose[written])
        case .blockQuote(let children, _):
            newline()
            raw("<blockquote>\n")
            blocks(children, tight: false)
            newline()
            raw("</blockquote>\n")
        case .list(let ordered, let start, let isTight, _, let items, _):
            newline()
            if !ordered {
                raw("<ul>\n")
            } else if start == 1 {
                raw("<ol>\n")
            } else {
                rawString("<ol start=\"\(start)\">\n")
            }
            for index in items.indices {
                if case .listItem(let children, _) = items[index] {
                    newline()
                    raw("<li>")
                    blocks(children, tight: isTight)
                    raw("</li>\n")
                } else {
                    self.block(items[index], tight: false)
                }
            }
            raw(ordered ? "</ol>\n" : "</ul>\n")
        case .listItem(let children, _):
            newline()
            raw("<li>")
            blocks(children, tight: false)
            raw("</li>\n")
        case .codeBlock(let info, let literal, _):
            newline()
            if info.isEmpty {
                raw("<pre><code>")
            } else {
                raw("<pre><code class=\"language-")
                text(String(decoding: info.utf8.prefix { !Self.isCmarkSpace($0) }, as: UTF8.self))
                raw("\">")
            }
            text(literal)
            raw("</code></pre>\n")
        case .htmlBlock:
            break
        case .thematicBreak:
            newline()
            raw("<hr />\n")
        case .callout(let kind, let title, let children, _):
            newline()
            rawString("<div class=\"callout callout-\(kind.rawValue)\" role=\"note\" aria-label=\"")
            text(configuration.label("callout_" + kind.rawValue))
            raw("\">\n")
            if let title {
                raw("<p class=\"callout-title\"><strong>")
                inlines(title)
                raw("</strong></p>\n")
            }
            blocks(children, tight: false)
            newline()
            raw("</div>\n")
        case .table(let table):
            self.table(table)
        case .checklist(let checklist):
            self.checklist(checklist)
        case .form(let form, _):
            self.form(form)
        }
    }

    private static let headingOpen: [StaticString] = ["", "<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"]
    private static let headingClose: [StaticString] = ["", "</h1>\n", "</h2>\n", "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n"]

    /// Fill-in elements of form modules: lines to write on, a scale to mark.
    private mutating func form(_ form: MarkdownFormBlock) {
        newline()
        switch form {
        case .writingLines(let count):
            raw("<div class=\"form-lines\" aria-hidden=\"true\">\n")
            for _ in 0..<count { raw("<div class=\"form-line\"></div>\n") }
            raw("</div>\n")
        case .scale(let low, let high, let labels):
            raw("<ol class=\"scale\" aria-label=\"")
            text(configuration.label("scale_from"))
            rawString(" \(low) ")
            text(configuration.label("scale_to"))
            rawString(" \(high)\">\n")
            for value in low...high { rawString("<li>\(value)</li>\n") }
            raw("</ol>\n")
            if !labels.isEmpty {
                raw("<p class=\"scale-labels\">")
                for (index, label) in labels.enumerated() {
                    if index > 0 { raw(" ") }
                    rawString("<span>\(label.value) = ")
                    text(label.text)
                    raw("</span>")
                }
                raw("</p>\n")
            }
        }
    }

    /// A list of checkboxes to tick on paper.
    private mutating func checklist(_ checklist: MarkdownChecklist) {
        newline()
        raw("<ul class=\"checklist\">\n")
        for item in checklist.items {
            raw(item.checked
                ? "<li><span class=\"checkbox checked\" aria-hidden=\"true\">✓</span>"
                : "<li><span class=\"checkbox\" aria-hidden=\"true\"></span>")
            blocks(item.blocks, tight: checklist.tight)
            raw("</li>\n")
        }
        raw("</ul>\n")
    }

    private static func trimmed(_ text: String) -> String {
        var utf8 = Substring(text).utf8
        while let first = utf8.first, first == 0x20 || first == 0x09 || first == 0x0A { utf8 = utf8.dropFirst() }
        while let last = utf8.last, last == 0x20 || last == 0x09 || last == 0x0A { utf8 = utf8.dropLast() }
        return String(Substring(utf8))
    }

    private static func isCmarkSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private mutating func table(_ table: MarkdownTable) {
        newline()
        raw("<div class=\"table-scroll\" role=\"region\" aria-label=\"")
        if let caption = table.caption {
            text(caption.plainText)
        } else {
            text(configuration.label("table"))
        }
        raw("\" tabindex=\"0\">\n<table>\n")
        if let caption = table.caption {
            raw("<caption>")
            inlines(caption)
            raw("</caption>\n")
        }
        raw("<thead>\n<tr>\n")
        for (index, cell) in table.header.enumerated() {
            raw("<th scope=\"col\"")
            alignment(table.alignments, index)
            raw(">")
            inlines(cell.inlines)
            raw("</th>\n")
        }
        raw("</tr>\n</thead>\n")
        if !table.rows.isEmpty {
            raw("<tbody>\n")
            for row in table.rows {
                raw("<tr>\n")
                for (index, cell) in row.enumerated() {
                    raw("<td")
                    alignment(table.alignments, index)
                    raw(">")
                    inlines(cell.inlines)
                    raw("</td>\n")
                }
                raw("</tr>\n")
            }
            raw("</tbody>\n")
        }
        raw("</table>\n</div>\n")
    }

    private mutating func alignment(_ alignments: [MarkdownTable.Alignment?], _ index: Int) {
        guard index < alignments.count, let alignment = alignments[index] else { return }
        rawString(" class=\"align-\(alignment.rawValue)\"")
    }

    /// Writes a run of inlines, walking its nodes (no value is made per inline).
    mutating func inlines(_ run: MarkdownInlines) {
        guard !run.isEmpty else { return }
        run.withNodes { nodes in
            run.withBytes { text in
                inlines(run, nodes: nodes, text: text, from: 0, to: nodes.count)
            }
        }
    }

    /// Writes the nodes `first..<end` of `run` (siblings and their descendants).
    private mutating func inlines(_ run: MarkdownInlines, nodes: UnsafeBufferPointer<MarkdownInlines.Node>,
                                  text: UnsafeBufferPointer<UInt8>, from first: Int, to end: Int) {
        var index = first
        while index < end {
            let node = nodes[index]
            switch node.kind {
            case .text:
                HTMLEscaper.appendEscaped(MarkdownInlines.text(of: node, in: text), to: &bytes)
            case .softBreak:
                raw("\n")
            case .lineBreak:
                raw("<br />\n")
            case .code:
                raw("<code>")
                HTMLEscaper.appendEscaped(MarkdownInlines.text(of: node, in: text), to: &bytes)
                raw("</code>")
            case .emphasis:
                raw("<em>")
                inlines(run, nodes: nodes, text: text, from: index + 1, to: node.end)
                raw("</em>")
            case .strong:
                raw("<strong>")
                inlines(run, nodes: nodes, text: text, from: index + 1, to: node.end)
                raw("</strong>")
            case .link:
                let link = run.attachments[node.start]
                let url = resolve(link.destination, link.location)
                // An empty address from the resolver means "not here": the text stays, the link goes.
                if url.isEmpty, configuration.resolveLink != nil, !link.destination.isEmpty {
                    inlines(run, nodes: nodes, text: text, from: index + 1, to: node.end)
                } else {
                    raw("<a href=\"")
                    writeURL(url)
                    if !link.title.isEmpty {
                        raw("\" title=\"")
                        self.text(link.title)
                    }
                    raw("\">")
                    inlines(run, nodes: nodes, text: text, from: index + 1, to: node.end)
                    raw("</a>")
                    if configuration.printLinkAddresses {
                        linkAddress(url, label: run.plainText(inside: index))
                    }
                }
            case .image:
                let image = run.attachments[node.start]
                raw("<img src=\"")
                let resolved = resolve(image.destination, image.location)
                if resolved != image.destination, resolved.hasPrefix("data:image/") {
                    // An image the renderer embedded itself (a printout's own file), not an author's `data:` address.
                    MarkdownURLEscaper.appendEscaped(resolved, to: &bytes)
                } else {
                    writeURL(resolved)
                }
                raw("\" alt=\"")
                var alt: [UInt8] = []
                run.appendPlainText(inside: index, to: &alt)
                alt.withUnsafeBufferPointer { HTMLEscaper.appendEscaped($0, to: &bytes) }
                if !image.title.isEmpty {
                    raw("\" title=\"")
                    self.text(image.title)
                }
                raw("\" />")
            case .rawHTML:
                break
            }
            index = node.end
        }
    }

    private func resolve(_ destination: String, _ location: SourceLocation) -> String {
        configuration.resolveLink?(destination, location) ?? destination
    }

    private mutating func writeURL(_ url: String) {
        if !MarkdownURLEscaper.isDangerous(url) {
            MarkdownURLEscaper.appendEscaped(url, to: &bytes)
        }
    }

    /// ` (address)` after an external link whose text (`label`) is not already the address.
    private mutating func linkAddress(_ url: String, label: String) {
        let lowered = url.lowercased()
        let shown: String
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            shown = url
        } else if lowered.hasPrefix("mailto:") {
            shown = String(url.dropFirst(7))
        } else if lowered.hasPrefix("tel:") {
            shown = String(url.dropFirst(4))
        } else {
            return
        }
        let label = Self.trimmed(label)
        if label.isEmpty || label == url || label == shown { return }
        raw("<span class=\"link-address\"> (")
        text(shown)
        raw(")</span>")
    }
}
