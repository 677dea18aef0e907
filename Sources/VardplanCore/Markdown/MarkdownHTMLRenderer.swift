import VardplanDiagnostics
import VardplanHTML

/// Renders a `MarkdownDocument` to HTML. For plain CommonMark (no raw HTML, no
/// extensions) in cmark-compatible mode the output is byte-identical to libcmark's
/// `cmark_render_html` with default options.
///
/// Deliberate differences from libcmark: raw HTML (block or inline) produces nothing,
/// not `<!-- raw HTML omitted -->`; callouts and tables are our own markup.
public struct MarkdownHTMLRenderer: Sendable {
    /// How to render.
    public struct Configuration: Sendable {
        /// The level of the page's own heading: the shallowest heading level used in the
        /// document becomes `headingBase + 1`, deeper ones keep their relative depth
        /// (capped at 6). Ignored in cmark-compatible mode.
        public var headingBase: Int
        /// Maps a link's or image's destination (with its location) to the URL to write;
        /// `nil` keeps the destination as written.
        public var resolveLink: (@Sendable (String, SourceLocation) -> String?)?
        /// For paper: after an external link (http, https, mailto, tel) whose text is not
        /// its address, print ` (address)` in `<span class="link-address">`.
        public var printLinkAddresses: Bool
        /// No heading shift and no link addresses: libcmark's output for plain CommonMark.
        public var cmarkCompatible: Bool
        /// Accessible names in the page's language, by key (`callout_akut`, `scale_from`,
        /// `scale_to`, `table`); the Swedish words when a key is missing.
        public var labels: [String: String] = [:]

        public init(headingBase: Int = 0, printLinkAddresses: Bool = false, cmarkCompatible: Bool = false,
                    resolveLink: (@Sendable (String, SourceLocation) -> String?)? = nil) {
            self.headingBase = headingBase
            self.printLinkAddresses = printLinkAddresses
            self.cmarkCompatible = cmarkCompatible
            self.resolveLink = resolveLink
        }

        /// libcmark's HTML for plain CommonMark.
        public static let cmarkCompatible = Configuration(cmarkCompatible: true)
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The document's HTML.
    public func render(_ document: MarkdownDocument) -> SafeHTML {
        var writer = Writer(configuration: configuration, shallowestLevel: document.shallowestHeadingLevel,
                            capacity: 256)
        writer.blocks(document.blocks, tight: false)
        return SafeHTML(trusted: writer.output)
    }

    /// HTML for inline content alone (a title, a table cell), without a paragraph.
    public func render(inlines: [MarkdownInline]) -> SafeHTML {
        var writer = Writer(configuration: configuration, shallowestLevel: nil, capacity: 64)
        writer.inlines(inlines)
        return SafeHTML(trusted: writer.output)
    }

    private struct Writer {
        let configuration: Configuration
        let levelShift: Int
        var output = ""

        init(configuration: Configuration, shallowestLevel: Int?, capacity: Int) {
            self.configuration = configuration
            if configuration.cmarkCompatible || shallowestLevel == nil {
                levelShift = 0
            } else {
                levelShift = configuration.headingBase + 1 - shallowestLevel!
            }
            output.reserveCapacity(capacity)
        }

        /// cmark's `cr()`: a newline unless the output is empty or already ends with one.
        private mutating func newline() {
            if let last = output.utf8.last, last != 0x0A { output += "\n" }
        }

        /// Escapes through `HTMLEscaper`, after a fast scan that skips the common case of
        /// text with nothing to escape.
        private mutating func text(_ text: String) {
            var text = text
            let clean = text.withUTF8 { bytes in
                for byte in bytes where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
                    return false
                }
                return true
            }
            output += clean ? text : HTMLEscaper.escape(text)
        }

        mutating func blocks(_ blocks: [MarkdownBlock], tight: Bool) {
            for block in blocks { self.block(block, tight: tight) }
        }

        /// `tight`: the block is directly in an item of a tight list (paragraphs lose `<p>`).
        mutating func block(_ block: MarkdownBlock, tight: Bool) {
            switch block {
            case .paragraph(let inlines, _):
                if tight {
                    self.inlines(inlines)
                } else {
                    newline()
                    output += "<p>"
                    self.inlines(inlines)
                    output += "</p>\n"
                }
            case .heading(let level, let inlines, _):
                let written = levelShift == 0 ? min(6, max(1, level)) : min(6, max(1, level + levelShift))
                newline()
                output += Self.headingOpen[written]
                self.inlines(inlines)
                output += Self.headingClose[written]
            case .blockQuote(let children, _):
                newline()
                output += "<blockquote>\n"
                blocks(children, tight: false)
                newline()
                output += "</blockquote>\n"
            case .list(false, _, let isTight, _, let items, _)
                where !configuration.cmarkCompatible && MarkdownFormBlock.checklist(items) != nil:
                checklist(MarkdownFormBlock.checklist(items)!, tight: isTight)
            case .list(let ordered, let start, let isTight, _, let items, _):
                newline()
                if !ordered {
                    output += "<ul>\n"
                } else if start == 1 {
                    output += "<ol>\n"
                } else {
                    output += "<ol start=\"\(start)\">\n"
                }
                for item in items {
                    if case .listItem(let children, _) = item {
                        newline()
                        output += "<li>"
                        blocks(children, tight: isTight)
                        output += "</li>\n"
                    } else {
                        self.block(item, tight: false)
                    }
                }
                output += ordered ? "</ol>\n" : "</ul>\n"
            case .listItem(let children, _):
                newline()
                output += "<li>"
                blocks(children, tight: false)
                output += "</li>\n"
            case .codeBlock(let info, let literal, _)
                where !configuration.cmarkCompatible && MarkdownFormBlock.recognize(info: info, literal: literal) != nil:
                form(MarkdownFormBlock.recognize(info: info, literal: literal)!)
            case .codeBlock(let info, let literal, _):
                newline()
                if info.isEmpty {
                    output += "<pre><code>"
                } else {
                    output += "<pre><code class=\"language-"
                    text(String(decoding: info.utf8.prefix { !Self.isCmarkSpace($0) }, as: UTF8.self))
                    output += "\">"
                }
                text(literal)
                output += "</code></pre>\n"
            case .htmlBlock:
                break
            case .thematicBreak:
                newline()
                output += "<hr />\n"
            case .callout(let kind, let title, let children, _):
                newline()
                output += "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\" aria-label=\""
                text(configuration.labels["callout_" + kind.rawValue] ?? kind.label)
                output += "\">\n"
                if let title {
                    output += "<p class=\"callout-title\"><strong>"
                    inlines(title)
                    output += "</strong></p>\n"
                }
                blocks(children, tight: false)
                newline()
                output += "</div>\n"
            case .table(let table):
                self.table(table)
            }
        }

        private static let headingOpen = ["", "<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"]
        private static let headingClose = ["", "</h1>\n", "</h2>\n", "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n"]

        /// Fill-in elements of form modules: lines to write on, a scale to mark.
        private mutating func form(_ form: MarkdownFormBlock) {
            newline()
            switch form {
            case .writingLines(let count):
                output += "<div class=\"form-lines\" aria-hidden=\"true\">\n"
                for _ in 0..<count { output += "<div class=\"form-line\"></div>\n" }
                output += "</div>\n"
            case .scale(let low, let high, let labels):
                output += "<ol class=\"scale\" aria-label=\"\(configuration.labels["scale_from"] ?? "Skala från") \(low) \(configuration.labels["scale_to"] ?? "till") \(high)\">\n"
                for value in low...high { output += "<li>\(value)</li>\n" }
                output += "</ol>\n"
                if !labels.isEmpty {
                    output += "<p class=\"scale-labels\">"
                    for (index, label) in labels.enumerated() {
                        if index > 0 { output += " " }
                        output += "<span>\(label.value) = "
                        text(label.text)
                        output += "</span>"
                    }
                    output += "</p>\n"
                }
            }
        }

        /// A list of checkboxes to tick on paper.
        private mutating func checklist(_ items: [(checked: Bool, blocks: [MarkdownBlock])], tight: Bool) {
            newline()
            output += "<ul class=\"checklist\">\n"
            for item in items {
                output += item.checked
                    ? "<li><span class=\"checkbox checked\" aria-hidden=\"true\">✓</span>"
                    : "<li><span class=\"checkbox\" aria-hidden=\"true\"></span>"
                blocks(item.blocks, tight: tight)
                output += "</li>\n"
            }
            output += "</ul>\n"
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
            output += "<div class=\"table-scroll\" role=\"region\" aria-label=\""
            if let caption = table.caption {
                text(MarkdownInline.plainText(of: caption))
            } else {
                output += configuration.labels["table"] ?? "Tabell"
            }
            output += "\" tabindex=\"0\">\n<table>\n"
            if let caption = table.caption {
                output += "<caption>"
                inlines(caption)
                output += "</caption>\n"
            }
            output += "<thead>\n<tr>\n"
            for (index, cell) in table.header.enumerated() {
                output += "<th scope=\"col\""
                alignment(table.alignments, index)
                output += ">"
                inlines(cell.inlines)
                output += "</th>\n"
            }
            output += "</tr>\n</thead>\n"
            if !table.rows.isEmpty {
                output += "<tbody>\n"
                for row in table.rows {
                    output += "<tr>\n"
                    for (index, cell) in row.enumerated() {
                        output += "<td"
                        alignment(table.alignments, index)
                        output += ">"
                        inlines(cell.inlines)
                        output += "</td>\n"
                    }
                    output += "</tr>\n"
                }
                output += "</tbody>\n"
            }
            output += "</table>\n</div>\n"
        }

        private mutating func alignment(_ alignments: [MarkdownTable.Alignment?], _ index: Int) {
            guard index < alignments.count, let alignment = alignments[index] else { return }
            output += " class=\"align-\(alignment.rawValue)\""
        }

        mutating func inlines(_ inlines: [MarkdownInline]) {
            for inline in inlines { self.inline(inline) }
        }

        private mutating func inline(_ inline: MarkdownInline) {
            switch inline {
            case .text(let string):
                text(string)
            case .softBreak:
                output += "\n"
            case .lineBreak:
                output += "<br />\n"
            case .code(let string):
                output += "<code>"
                text(string)
                output += "</code>"
            case .emphasis(let children):
                output += "<em>"
                inlines(children)
                output += "</em>"
            case .strong(let children):
                output += "<strong>"
                inlines(children)
                output += "</strong>"
            case .link(let destination, let title, let children, let location):
                let url = resolve(destination, location)
                // An empty address from the resolver means "not here": the text stays, the link goes.
                if url.isEmpty, configuration.resolveLink != nil, !configuration.cmarkCompatible, !destination.isEmpty {
                    inlines(children)
                    return
                }
                output += "<a href=\""
                writeURL(url)
                if !title.isEmpty {
                    output += "\" title=\""
                    text(title)
                }
                output += "\">"
                inlines(children)
                output += "</a>"
                if configuration.printLinkAddresses, !configuration.cmarkCompatible {
                    linkAddress(url, children)
                }
            case .image(let source, let title, let children, let location):
                output += "<img src=\""
                let resolved = resolve(source, location)
                if resolved != source, resolved.hasPrefix("data:image/") {
                    // An image the renderer embedded itself (a printout's own file), not an author's `data:` address.
                    MarkdownURLEscaper.appendEscaped(resolved, to: &output)
                } else {
                    writeURL(resolved)
                }
                output += "\" alt=\""
                text(MarkdownInline.plainText(of: children))
                if !title.isEmpty {
                    output += "\" title=\""
                    text(title)
                }
                output += "\" />"
            case .rawHTML:
                break
            }
        }

        private func resolve(_ destination: String, _ location: SourceLocation) -> String {
            configuration.resolveLink?(destination, location) ?? destination
        }

        private mutating func writeURL(_ url: String) {
            if !MarkdownURLEscaper.isDangerous(url) {
                MarkdownURLEscaper.appendEscaped(url, to: &output)
            }
        }

        /// ` (address)` after an external link whose text is not already the address.
        private mutating func linkAddress(_ url: String, _ children: [MarkdownInline]) {
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
            let label = Self.trimmed(MarkdownInline.plainText(of: children))
            if label.isEmpty || label == url || label == shown { return }
            output += "<span class=\"link-address\"> ("
            text(shown)
            output += ")</span>"
        }
    }
}
