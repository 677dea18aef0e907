import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics

/// Paragraphs that start with link reference definitions: how many lines cmark takes as
/// definitions is found in one scan (not one cmark parse per line), agrees with cmark,
/// and keeps every later position right however long the paragraph is.
@Suite("Link reference definitions in paragraphs")
struct ReferenceDefinitionTests {
    /// The scanner's answer, cmark's asked about every prefix (the old, quadratic way),
    /// and the parser's (scan confirmed by cmark), for the lines and a line of text.
    static func bothAnswers(_ lines: [String]) -> (scanned: Int, cmark: Int, combined: Int) {
        let all = lines + ["slut"]
        let storage = all.map { Array($0.utf8) }
        let session = MarkdownParseSession(file: SourceFile(path: "x.md", text: ""), options: .cmarkCompatible)
        var pointers: [UnsafeBufferPointer<UInt8>] = []
        var allocations: [UnsafeMutableBufferPointer<UInt8>] = []
        for bytes in storage {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            _ = buffer.initialize(from: bytes)
            allocations.append(buffer)
            pointers.append(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[0..<bytes.count]))
        }
        defer { allocations.forEach { $0.deallocate() } }
        let scanned = MarkdownReferenceDefinitionScanner.definitionLines(pointers)
        let cmark = CmarkTreeConverter.definitionLinesByParsingEveryPrefix(pointers, session: session)
        let combined = CmarkTreeConverter.definitionLines(pointers, session: session)
        return (scanned, cmark, combined)
    }

    static let crafted: [[String]] = [
        ["[a]: /x"],
        ["[a]: /x", "[b]: /y"],
        ["[a]:", "/x"],
        ["[a]: /x", "\"titel\""],
        ["[a]: /x", "  \"titel\" skräp"],
        ["[a]: /x \"titel", "över två rader\""],
        ["[a]: /x \"titel", "utan slut"],
        ["[a]: /x 'titel' skräp"],
        ["[a]: /x (titel \\( med \\) parenteser)"],
        ["[a]: /x (titel ( fel)"],
        ["[a]: <med mellanslag> \"t\""],
        ["[a]: <>"],
        ["[a]: <ej stängd"],
        ["[a]: /x(y)z", "[b]: /x(y"],
        ["[a\\]b]: /x"],
        ["[a", "b]: /x"],
        ["[   ]: /x"],
        ["[a]:/x"],
        ["[a] : /x"],
        ["[a]: /x \"t\\\"u\""],
        ["[a]: /x \"t\" \"u\""],
        ["[" + String(repeating: "x", count: 999) + "]: /x"],
        ["[" + String(repeating: "x", count: 1001) + "]: /x"],
        ["[a][r]", "[b]: /x"],
        ["[a]: /x", "[a][r]", "[b]: /y"],
        ["[a]: /x", "    [b]: /y"],
        ["[a]: \\(x", "[b]: /y"],
    ]

    @Test("the scan agrees with cmark asked about every prefix", arguments: crafted)
    func craftedParagraphs(_ lines: [String]) {
        let answers = Self.bothAnswers(lines)
        #expect(answers.scanned == answers.cmark, "\(lines)")
        #expect(answers.combined == answers.cmark, "\(lines)")
    }

    @Test("the scan agrees with cmark on every paragraph of the CommonMark spec that starts with '['")
    func specParagraphs() {
        var compared = 0
        for example in CommonMarkDifferentialTests.examples {
            var paragraph: [String] = []
            for line in example.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [""] {
                if line.trimmingSpaces.isEmpty {
                    if paragraph.first?.hasPrefix("[") == true {
                        let answers = Self.bothAnswers(paragraph)
                        // All lines taken (the appended one too) leaves it to cmark.
                        #expect(answers.scanned == answers.cmark || answers.scanned == paragraph.count + 1,
                                "example \(example.example): \(paragraph)")
                        #expect(answers.combined == answers.cmark, "example \(example.example): \(paragraph)")
                        compared += 1
                    }
                    paragraph = []
                } else {
                    paragraph.append(line)
                }
            }
        }
        if !CommonMarkDifferentialTests.examples.isEmpty { #expect(compared > 40) }
    }

    @Test("thousands of reference links after a definition keep their lines and columns")
    func longParagraph() {
        let count = 3000
        let body = "[r]: https://example.org/\n" + String(repeating: "[a][r] ", count: 1) + "\n"
            + String(repeating: "[a][r]\n", count: count)
        let (document, diagnostics) = MarkdownTestSupport.parse(body, frontMatter: MarkdownTestSupport.frontMatter)
        #expect(diagnostics.isEmpty)
        let links = document.links
        #expect(links.count == count + 1)
        #expect(links.first.map { "\($0.location.position)" } == "8:1")
        #expect(links.last.map { "\($0.location.position)" } == "\(8 + count):1")
        #expect(links.allSatisfy { $0.destination == "https://example.org/" })
    }

    @Test("a paragraph of thousands of reference links renders every one")
    func renderedLinks() {
        let count = 2000
        let html = MarkdownTestSupport.cmarkHTML(String(repeating: "[a][r]\n", count: count) + "\n[r]: /x\n")
        #expect(html == CmarkReference.html(String(repeating: "[a][r]\n", count: count) + "\n[r]: /x\n"))
    }
}

private extension String {
    var trimmingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}
