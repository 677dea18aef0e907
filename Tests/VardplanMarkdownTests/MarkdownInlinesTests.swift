import Testing
import VardplanDiagnostics
@testable import VardplanMarkdown

/// A run of inlines stored flat gives back exactly the inlines it was made from, and
/// reads them in place the way the nested values would be read.
@Suite("Inline runs")
struct MarkdownInlinesTests {
    static let place = SourceLocation(path: "steg.md", line: 3, column: 5)

    static let sample: [MarkdownInline] = [
        .text("Ring "),
        .strong([.text("1177"), .emphasis([.text(" nu")])]),
        .softBreak,
        .link(destination: "https://1177.se", title: "Vården", children: [.text("läs "), .code("mer")], location: place),
        .lineBreak,
        .image(source: "bild.png", title: "", children: [.text("en "), .emphasis([.text("bild")])], location: place),
        .rawHTML("<b>", location: place),
        .text("å"),
    ]

    @Test("values stored and read back are the same values, at every depth")
    func roundTrip() {
        let run = MarkdownInlines(Self.sample)
        #expect(run.elements == Self.sample)
        #expect(Array(run) == Self.sample)
        #expect(MarkdownInlines(run.elements) == run)
        #expect(MarkdownInlines().isEmpty)
        #expect(([] as MarkdownInlines).elements.isEmpty)
    }

    @Test("equal runs are equal and hash alike; any difference tells them apart")
    func equality() {
        let run = MarkdownInlines(Self.sample)
        let again = MarkdownInlines(Self.sample)
        #expect(run == again)
        #expect(run.hashValue == again.hashValue)
        var changedText = Self.sample
        changedText[7] = .text("ä")
        #expect(MarkdownInlines(changedText) != run)
        var changedAddress = Self.sample
        changedAddress[3] = .link(destination: "https://1177.se/", title: "Vården", children: [.text("läs "), .code("mer")],
                                  location: Self.place)
        #expect(MarkdownInlines(changedAddress) != run)
        #expect(MarkdownInlines([.text("ab")]) != MarkdownInlines([.text("a"), .text("b")]))
        #expect(MarkdownInlines([.emphasis([.text("a")])]) != MarkdownInlines([.strong([.text("a")])]))
    }

    @Test("the plain text is the nested values' plain text, for the run and inside a link or image")
    func plainText() {
        let run = MarkdownInlines(Self.sample)
        #expect(run.plainText == MarkdownInline.plainText(of: Self.sample))
        var links: [(Int, Bool, String, String)] = []
        run.forEachLink { index, isImage, attachment in
            links.append((index, isImage, attachment.destination, run.plainText(inside: index)))
        }
        #expect(links.map(\.1) == [false, true])
        #expect(links.map(\.2) == ["https://1177.se", "bild.png"])
        #expect(links.map(\.3) == ["läs mer", "en bild"])
    }

    @Test("a body with bytes that are not UTF-8 is repaired as before, never copied into the page as they are")
    func invalidUTF8Body() {
        let bytes: [UInt8] = Array("# Rubrik\n\nText ".utf8) + [0xC3, 0x28] + Array(" och `kod ".utf8) + [0xFF] + Array("`\n".utf8)
        let file = SourceFile(path: "steg.md", bytes: bytes)
        var diagnostics = Diagnostics()
        let document = MarkdownParser.parse(file, diagnostics: &diagnostics)
        let html = MarkdownHTMLRenderer().renderUTF8(document)
        #expect(SourceText.firstInvalidUTF8Offset(html) == nil)
        #expect(String(decoding: html, as: UTF8.self).contains("Text \u{FFFD}( och <code>kod \u{FFFD}</code>"))
    }

    @Test("dropping a cell's leading padding gives the run the values would give, whether text is left or not")
    func droppingLeadingText() {
        let nbsp = "\u{A0}"
        let cases: [[MarkdownInline]] = [
            [.text(nbsp + "Ring 1177")],
            [.text(nbsp), .emphasis([.text("viktigt")]), .text(" sedan "), .code("kod")],
            [.text(nbsp + "a"), .link(destination: "b.md", title: "", children: [.text("länk")], location: Self.place),
             .softBreak, .image(source: "c.png", title: "t", children: [.text("alt")], location: Self.place)],
        ]
        for inlines in cases {
            var expected = inlines
            if case .text(let text) = expected[0] {
                let rest = String(text.unicodeScalars.dropFirst())
                if rest.isEmpty { expected.removeFirst() } else { expected[0] = .text(rest) }
            }
            let dropped = MarkdownInlines(inlines).droppingLeadingText(byteCount: 2)
            #expect(dropped.elements == expected)
            #expect(dropped == MarkdownInlines(expected))
        }
    }
}

