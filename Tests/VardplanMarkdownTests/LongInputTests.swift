import Testing
@testable import VardplanMarkdown

/// Inputs that are long in one direction (rows, lines, breaks) keep every position
/// right. Their time is measured by the benchmark (`scripts/bench pathological`), not
/// here; each shape once cost time quadratic in its length.
@Suite("Long inputs")
struct LongInputTests {
    @Test("a table of thousands of rows with a link in each: every link on its own row")
    func longTable() throws {
        let rows = 3000
        let body = "| a | b |\n|---|---|\n" + String(repeating: "| x [l](m) | ö |\n", count: rows)
        let (document, diagnostics) = MarkdownTestSupport.parse(body, frontMatter: MarkdownTestSupport.frontMatter)
        #expect(diagnostics.isEmpty)
        guard case .table(let table)? = document.blocks.first else {
            Issue.record("no table")
            return
        }
        #expect(table.rows.count == rows)
        let links = document.links
        #expect(links.count == rows)
        #expect(links.first.map { "\($0.location.position)" } == "9:5")
        #expect(links.last.map { "\($0.location.position)" } == "\(8 + rows):5")
    }

    @Test("thousands of backslash hard breaks: the link after them on its line")
    func manyHardBreaks() {
        let count = 3000
        let body = String(repeating: "rad\\\n", count: count) + "sist [l](m)\n"
        let (document, _) = MarkdownTestSupport.parse(body, frontMatter: MarkdownTestSupport.frontMatter)
        #expect(document.links.map { "\($0.location.position)" } == ["\(7 + count):6"])
    }

    @Test("thousands of links whose titles continue on the next line: each at its own line")
    func titlesAcrossLines() {
        let count = 2000
        let body = String(repeating: "[a](b\n\"t\") ", count: count) + "\n"
        let (document, _) = MarkdownTestSupport.parse(body, frontMatter: MarkdownTestSupport.frontMatter)
        let positions = document.links.map { "\($0.location.position)" }
        #expect(positions.count == count)
        #expect(positions.first == "7:1")
        // Each link starts on the line where the previous one's title ends, after `"t") `.
        #expect(positions.last == "\(7 + count - 1):6")
    }
}
