import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The boundary to libcmark: the only file of the program that imports it. A parse
/// runs inside `Cmark.withDocument`, whose tree lives in the thread's `CmarkArena` while
/// the closure runs; `CmarkNode` and `CmarkIterator` are borrowed views that never
/// outlive it.
enum Cmark {
    /// cmark's options for our parses: source positions always, smart punctuation if asked.
    static func options(smartPunctuation: Bool) -> Int32 {
        CMARK_OPT_SOURCEPOS | (smartPunctuation ? CMARK_OPT_SMART : 0)
    }

    /// Parses `bytes` with libcmark and hands the document node to `body`; the tree must
    /// not be used after `body` returns. `nil` when cmark could not allocate a tree.
    ///
    /// cmark allocates in the thread's `CmarkArena`: the parser and the tree are not
    /// freed node by node; their memory is given back when the outermost parse on the
    /// thread returns.
    static func withDocument<Result>(_ bytes: UnsafeBufferPointer<UInt8>, options: Int32,
                                     _ body: (CmarkNode) -> Result) -> Result? {
        let arena = CmarkArena.ofThisThread
        arena.pointee.enter()
        defer { arena.pointee.leave() }
        guard let parser = cmark_parser_new_with_mem(options, arenaMemory) else { return nil }
        if let base = bytes.baseAddress, bytes.count > 0 {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parser_feed(parser, $0, bytes.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        return body(CmarkNode(root))
    }

    /// cmark's allocator for our parses: the calling thread's `CmarkArena` (cmark calls
    /// it only inside `withDocument`, on the thread that parses).
    nonisolated(unsafe) private static let arenaMemory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in
                let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
                precondition(!overflow, "[cmark] allocation size overflows")
                return CmarkArena.ofThisThread.pointee.allocate(bytes, zeroed: true)
            },
            realloc: { pointer, size in CmarkArena.ofThisThread.pointee.reallocate(pointer, to: size) },
            free: { _ in }))
        return memory
    }()

    /// The version of the linked libcmark, as it reports it at run time (`0.30.2`).
    static var version: String {
        guard let text = cmark_version_string() else { return "unknown" }
        return String(cString: text)
    }

    /// `cmark_markdown_to_html(markdown, CMARK_OPT_DEFAULT)` (plus smart punctuation if
    /// asked): libcmark's own HTML, the reference of the differential tests.
    static func html(_ markdown: String, smartPunctuation: Bool) -> String {
        let options = CMARK_OPT_DEFAULT | (smartPunctuation ? CMARK_OPT_SMART : 0)
        guard let rendered = cmark_markdown_to_html(markdown, markdown.utf8.count, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Parses and frees, for benchmarks: what libcmark's parser alone costs.
    static func parseOnly(_ markdown: String, smartPunctuation: Bool) {
        if let root = cmark_parse_document(markdown, markdown.utf8.count, options(smartPunctuation: smartPunctuation)) {
            cmark_node_free(root)
        }
    }
}

/// A node of a cmark tree, valid only inside the `Cmark.withDocument` that made it.
struct CmarkNode: Equatable {
    /// The node types cmark's parser makes (`custom` for the two it never makes).
    enum Kind {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case custom
    }

    private let pointer: OpaquePointer

    fileprivate init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .custom
        }
    }

    // cmark's source positions: 1-based lines, 1-based byte columns of its input.
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

    /// The text of a text, code, code block or raw HTML node (NUL-terminated, owned by cmark).
    var literal: UnsafePointer<CChar>? { cmark_node_get_literal(pointer) }
    /// Calls `body` with the literal's bytes, in place (nil when there is no literal).
    func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let literal else { return nil }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: strlen(literal)))
        }
    }
    var url: UnsafePointer<CChar>? { cmark_node_get_url(pointer) }
    var title: UnsafePointer<CChar>? { cmark_node_get_title(pointer) }
    var fenceInfo: UnsafePointer<CChar>? { cmark_node_get_fence_info(pointer) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var listDelimiter: MarkdownBlock.ListDelimiter {
        switch cmark_node_get_list_delim(pointer) {
        case CMARK_PERIOD_DELIM: return .period
        case CMARK_PAREN_DELIM: return .parenthesis
        default: return .none
        }
    }

    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var lastChild: CmarkNode? { cmark_node_last_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }
    /// How many children the node has (the room a converted container reserves).
    var childCount: Int {
        var count = 0
        var child = cmark_node_first_child(pointer)
        while let node = child {
            count += 1
            child = cmark_node_next(node)
        }
        return count
    }
}

/// cmark's iterator over a subtree: every node is entered, and nodes that can have
/// children are exited after them.
struct CmarkIterator {
    enum Event {
        case enter
        case exit
    }

    private let pointer: OpaquePointer

    /// Walks the subtree of `root` with `body`; the iterator is freed when it returns.
    static func walk(_ root: CmarkNode, _ body: (inout CmarkIterator, Event, CmarkNode) -> Void) -> Bool {
        guard let pointer = root.withPointer({ cmark_iter_new($0) }) else { return false }
        defer { cmark_iter_free(pointer) }
        var iterator = CmarkIterator(pointer: pointer)
        while true {
            let event = cmark_iter_next(pointer)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(pointer) else { continue }
            if event == CMARK_EVENT_ENTER {
                body(&iterator, .enter, CmarkNode(node))
            } else if event == CMARK_EVENT_EXIT {
                body(&iterator, .exit, CmarkNode(node))
            }
        }
        return true
    }

    /// Continues after `node`'s children, at its exit.
    func skipChildren(of node: CmarkNode) {
        node.withPointer { cmark_iter_reset(pointer, $0, CMARK_EVENT_EXIT) }
    }
}

extension CmarkNode {
    fileprivate func withPointer<Result>(_ body: (OpaquePointer) -> Result) -> Result {
        body(pointer)
    }
}
