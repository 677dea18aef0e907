#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanDiagnostics

/// Converts a cmark tree to Swift blocks in one walk with cmark's iterator and an
/// explicit stack of frames (no recursion over the C tree), recognising our block
/// extensions as it closes them: callouts (block quotes), checklists (bullet lists),
/// form blocks (fenced code), and pipe tables (paragraphs; `+Tables`). Positions are
/// repaired in `+Positions`, link reference definitions counted in `+References`.
struct CmarkTreeConverter {
    enum FrameKind {
        case root
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool, delimiter: MarkdownBlock.ListDelimiter)
        case item
        case paragraph
        case heading(level: Int)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    struct Frame {
        var kind: FrameKind
        var location: SourceLocation
        var blocks: [MarkdownBlock] = []
        /// For emphasis, strong, a link or an image: its node in `run`.
        var node = 0

        /// `reserving`: room for that many blocks at once (a container's cmark children),
        /// instead of growing the array one block at a time.
        init(kind: FrameKind, location: SourceLocation, reserving capacity: Int = 0, node: Int = 0) {
            self.kind = kind
            self.location = location
            self.node = node
            if capacity > 0 { blocks.reserveCapacity(capacity) }
        }
    }

    /// The paragraph or heading whose inlines are being converted.
    struct Leaf {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        /// The containers around it, or `nil` when too deep to replay.
        var containers: [MarkdownLineCursor.Container]?
        /// Content lines computed so far, indexed by `line - startLine`.
        var lines: [MarkdownLineCursor.ContentLine?] = []
        /// Lines at the start that cmark consumed as link reference definitions: cmark
        /// numbers the inlines from `startLine` all the same.
        var definitionLines = 0
        /// Line ends cmark's inline line counter missed so far: backslash hard breaks
        /// (`handle_backslash` skips the line end without counting it) and line ends in
        /// a link's `](destination "title")` …
        var missedLineEnds = 0
        /// … and keeps counting columns from the line before: the bytes of those lines.
        var carriedBytes = 0
        /// The file-input line of the last inline seen.
        var currentLine: Int
    }

    let session: MarkdownParseSession
    let input: MarkdownInput
    let extensions: Bool
    let reparseDepth: Int
    var frames: [Frame] = []
    /// One entry per open cmark node with children: whether it has a frame (`false`
    /// for flattened nodes, whose content goes straight into the nearest frame).
    var open: [Bool] = []
    var containers: [MarkdownLineCursor.Container] = []
    var blockDepth = 0
    var inlineDepth = 0
    var leaf: Leaf?
    /// The inlines of the paragraph or heading being converted.
    var run = MarkdownInlines.Builder()
    /// Text not yet added to `run`: cmark splits text at every special character, and
    /// adjacent pieces become one text node.
    var pendingText: [UInt8] = []

    init(session: MarkdownParseSession, input: MarkdownInput, extensions: Bool, reparseDepth: Int) {
        self.session = session
        self.input = input
        self.extensions = extensions
        self.reparseDepth = reparseDepth
    }

    /// Converts `root` (a document, or one block of it) and everything inside it.
    mutating func convertSubtree(_ root: CmarkNode) -> [MarkdownBlock] {
        frames = [Frame(kind: .root, location: session.location(ofFileOffset: 0), reserving: root.childCount)]
        open = []
        pendingText.removeAll(keepingCapacity: true)
        pendingText.reserveCapacity(256)
        containers = []
        blockDepth = 0
        inlineDepth = 0
        leaf = nil
        run = MarkdownInlines.Builder()
        let walked = CmarkIterator.walk(root) { _, event, node in
            switch event {
            case .enter: enter(node)
            case .exit: exit(node)
            }
        }
        guard walked else { return [] }
        return frames[0].blocks
    }

    // MARK: - Events

    mutating func enter(_ node: CmarkNode) {
        let type = node.kind
        switch type {
        case .document:
            open.append(false)
        case .blockQuote:
            containers.append(.blockQuote)
            pushContainer(.blockQuote, node: node, levels: 1)
        case .list:
            let ordered = node.isOrderedList
            let kind = FrameKind.list(ordered: ordered, start: ordered ? node.listStart : 0,
                                      tight: node.isTightList, delimiter: node.listDelimiter)
            // A list and its items are flattened together.
            pushContainer(kind, node: node, levels: 2)
        case .item:
            let line = node.startLine
            containers.append(.listItem(requiredIndent: itemIndent(line: line), startLine: line))
            // An item is flattened with its list.
            if open[open.count - 1] {
                blockDepth += 1
                frames.append(Frame(kind: .item, location: blockLocation(node), reserving: node.childCount))
                open.append(true)
            } else {
                open.append(false)
            }
        case .paragraph, .heading:
            let line = node.startLine
            let column = node.startColumn
            let endLine = node.endLine
            let reliable = containers.count <= 2 * MarkdownParser.maximumBlockDepth
            leaf = Leaf(startLine: line, startColumn: column, endLine: max(line, endLine),
                        containers: reliable ? containers : nil, currentLine: line)
            inlineDepth = 0
            let kind: FrameKind = type == .heading
                ? .heading(level: node.headingLevel) : .paragraph
            if type == .heading, endLine > line {
                let underline = setextUnderline(after: line, until: endLine)
                leaf?.endLine = underline
            }
            var location = blockLocation(node)
            let lastContentLine = (leaf?.endLine ?? line) - (type == .heading ? 1 : 0)
            if lastContentLine > line, let definitions = referenceDefinitionLines(lastContentLine: lastContentLine),
               definitions > 0 {
                leaf?.definitionLines = definitions
                leaf?.currentLine = line + definitions
                let first = contentLine(line + definitions)
                location = self.location(line: line + definitions, offset: first.firstNonspace)
            }
            frames.append(Frame(kind: kind, location: location))
            open.append(true)
        case .codeBlock:
            appendBlock(codeBlock(info: string(node.fenceInfo), literal: string(node.literal), location: blockLocation(node)))
        case .htmlBlock:
            let raw = string(node.literal)
            let location = blockLocation(node)
            session.warnAboutRawHTML(raw, at: location)
            appendBlock(.htmlBlock(raw: raw, location: location))
        case .thematicBreak:
            appendBlock(.thematicBreak(location: blockLocation(node)))
        case .text:
            noteInlineEnd(node)
            node.withLiteralBytes { pendingText.append(contentsOf: $0) }
        case .softBreak:
            noteLineEnd(backslash: false)
            flushText()
            run.appendLeaf(.softBreak)
        case .lineBreak:
            noteLineEnd(backslash: true)
            flushText()
            run.appendLeaf(.lineBreak)
        case .code:
            noteInlineEnd(node)
            flushText()
            if session.inputIsValidUTF8 {
                node.withLiteralBytes { run.appendCode($0) } ?? run.appendCode(EmptyCollection())
            } else {
                run.appendCode(string(node.literal).utf8)
            }
        case .htmlInline:
            let raw = string(node.literal)
            let location = inlineLocation(node)
            noteInlineEnd(node)
            session.warnAboutRawHTML(raw, at: location)
            flushText()
            run.append(.rawHTML(raw, location: location))
        case .emphasis:
            pushInline(.emphasis, node: node)
        case .strong:
            pushInline(.strong, node: node)
        case .link:
            pushInline(.link(destination: string(node.url), title: string(node.title)),
                       node: node)
        case .image:
            pushInline(.image(source: string(node.url), title: string(node.title)),
                       node: node)
        default:
            // Custom nodes (never made by the parser): their content is kept.
            open.append(false)
        }
    }

    mutating func exit(_ node: CmarkNode) {
        let type = node.kind
        if type == .blockQuote || type == .item { containers.removeLast() }
        if type == .link || type == .image { noteLinkEnd(node) }
        guard open.removeLast() else { return }
        flushText()
        let frame = frames.removeLast()
        switch frame.kind {
        case .root:
            break
        case .blockQuote:
            blockDepth -= 1
            appendBlock(blockQuote(frame))
        case .list(let ordered, let start, let tight, let delimiter):
            blockDepth -= 1
            appendBlock(list(frame, ordered: ordered, start: start, tight: tight, delimiter: delimiter))
        case .item:
            blockDepth -= 1
            appendBlock(.listItem(frame.blocks, location: frame.location))
        case .paragraph:
            let inlines = run.finish()
            if !(extensions && convertTable(frame, setext: false)) {
                appendBlock(.paragraph(inlines, location: frame.location))
            }
            leaf = nil
        case .heading(let level):
            let setext = (leaf.map { $0.endLine > $0.startLine }) ?? false
            let inlines = run.finish()
            if !(extensions && setext && convertTable(frame, setext: true)) {
                appendBlock(.heading(level: level, inlines, location: frame.location))
            }
            leaf = nil
        case .emphasis, .strong:
            inlineDepth -= 1
            run.close(frame.node)
        case .link(let destination, _):
            inlineDepth -= 1
            session.checkDestination(destination, image: false, linkStart: frame.location)
            run.close(frame.node)
        case .image(let source, _):
            inlineDepth -= 1
            session.checkDestination(source, image: true, linkStart: frame.location)
            run.close(frame.node)
        }
    }

    // MARK: - Frames

    /// Pushes a block quote or list; beyond the depth limit it is flattened (its
    /// children go to the level above) and costs no position lookup.
    mutating func pushContainer(_ kind: FrameKind, node: CmarkNode, levels: Int) {
        if blockDepth + levels > MarkdownParser.maximumBlockDepth {
            if !session.depthWarningGiven { session.warnAboutDepth(at: blockLocation(node)) }
            open.append(false)
        } else {
            blockDepth += 1
            frames.append(Frame(kind: kind, location: blockLocation(node), reserving: node.childCount))
            open.append(true)
        }
    }

    /// Pushes emphasis, strong, a link or an image (only links and images keep a position).
    mutating func pushInline(_ kind: FrameKind, node: CmarkNode) {
        if inlineDepth >= MarkdownParser.maximumInlineDepth {
            if !session.depthWarningGiven { session.warnAboutDepth(at: inlineLocation(node)) }
            open.append(false)
            return
        }
        inlineDepth += 1
        var location = frames[frames.count - 1].location
        flushText()
        let opened: Int
        switch kind {
        case .link(let destination, let title):
            location = linkLocation(node)
            opened = run.open(.link, destination: destination, title: title, location: location)
        case .image(let source, let title):
            location = linkLocation(node)
            opened = run.open(.image, destination: source, title: title, location: location)
        case .strong:
            opened = run.open(.strong)
        default:
            opened = run.open(.emphasis)
        }
        frames.append(Frame(kind: kind, location: location, node: opened))
        open.append(true)
    }

    mutating func appendBlock(_ block: MarkdownBlock) {
        frames[frames.count - 1].blocks.append(block)
    }

    mutating func spliceBlocks(_ blocks: [MarkdownBlock]) {
        frames[frames.count - 1].blocks.append(contentsOf: blocks)
    }

    /// Adds the pending text to `run` as one text node (with Swedish quotes).
    mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        if session.swedishQuotes { MarkdownParseSession.swedishQuotes(&pendingText) }
        if session.inputIsValidUTF8 {
            run.appendText(pendingText)
        } else {
            run.appendText(String(decoding: pendingText, as: UTF8.self))
        }
        pendingText.removeAll(keepingCapacity: true)
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    // MARK: - Callouts, checklists and form blocks

    mutating func blockQuote(_ frame: Frame) -> MarkdownBlock {
        guard extensions else { return .blockQuote(frame.blocks, location: frame.location) }
        switch MarkdownCalloutRecognizer.recognize(frame.blocks) {
        case .notACallout:
            return .blockQuote(frame.blocks, location: frame.location)
        case .unknownMarker(let name, let location):
            session.diagnostics.append(.markdownUnknownCalloutMarker(name, at: location))
            return .blockQuote(frame.blocks, location: frame.location)
        case .callout(let kind, let title, let children):
            return .callout(kind: kind, title: title, children: children, location: frame.location)
        }
    }

    /// A bullet list whose every item starts with a box (`[ ]`, `[x]`) is a checklist.
    mutating func list(_ frame: Frame, ordered: Bool, start: Int, tight: Bool,
                       delimiter: MarkdownBlock.ListDelimiter) -> MarkdownBlock {
        if recognizesForms, !ordered,
           let checklist = MarkdownChecklist.recognize(items: frame.blocks, tight: tight, location: frame.location) {
            return .checklist(checklist)
        }
        return .list(ordered: ordered, start: start, tight: tight, delimiter: delimiter, items: frame.blocks,
                     location: frame.location)
    }

    /// A fenced block ```` ```skrivrader ```` or ```` ```skala ```` is a form block.
    func codeBlock(info: String, literal: String, location: SourceLocation) -> MarkdownBlock {
        if recognizesForms, let form = MarkdownFormBlock.recognize(info: info, literal: literal) {
            return .form(form, location: location)
        }
        return .codeBlock(info: info, literal: literal, location: location)
    }

    /// Forms and checklists are recognised in every parse but a cmark-compatible one
    /// (cell and paragraph re-parses included, as the renderer once did).
    var recognizesForms: Bool { !session.options.cmarkCompatible }
}
