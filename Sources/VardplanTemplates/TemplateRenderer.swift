import VardplanDiagnostics
import VardplanHTML

/// Renders compiled templates into one growing `String`, walking the node tree
/// with a context stack.
///
/// The work is bounded by the template and the data, never exponential: a section
/// over a list of two or more items that an enclosing section already iterates (the
/// same list, found in the same context: every item would repeat the whole list,
/// once more per level) is an error at its tag, and one page may visit at most
/// `maximumRenderedNodes` nodes and write at most `maximumOutputBytes` (partials that
/// include another partial twice, level after level, double the work per level).
///
/// Names are pre-split at parse time, so a lookup is one dictionary access per
/// dotted part; nothing is split or re-parsed while rendering. Partials nest at
/// most `maximumPartialDepth` deep: a partial that includes itself without end is
/// reported at the tag and the render stops (no crash, no exponential blow-up).
struct TemplateRenderer<Output: TemplateOutput> {
    /// The deepest chain of partials inside partials.
    static var maximumPartialDepth: Int { 64 }
    /// The deepest nesting of sections and partials together (keeps the render's
    /// recursion far from the end of a thread's stack).
    static var maximumNestingDepth: Int { 256 }
    /// The most template nodes one render may visit (a real page visits thousands).
    static var maximumRenderedNodes: Int { 4_000_000 }
    /// The most bytes one render may write (a real page is well under a megabyte).
    static var maximumOutputBytes: Int { 64 << 20 }

    let templates: [String: TemplateLibrary.Entry]
    var output = Output()
    var diagnostics = Diagnostics()
    /// When set, every variable and section lookup is recorded.
    var usage: TemplateUsage?
    private var stack: [TemplateValue] = []
    private var partialChain: [String] = []
    private var aborted = false
    private var depth = 0
    private var renderedNodes = 0
    /// The output's size when this render started (the buffer may hold earlier pages).
    private var outputStart = 0
    /// Lists being iterated: the stack index where the name was found, the name, and
    /// the section tag.
    private var activeLists: [(stackIndex: Int, name: String, tag: TemplateNode.Tag)] = []
    /// The section and partial tags open around the node being rendered.
    private var openTags: [SourceLocation] = []

    init(templates: [String: TemplateLibrary.Entry]) {
        self.templates = templates
    }

    /// Renders the template `name` with `context` as the bottom of the stack.
    mutating func render(_ name: String, _ context: TemplateValue) {
        guard let entry = templates[name] else {
            diagnostics.append(.templateUnknownTemplate(name, suggestion: NameSuggester.didYouMean(name, among: templates.keys.sorted())))
            return
        }
        stack.removeAll(keepingCapacity: true)
        stack.append(context)
        partialChain = [name]
        aborted = false
        depth = 0
        renderedNodes = 0
        outputStart = output.byteCount
        activeLists.removeAll()
        openTags.removeAll()
        render(entry.template.nodes, indent: "", firstTagID: entry.firstTagID)
    }

    private mutating func render(_ nodes: [TemplateNode], indent: String, firstTagID: Int) {
        // By index: `for … in` hands out a copy of each node, retaining what it holds.
        for nodeIndex in nodes.indices {
            if aborted { return }
            renderedNodes += 1
            if renderedNodes > Self.maximumRenderedNodes || output.byteCount - outputStart > Self.maximumOutputBytes {
                reportTooMuchWork()
                return
            }
            switch nodes[nodeIndex] {
            case .text(let chunk):
                if indent.isEmpty || chunk.lineStarts.isEmpty {
                    output.write(chunk.text)
                } else {
                    appendIndented(chunk.text, lineStarts: chunk.lineStarts, indent: indent)
                }
            case .variable(let tag, let escaped):
                guard let value = lookup(tag, firstTagID: firstTagID) else { continue }
                switch value {
                case .text(let text):
                    if escaped { output.writeEscaped(text) } else { output.write(text) }
                case .html(let html): output.write(html)
                case .int(let number): output.write(String(number))
                case .double(let number): output.write(TemplateValue.format(number))
                case .bool(let flag): output.write(flag ? "true" : "false")
                case .null, .list, .generated, .object: break
                }
            case .section(let tag, let inverted, let children):
                let (value, foundAt) = lookupWithIndex(tag, firstTagID: firstTagID)
                guard depth < Self.maximumNestingDepth else {
                    reportTooDeep(section: tag)
                    return
                }
                depth += 1
                openTags.append(tag.location)
                defer {
                    depth -= 1
                    openTags.removeLast()
                }
                if inverted {
                    if !(value?.isTruthy ?? false) {
                        render(children, indent: indent, firstTagID: firstTagID)
                    }
                } else if let value, value.isTruthy {
                    var listed: [TemplateValue] = []
                    var made: TemplateItems?
                    switch value {
                    case .list(let items): listed = items
                    case .generated(let items): made = items
                    default: break
                    }
                    if made != nil || !listed.isEmpty {
                        let count = made?.count ?? listed.count
                        if count > 1,
                           let outer = activeLists.first(where: { $0.stackIndex == foundAt && $0.name == tag.name.raw }) {
                            reportRepeatedList(tag, outer: outer.tag)
                            return
                        }
                        activeLists.append((foundAt, tag.name.raw, tag))
                        defer { activeLists.removeLast() }
                        for index in 0..<count {
                            stack.append(made?.item(index) ?? listed[index])
                            render(children, indent: indent, firstTagID: firstTagID)
                            stack.removeLast()
                            if aborted { return }
                        }
                    } else {
                        stack.append(value)
                        render(children, indent: indent, firstTagID: firstTagID)
                        stack.removeLast()
                    }
                }
            case .partial(let partial):
                // A missing partial was reported when the library was loaded; the spec
                // renders it as the empty string.
                let name = partial.name, location = partial.location
                guard let entry = templates[name] else { continue }
                guard partialChain.count <= Self.maximumPartialDepth, depth < Self.maximumNestingDepth else {
                    reportTooDeep(partial: name, at: location)
                    return
                }
                partialChain.append(name)
                depth += 1
                openTags.append(location)
                let partialIndent = partial.indent.map { indent + $0 } ?? ""
                render(entry.template.nodes, indent: partialIndent, firstTagID: entry.firstTagID)
                openTags.removeLast()
                depth -= 1
                partialChain.removeLast()
            }
        }
    }

    /// Writes text with `indent` at every line start (a standalone partial's lines).
    private mutating func appendIndented(_ text: String, lineStarts: [Int], indent: String) {
        let utf8 = text.utf8
        var previous = utf8.startIndex
        var previousOffset = 0
        for offset in lineStarts {
            let index = utf8.index(previous, offsetBy: offset - previousOffset)
            output.write(text[previous..<index])
            output.write(indent)
            previous = index
            previousOffset = offset
        }
        output.write(text[previous...])
    }

    @inline(__always)
    private mutating func lookup(_ tag: TemplateNode.Tag, firstTagID: Int) -> TemplateValue? {
        lookupWithIndex(tag, firstTagID: firstTagID).value
    }

    /// The value and the index in the context stack where its first part was found.
    @inline(__always)
    private mutating func lookupWithIndex(_ tag: TemplateNode.Tag, firstTagID: Int) -> (value: TemplateValue?, index: Int) {
        let (value, index) = resolve(tag.name)
        if usage != nil {
            record(tag, id: firstTagID + tag.id, found: value != nil)
        }
        return (value, index)
    }

    /// The spec's name resolution: `.` is the top of the stack; otherwise the first
    /// part is looked up from the top of the stack down, and the other parts only in
    /// the value found (a broken chain is a miss, never a fall-back). Also returns
    /// the stack index where the first part was found (-1 when not found).
    private func resolve(_ name: TemplateName) -> (TemplateValue?, Int) {
        let parts = name.parts
        guard let first = parts.first else { return (stack.last, stack.count - 1) }
        let firstHash = name.hashes[0]
        var index = stack.count - 1
        while index >= 0 {
            // Looked up in place (`field(of:)` borrows): binding each object on the stack
            // to a name retained and released it on every level of every lookup.
            if let value = TemplateValue.field(of: stack[index], first, hash: firstHash) {
                if parts.count == 1 { return (value, index) }
                var current = value
                for part in 1..<parts.count {
                    guard let next = TemplateValue.field(of: current, parts[part], hash: name.hashes[part]) else {
                        return (nil, index)
                    }
                    current = next
                }
                return (current, index)
            }
            index -= 1
        }
        return (nil, -1)
    }

    private mutating func record(_ tag: TemplateNode.Tag, id: Int, found: Bool) {
        if found {
            usage?.markFound(id)
        } else if usage?.markMissed(id) == true {
            let names = nearbyNames(for: tag.name)
            usage?.setNearbyNames(names, for: id)
        }
    }

    /// Names a missed lookup could have meant: the keys of the objects on the stack,
    /// or, for a broken dotted chain, the keys where the chain broke.
    private func nearbyNames(for name: TemplateName) -> [String] {
        let parts = name.parts
        guard let first = parts.first else { return [] }
        var names = Set<String>()
        for case .object(let fields) in stack.reversed() {
            if let value = fields[first] {
                var current = value
                var prefix = first
                for part in parts.dropFirst() {
                    guard case .object(let inner) = current else { break }
                    guard let next = inner[part] else {
                        return inner.keys.map { prefix + "." + $0 }
                    }
                    prefix += "." + part
                    current = next
                }
                return []
            }
            names.formUnion(fields.keys)
        }
        return Array(names)
    }

    private mutating func reportRepeatedList(_ tag: TemplateNode.Tag, outer: TemplateNode.Tag) {
        aborted = true
        diagnostics.append(.templateRepeatedList(tag.name.raw, at: tag.location, outer: outer.name.raw, outerLocation: outer.location))
    }

    private mutating func reportTooMuchWork() {
        aborted = true
        let reason = output.byteCount - outputStart > Self.maximumOutputBytes
            ? "would write more than \(Self.maximumOutputBytes >> 20) MB"
            : "would visit more than \(Self.maximumRenderedNodes / 1_000_000) million template nodes"
        diagnostics.append(.templateTooMuchWork(reason: reason, at: openTags.last))
    }

    private mutating func reportTooDeep(section tag: TemplateNode.Tag) {
        aborted = true
        diagnostics.append(.templateRenderTooDeep(section: tag.name.raw, limit: Self.maximumNestingDepth, at: tag.location))
    }

    private mutating func reportTooDeep(partial name: String, at location: SourceLocation) {
        aborted = true
        let cycle = partialChain.lastIndex(of: name).map { Array(partialChain[$0...]) + [name] }
        diagnostics.append(.templatePartialTooDeep(name, partialLimit: Self.maximumPartialDepth,
                                                   nestingLimit: Self.maximumNestingDepth, cycle: cycle, at: location))
    }
}

/// Where a render writes: a `String` (a page's content, put into its base page as
/// HTML), or bytes (whole pages and the sitemap, written straight into their file's
/// buffer: no `String` to grow and then copy into bytes).
protocol TemplateOutput {
    init()
    /// The UTF-8 bytes written so far.
    var byteCount: Int { get }
    mutating func write(_ text: String)
    mutating func write(_ text: Substring)
    /// Writes text with `& < > "` replaced by entities (`{{x}}` of text).
    mutating func writeEscaped(_ text: String)
    /// Writes markup as it is.
    mutating func write(_ html: SafeHTML)
}

extension String: TemplateOutput {
    var byteCount: Int { utf8.count }
    mutating func write(_ text: String) { self += text }
    mutating func write(_ text: Substring) { self += text }
    mutating func writeEscaped(_ text: String) { self += HTMLEscaper.escape(text) }
    mutating func write(_ html: SafeHTML) { self += html.rawValue }
}

extension Array: TemplateOutput where Element == UInt8 {
    var byteCount: Int { count }
    mutating func write(_ text: String) { append(contentsOf: text.utf8) }
    mutating func write(_ text: Substring) { append(contentsOf: text.utf8) }
    mutating func writeEscaped(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { HTMLEscaper.appendEscaped($0, to: &self) }
        if done == nil { append(contentsOf: HTMLEscaper.escape(text).utf8) }
    }
    mutating func write(_ html: SafeHTML) { html.appendUTF8(to: &self) }
}
