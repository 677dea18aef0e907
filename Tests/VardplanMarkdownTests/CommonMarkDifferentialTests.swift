import Testing
@testable import VardplanMarkdown

/// Every example of the CommonMark 0.30 spec without raw HTML: our parse and render in
/// cmark-compatible mode equals `cmark_markdown_to_html` byte for byte, and equals the
/// spec's HTML wherever cmark's does.
///
/// Examples with raw HTML are skipped: we keep raw HTML out of the output on purpose
/// (cmark writes `<!-- raw HTML omitted -->` instead).
@Suite("CommonMark differential",
       .enabled(if: MarkdownTestSupport.hasConformance("commonmark/spec-0.30.json"),
                "../shared/conformance/commonmark/spec-0.30.json is missing"))
struct CommonMarkDifferentialTests {
    static let examples = MarkdownTestSupport.examples("commonmark/spec-0.30.json")

    @Test("the spec is complete (the suite is skipped when it is missing)")
    func suitePresent() {
        #expect(Self.examples.count == 652)
    }

    @Test("our HTML equals cmark's", arguments: examples)
    func matchesCmark(_ example: MarkdownTestSupport.SpecExample) {
        let parsed = MarkdownTestSupport.parse(example.markdown, options: .cmarkCompatible)
        guard !MarkdownTestSupport.containsRawHTML(parsed.document.blocks) else { return }
        let ours = CmarkCompatibleHTMLRenderer().render(parsed.document)
        let cmark = CmarkReference.html(example.markdown)
        #expect(ours == cmark)
        if cmark == example.html {
            #expect(ours == example.html)
        }
    }

    @Test("counts: compared, skipped for raw HTML, equal to the spec")
    func counts() {
        guard !Self.examples.isEmpty else { return }
        var compared = 0, rawHTML = 0, equalToCmark = 0, equalToSpec = 0, cmarkEqualsSpec = 0
        for example in Self.examples {
            let parsed = MarkdownTestSupport.parse(example.markdown, options: .cmarkCompatible)
            if MarkdownTestSupport.containsRawHTML(parsed.document.blocks) {
                rawHTML += 1
                continue
            }
            compared += 1
            let ours = CmarkCompatibleHTMLRenderer().render(parsed.document)
            let cmark = CmarkReference.html(example.markdown)
            if ours == cmark { equalToCmark += 1 }
            if cmark == example.html { cmarkEqualsSpec += 1 }
            if ours == example.html { equalToSpec += 1 }
        }
        print("CommonMark 0.30: \(compared) compared (\(rawHTML) skipped for raw HTML); \(equalToCmark) equal to cmark; cmark equals the spec in \(cmarkEqualsSpec), we in \(equalToSpec)")
        #expect(equalToCmark == compared)
        #expect(equalToSpec >= cmarkEqualsSpec)
    }

    @Test("consecutive examples joined into one document also equal cmark's")
    func pairs() {
        guard Self.examples.count > 1 else { return }
        var compared = 0
        var mismatches: [Int] = []
        for index in 0..<(Self.examples.count - 1) {
            for separator in ["\n", "\n\n"] {
                let markdown = Self.examples[index].markdown + separator + Self.examples[index + 1].markdown
                let parsed = MarkdownTestSupport.parse(markdown, options: .cmarkCompatible)
                if MarkdownTestSupport.containsRawHTML(parsed.document.blocks) { continue }
                compared += 1
                let ours = CmarkCompatibleHTMLRenderer().render(parsed.document)
                if ours != CmarkReference.html(markdown) { mismatches.append(Self.examples[index].example) }
            }
        }
        print("CommonMark 0.30 pairs: \(compared) compared, \(mismatches.count) different")
        #expect(mismatches.isEmpty, "examples joined with the next: \(mismatches)")
    }

    @Test("with our extensions on, documents without tables or callouts are still cmark's")
    func extensionsAreInvisible() {
        guard !Self.examples.isEmpty else { return }
        var compared = 0, withExtensions = 0
        var mismatches: [Int] = []
        for example in Self.examples {
            let parsed = MarkdownTestSupport.parse(example.markdown, options: MarkdownParser.Options(smartPunctuation: false))
            if MarkdownTestSupport.containsRawHTML(parsed.document.blocks) { continue }
            let dump = parsed.document.debugDescription
            if dump.contains("─ Table") || dump.contains("─ Callout") || dump.contains("─ Checklist")
                || dump.contains("─ WritingLines") || dump.contains("─ Scale") {
                withExtensions += 1
                continue
            }
            compared += 1
            let ours = CmarkCompatibleHTMLRenderer().render(parsed.document)
            if ours != CmarkReference.html(example.markdown) { mismatches.append(example.example) }
        }
        print("CommonMark 0.30 with extensions on: \(compared) compared, \(withExtensions) contain a table, callout, checklist or form block")
        #expect(mismatches.isEmpty, "examples: \(mismatches)")
    }
}
