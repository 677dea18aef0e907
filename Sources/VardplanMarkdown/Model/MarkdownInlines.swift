import VardplanDiagnostics

/// The inline content of a paragraph, heading, table cell, caption or callout title,
/// stored flat: the inlines in reading order as small records, their text in one UTF-8
/// buffer, and the addresses of links and images (and raw HTML) beside them.
///
/// A body has tens of thousands of inlines; kept as nested `MarkdownInline` values each
/// text would be its own validated `String` and each emphasis or link its own array,
/// all made, retained and freed one by one. Here a run is made once by a `Builder`
/// (its text copied from cmark as bytes) and read by the writer, the LIX walk and the
/// link collectors without making a value per inline. A run is one reference to one
/// allocation (nodes and text together; the attachments, when there are any, beside):
/// blocks are matched and passed everywhere, and a bigger payload made every copy dearer.
///
/// As a `Sequence` it gives its top-level inlines as `MarkdownInline` values (made on
/// the way: for tests, dumps and the rare rewrites such as a callout's marker line);
/// `init(_:)` and array literals store such values.
///
/// The layout is canonical — text in reading order, attachments in reading order, no
/// unused bytes — so two runs are equal exactly when they hold the same inlines.
public struct MarkdownInlines: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    /// What an inline is.
    public enum Kind: UInt8, Sendable, Hashable {
        case text, softBreak, lineBreak, code, emphasis, strong, link, image, rawHTML
    }

    /// One inline. Its descendants follow it, up to `end`.
    public struct Node: Sendable, Hashable {
        public var kind: Kind
        /// `text` and `code`: where the text starts in `bytes`; `link`, `image` and
        /// `rawHTML`: the index of its attachment.
        public var start: Int
        /// `text` and `code`: how many bytes the text has.
        public var count: Int
        /// The index just past this inline's last descendant.
        public var end: Int
    }

    /// A link's or image's destination and title, or raw HTML (in `destination`),
    /// with where it is written.
    public struct Attachment: Sendable, Hashable {
        public var destination: String
        public var title: String
        public var location: SourceLocation
    }

    /// A run's counts and attachments, before its nodes and text in the same allocation.
    private struct Header {
        var nodeCount: Int
        var byteCount: Int
        var attachments: [Attachment]
    }

    /// One allocation: the header, the nodes, then the text bytes. Never changed once
    /// made, so it is shared between threads as it is.
    private final class Storage: ManagedBuffer<Header, Node> {
        static func make(nodes: UnsafeBufferPointer<Node>, bytes: UnsafeBufferPointer<UInt8>,
                         attachments: [Attachment]) -> Storage {
            let stride = MemoryLayout<Node>.stride
            let capacity = nodes.count + (bytes.count + stride - 1) / stride
            let buffer = Storage.create(minimumCapacity: capacity) { _ in
                Header(nodeCount: nodes.count, byteCount: bytes.count, attachments: attachments)
            }
            buffer.withUnsafeMutablePointerToElements { elements in
                if let base = nodes.baseAddress { elements.initialize(from: base, count: nodes.count) }
                let text = UnsafeMutableRawPointer(elements + nodes.count).bindMemory(to: UInt8.self, capacity: bytes.count)
                if let base = bytes.baseAddress { text.initialize(from: base, count: bytes.count) }
            }
            return unsafeDowncast(buffer, to: Storage.self)
        }

        func withNodes<Result>(_ body: (UnsafeBufferPointer<Node>) -> Result) -> Result {
            withUnsafeMutablePointers { header, elements in
                body(UnsafeBufferPointer(start: elements, count: header.pointee.nodeCount))
            }
        }

        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            withUnsafeMutablePointers { header, elements in
                let count = header.pointee.byteCount
                let text = UnsafeRawPointer(elements + header.pointee.nodeCount).assumingMemoryBound(to: UInt8.self)
                return body(UnsafeBufferPointer(start: text, count: count))
            }
        }
    }

    /// `nil` for an empty run (no allocation). Safe to share: never written after
    /// `Storage.make` (ManagedBuffer itself cannot be declared Sendable).
    nonisolated(unsafe) private let storage: Storage?

    /// The inlines in reading order.
    public var nodes: [Node] { withNodes { Array($0) } }
    /// The addresses of links and images and the raw HTML, in reading order.
    public var attachments: [Attachment] { storage?.header.attachments ?? [] }

    /// Calls `body` with the nodes, in place.
    @inline(__always)
    public func withNodes<Result>(_ body: (UnsafeBufferPointer<Node>) -> Result) -> Result {
        guard let storage else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return storage.withNodes(body)
    }

    /// Calls `body` with the text bytes, in place.
    @inline(__always)
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let storage else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return storage.withBytes(body)
    }

    public var isEmpty: Bool { storage == nil }

    public init() {
        storage = nil
    }

    /// Stores `inlines` (adjacent texts stay separate nodes, as given).
    public init(_ inlines: [MarkdownInline]) {
        var builder = Builder()
        builder.append(inlines)
        self = builder.finish()
    }

    public init(arrayLiteral elements: MarkdownInline...) {
        self.init(elements)
    }

    fileprivate init(nodes: UnsafeBufferPointer<Node>, bytes: UnsafeBufferPointer<UInt8>, attachments: [Attachment]) {
        storage = nodes.isEmpty ? nil : Storage.make(nodes: nodes, bytes: bytes, attachments: attachments)
    }

    public static func == (lhs: MarkdownInlines, rhs: MarkdownInlines) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.withNodes { left in rhs.withNodes { right in left.elementsEqual(right) } }
            && lhs.withBytes { left in rhs.withBytes { right in left.elementsEqual(right) } }
            && lhs.attachments == rhs.attachments
    }

    public func hash(into hasher: inout Hasher) {
        withNodes { nodes in
            hasher.combine(nodes.count)
            for node in nodes { hasher.combine(node) }
        }
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(attachments)
    }

    /// The top-level inlines, made as values.
    public var elements: [MarkdownInline] {
        var result: [MarkdownInline] = []
        let nodes = self.nodes
        var index = 0
        while index < nodes.count {
            result.append(element(at: index, in: nodes))
            index = nodes[index].end
        }
        return result
    }

    public func makeIterator() -> IndexingIterator<[MarkdownInline]> {
        elements.makeIterator()
    }

    /// The text bytes of a `text` or `code` node within the run's `text`.
    @inline(__always)
    public static func text(of node: Node, in text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[node.start..<(node.start + node.count)])
    }

    /// The text of a `text` or `code` node as a `String`.
    private func string(of node: Node) -> String {
        withBytes { String(decoding: Self.text(of: node, in: $0), as: UTF8.self) }
    }

    /// The inline at `index` (with its descendants) as a value.
    private func element(at index: Int, in nodes: [Node]) -> MarkdownInline {
        let node = nodes[index]
        func children() -> [MarkdownInline] {
            var result: [MarkdownInline] = []
            var child = index + 1
            while child < node.end {
                result.append(element(at: child, in: nodes))
                child = nodes[child].end
            }
            return result
        }
        switch node.kind {
        case .text: return .text(string(of: node))
        case .softBreak: return .softBreak
        case .lineBreak: return .lineBreak
        case .code: return .code(string(of: node))
        case .emphasis: return .emphasis(children())
        case .strong: return .strong(children())
        case .link:
            let attachment = attachments[node.start]
            return .link(destination: attachment.destination, title: attachment.title, children: children(),
                         location: attachment.location)
        case .image:
            let attachment = attachments[node.start]
            return .image(source: attachment.destination, title: attachment.title, children: children(),
                          location: attachment.location)
        case .rawHTML:
            let attachment = attachments[node.start]
            return .rawHTML(attachment.destination, location: attachment.location)
        }
    }

    // MARK: - Reading

    /// Whether the first inline is text that starts with `prefix` (a cheap test before
    /// a rewrite such as a callout's marker or a table cell's padding).
    public func startsWithText(_ prefix: StaticString) -> Bool {
        guard let first = withNodes({ $0.first }), first.kind == .text, first.count >= prefix.utf8CodeUnitCount else {
            return false
        }
        let wanted = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return withBytes { Self.text(of: first, in: $0).starts(with: wanted) }
    }

    /// This run without the first `count` bytes of its first node, which must be text
    /// that long or longer (a table cell's padding): the node goes when nothing is left
    /// of it. Made from the stored bytes directly, no value per inline.
    public func droppingLeadingText(byteCount count: Int) -> MarkdownInlines {
        withNodes { nodes in
            withBytes { bytes in
                guard let first = nodes.first, first.kind == .text, first.start == 0, first.count >= count else {
                    return self
                }
                let removesNode = first.count == count
                var kept: [Node] = []
                kept.reserveCapacity(nodes.count)
                for (index, node) in nodes.enumerated() {
                    if index == 0 && removesNode { continue }
                    var moved = node
                    if node.kind == .text || node.kind == .code { moved.start = index == 0 ? 0 : node.start - count }
                    if index == 0 { moved.count = node.count - count }
                    if removesNode { moved.end -= 1 }
                    kept.append(moved)
                }
                return kept.withUnsafeBufferPointer { kept in
                    MarkdownInlines(nodes: kept, bytes: UnsafeBufferPointer(rebasing: bytes[count...]),
                                    attachments: attachments)
                }
            }
        }
    }

    /// The first byte of the run's text when the run starts with a text node (nil when
    /// it starts with anything else or the text is empty).
    public var firstTextByte: UInt8? {
        guard let first = withNodes({ $0.first }), first.kind == .text, first.count > 0 else { return nil }
        return withBytes { $0[first.start] }
    }

    /// Whether the run starts with a text node.
    public var startsWithTextNode: Bool { withNodes { $0.first?.kind == .text } }

    /// Appends the text a reader sees, as UTF-8: breaks become spaces, raw HTML
    /// disappears (cmark's flattening for an image's `alt`).
    public func appendPlainText(to result: inout [UInt8]) {
        guard storage != nil else { return }
        appendPlainText(from: 0, to: withNodes { $0.count }, to: &result)
    }

    /// Appends the plain text of the descendants of the node at `index`.
    public func appendPlainText(inside index: Int, to result: inout [UInt8]) {
        guard storage != nil else { return }
        appendPlainText(from: index + 1, to: withNodes { $0[index].end }, to: &result)
    }

    private func appendPlainText(from first: Int, to end: Int, to result: inout [UInt8]) {
        withBytes { text in
            withNodes { nodes in
                for index in first..<end {
                    let node = nodes[index]
                    switch node.kind {
                    case .text, .code: result.append(contentsOf: Self.text(of: node, in: text))
                    case .softBreak, .lineBreak: result.append(0x20)
                    case .emphasis, .strong, .link, .image, .rawHTML: break
                    }
                }
            }
        }
    }

    /// The plain text of the whole run (see `appendPlainText(to:)`).
    public var plainText: String {
        var result: [UInt8] = []
        appendPlainText(to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// The plain text inside the node at `index`.
    public func plainText(inside index: Int) -> String {
        var result: [UInt8] = []
        appendPlainText(inside: index, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Calls `body` with every link and image, in reading order: its node's index,
    /// whether it is an image, and its attachment.
    public func forEachLink(_ body: (_ index: Int, _ isImage: Bool, _ attachment: Attachment) -> Void) {
        let attachments = self.attachments
        guard !attachments.isEmpty else { return }
        withNodes { nodes in
            for index in nodes.indices {
                let node = nodes[index]
                if node.kind == .link || node.kind == .image {
                    body(index, node.kind == .image, attachments[node.start])
                }
            }
        }
    }

    // MARK: - Building

    /// Makes a run inline by inline (the parser's converter, or `init(_:)`), then
    /// `finish()` stores it. Its buffers are kept for the next run.
    public struct Builder {
        private var nodes: [Node] = []
        private var bytes: [UInt8] = []
        private var attachments: [Attachment] = []

        public init() {}

        /// The run made so far, stored at its exact size; the builder starts over.
        public mutating func finish() -> MarkdownInlines {
            let run = nodes.withUnsafeBufferPointer { nodes in
                bytes.withUnsafeBufferPointer { bytes in
                    MarkdownInlines(nodes: nodes, bytes: bytes, attachments: attachments.isEmpty ? [] : Array(attachments))
                }
            }
            nodes.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            attachments.removeAll(keepingCapacity: true)
            return run
        }

        /// Appends `inlines` at the current level.
        public mutating func append(_ inlines: [MarkdownInline]) {
            for inline in inlines { append(inline) }
        }

        /// Appends one inline (with its descendants) at the current level.
        public mutating func append(_ inline: MarkdownInline) {
            switch inline {
            case .text(let text): appendText(text)
            case .softBreak: appendLeaf(.softBreak)
            case .lineBreak: appendLeaf(.lineBreak)
            case .code(let text): appendCode(text.utf8)
            case .emphasis(let children):
                let opened = open(.emphasis)
                append(children)
                close(opened)
            case .strong(let children):
                let opened = open(.strong)
                append(children)
                close(opened)
            case .link(let destination, let title, let children, let location):
                let opened = open(.link, destination: destination, title: title, location: location)
                append(children)
                close(opened)
            case .image(let source, let title, let children, let location):
                let opened = open(.image, destination: source, title: title, location: location)
                append(children)
                close(opened)
            case .rawHTML(let raw, let location):
                attachments.append(Attachment(destination: raw, title: "", location: location))
                nodes.append(Node(kind: .rawHTML, start: attachments.count - 1, count: 0, end: nodes.count + 1))
            }
        }

        /// Appends a text node.
        public mutating func appendText(_ text: String) {
            var text = text
            text.withUTF8 { appendText($0) }
        }

        /// Appends a text node with these bytes (valid UTF-8).
        public mutating func appendText<Bytes: Collection>(_ utf8: Bytes) where Bytes.Element == UInt8 {
            appendBytes(utf8, as: .text)
        }

        /// Appends a code span with these bytes (valid UTF-8).
        public mutating func appendCode<Bytes: Collection>(_ utf8: Bytes) where Bytes.Element == UInt8 {
            appendBytes(utf8, as: .code)
        }

        private mutating func appendBytes<Bytes: Collection>(_ utf8: Bytes, as kind: Kind) where Bytes.Element == UInt8 {
            let start = bytes.count
            bytes.append(contentsOf: utf8)
            nodes.append(Node(kind: kind, start: start, count: bytes.count - start, end: nodes.count + 1))
        }

        /// Appends a soft or hard line break.
        public mutating func appendLeaf(_ kind: Kind) {
            nodes.append(Node(kind: kind, start: 0, count: 0, end: nodes.count + 1))
        }

        /// Opens an emphasis, strong, link or image: what is appended until `close` is
        /// inside it. A link or image gives its `location`.
        public mutating func open(_ kind: Kind, destination: String = "", title: String = "",
                                  location: SourceLocation? = nil) -> Int {
            var start = 0
            if let location {
                attachments.append(Attachment(destination: destination, title: title, location: location))
                start = attachments.count - 1
            }
            nodes.append(Node(kind: kind, start: start, count: 0, end: nodes.count + 1))
            return nodes.count - 1
        }

        /// Closes the inline `open` returned `index` for.
        public mutating func close(_ index: Int) {
            nodes[index].end = nodes.count
        }
    }
}
