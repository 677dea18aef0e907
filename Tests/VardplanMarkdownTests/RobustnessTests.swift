import Foundation
import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics

/// Hostile or huge input must never crash: nesting beyond 32 levels is flattened with
/// one warning, and nothing recurses over cmark's tree.
@Suite("Robustness")
struct RobustnessTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var markdown: String
        var warnsAboutDepth: Bool
    }

    static let cases: [Case] = [
        Case(testDescription: "10 000 nested block quotes on one line",
             markdown: String(repeating: "> ", count: 10_000) + "djupt", warnsAboutDepth: true),
        Case(testDescription: "3 000 nested block quotes, one per line (4.5 MB)",
             markdown: (1...3_000).map { String(repeating: ">", count: $0) + " rad" }.joined(separator: "\n"),
             warnsAboutDepth: true),
        Case(testDescription: "10 000 nested list items on one line",
             markdown: String(repeating: "- ", count: 10_000) + "djupt", warnsAboutDepth: true),
        Case(testDescription: "1 000 list levels by indentation, with a table at the bottom",
             markdown: (0..<1_000).map { String(repeating: "  ", count: $0) + "- nivå \($0)" }.joined(separator: "\n")
                 + "\n" + String(repeating: "  ", count: 1_000) + "| a |\n" + String(repeating: "  ", count: 1_000) + "|---|",
             warnsAboutDepth: true),
        Case(testDescription: "20 000 nested emphasis markers",
             markdown: String(repeating: "*", count: 20_000) + "a" + String(repeating: "*", count: 20_000), warnsAboutDepth: true),
        Case(testDescription: "5 000 nested images", markdown: String(repeating: "![", count: 5_000) + "a" + String(repeating: "](b)", count: 5_000),
             warnsAboutDepth: true),
        Case(testDescription: "50 000 opening brackets", markdown: String(repeating: "[", count: 50_000), warnsAboutDepth: false),
        Case(testDescription: "a table of 10 000 rows",
             markdown: "| a | b |\n|---|---|\n" + String(repeating: "| *x* | [y](z) |\n", count: 10_000), warnsAboutDepth: false),
        Case(testDescription: "a row of 10 000 cells",
             markdown: String(repeating: "| a ", count: 10_000) + "|\n" + String(repeating: "|---", count: 10_000) + "|\n"
                 + String(repeating: "| `b` ", count: 10_000), warnsAboutDepth: false),
        Case(testDescription: "tables that end and restart 200 times inside one paragraph",
             markdown: String(repeating: "| a |\n|---|\n| 1 |\n|\n", count: 200), warnsAboutDepth: false),
        Case(testDescription: "a 2 MB paragraph", markdown: String(repeating: "ord och *mer* ord ", count: 110_000), warnsAboutDepth: false),
        Case(testDescription: "NUL bytes and broken UTF-8 survive", markdown: "a\u{0}b \u{FFFD} [x](\u{0})", warnsAboutDepth: false),
    ]

    @Test("no crash", arguments: cases)
    func noCrash(_ testCase: Case) {
        let (document, diagnostics) = MarkdownTestSupport.parse(testCase.markdown)
        let html = MarkdownHTMLRenderer().render(document).rawValue
        #expect(!html.isEmpty)
        _ = document.debugDescription
        let depthWarnings = diagnostics.all.filter { $0.message.contains("levels deep") }
        #expect(depthWarnings.count == (testCase.warnsAboutDepth ? 1 : 0))
    }

    @Test("invalid UTF-8 in the file")
    func invalidUTF8() {
        let file = SourceFile(path: "a.md", bytes: Array("a ".utf8) + [0xFF, 0xC3] + Array(" [x](y) | b |\n|---|---|\n| \u{00E5} |".utf8))
        var diagnostics = Diagnostics()
        let document = MarkdownParser.parse(file, diagnostics: &diagnostics)
        _ = MarkdownHTMLRenderer().render(document)
        #expect(document.blocks.count == 1)
    }

    @Test("flattening keeps the content")
    func flatteningKeepsContent() {
        let markdown = String(repeating: "> ", count: 100) + "djupt"
        let html = MarkdownTestSupport.html(markdown)
        #expect(html.contains("<p>djupt</p>"))
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == MarkdownParser.maximumBlockDepth)
    }

    /// A deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["|", " | ", "|---|", ":-:", "-", "---", "> ", ">", "- ", "1. ", "2) ", "*", "**", "_", "`", "``",
                         "[", "]", "(", ")", "![", "](x)", "[!AKUT]", "[!FOO] ", "\\|", "\\", "\"", "'", "<b>", "<!-- c -->",
                         "#", "## ", "===", "    ", "\t", " ", "  ", "\n", "\n", "\n\n", "å", "ord", "x", "&amp;", "~~~",
                         "```", "<https://a.se>", "[r]", "[r]: /u", "\r\n"]

    /// More seeds with `VARDPLAN_SOUP_SEEDS=n` (the default run uses one).
    static let soupSeeds: [UInt64] = {
        let extra = Int(ProcessInfo.processInfo.environment["VARDPLAN_SOUP_SEEDS"] ?? "") ?? 0
        return [20_251_123] + (0..<UInt64(max(0, extra))).map { 1_000 + $0 }
    }()

    @Test("random Markdown soup: no crash; links at their `[`; without raw HTML, cmark-compatible output equals cmark's",
          arguments: soupSeeds)
    func soup(seed: UInt64) {
        var generator = SplitMix(state: seed)
        var mismatches: [String] = []
        for _ in 0..<6_000 {
            var markdown = ""
            for _ in 0..<Int.random(in: 5...60, using: &generator) {
                markdown += Self.pieces.randomElement(using: &generator)!
            }
            let extended = MarkdownTestSupport.parse(markdown, frontMatter: MarkdownTestSupport.frontMatter)
            let problems = Self.positionProblems(extended.document, source: MarkdownTestSupport.frontMatter + markdown)
            if !problems.isEmpty, mismatches.count < 5 { mismatches.append("positions \(problems) in \(markdown.debugDescription)") }
            _ = MarkdownHTMLRenderer(configuration: MarkdownHTMLRenderer.Configuration(headingBase: 1, printLinkAddresses: true))
                .render(extended.document)
            _ = extended.document.debugDescription
            let plain = MarkdownTestSupport.parse(markdown, options: .cmarkCompatible)
            if MarkdownTestSupport.containsRawHTML(plain.document.blocks) { continue }
            let ours = CmarkCompatibleHTMLRenderer().render(plain.document)
            if ours != CmarkReference.html(markdown), mismatches.count < 5 { mismatches.append(markdown) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.map { $0.debugDescription })")
    }

    /// Links must point at their `[` (or `<` for autolinks), images at `!`, raw HTML at
    /// `<`, and every block inside its line.
    static func positionProblems(_ document: MarkdownDocument, source: String) -> [String] {
        // Lines as SourceFile sees them (split at \n only), columns in scalars.
        let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var problems: [String] = []
        func character(_ location: VardplanDiagnostics.SourceLocation) -> Unicode.Scalar? {
            let line = location.position.line, column = location.position.column
            guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count else { return nil }
            return lines[line - 1][column - 1]
        }
        func check(_ inlines: [MarkdownInline]) {
            for inline in inlines {
                switch inline {
                case .link(let destination, _, let children, let location):
                    let found = character(location)
                    if found != "[" && found != "<" { problems.append("link \(destination) @\(location.position)") }
                    check(children)
                case .image(_, _, let children, let location):
                    if character(location) != "!" { problems.append("image @\(location.position)") }
                    check(children)
                case .rawHTML(let raw, let location):
                    if character(location) != "<" { problems.append("html \(raw) @\(location.position)") }
                case .emphasis(let children), .strong(let children):
                    check(children)
                default:
                    break
                }
            }
        }
        func check(_ blocks: [MarkdownBlock]) {
            for block in blocks {
                let position = block.location.position
                if position.line < 1 || position.line > lines.count || position.column < 1
                    || position.column > lines[position.line - 1].count + 1 {
                    problems.append("block @\(position)")
                }
                switch block {
                case .paragraph(let inlines, _), .heading(_, let inlines, _):
                    check(inlines.elements)
                case .callout(_, let title, let children, _):
                    check(title?.elements ?? [])
                    check(children)
                case .table(let table):
                    for cell in table.header + table.rows.flatMap({ $0 }) { check(cell.inlines.elements) }
                default:
                    check(block.children)
                }
            }
        }
        check(document.blocks)
        return problems
    }
}
