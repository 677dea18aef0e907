import Testing
@testable import VardplanMarkdown

/// The shallowest heading in a body becomes `headingBase + 1`; deeper headings keep
/// their distance from it, capped at h6.
@Suite("Heading levels")
struct HeadingShiftTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var headingBase: Int
        var markdown: String
        /// The levels written, in document order.
        var levels: [Int]
    }

    static let cases: [Case] = [
        Case(testDescription: "a step page: ### becomes h2", headingBase: 1, markdown: "### A\n\n#### B", levels: [2, 3]),
        Case(testDescription: "a printout under an h4 step title: ### becomes h5", headingBase: 4,
             markdown: "### A\n\n#### B", levels: [5, 6]),
        Case(testDescription: "capped at h6", headingBase: 4, markdown: "# A\n\n## B\n\n### C\n\n#### D", levels: [5, 6, 6, 6]),
        Case(testDescription: "the shallowest level counts even when it comes later", headingBase: 1,
             markdown: "#### A\n\n## B", levels: [4, 2]),
        Case(testDescription: "headings inside callouts and lists count", headingBase: 2,
             markdown: "> [!INFO]\n> ## A\n\n- ### B", levels: [3, 4]),
        Case(testDescription: "setext headings", headingBase: 1, markdown: "A\n===\n\nB\n---", levels: [2, 3]),
        Case(testDescription: "base 0: the shallowest becomes h1", headingBase: 0, markdown: "## A\n\n### B", levels: [1, 2]),
    ]

    @Test("levels", arguments: cases)
    func levels(_ testCase: Case) {
        let html = MarkdownTestSupport.html(testCase.markdown,
                                            configuration: MarkdownHTMLRenderer.Configuration(headingBase: testCase.headingBase))
        #expect(Self.levels(in: html) == testCase.levels)
    }

    @Test("cmark-compatible mode does not shift")
    func noShift() {
        let document = MarkdownTestSupport.parse("### A\n\n# B").document
        #expect(CmarkCompatibleHTMLRenderer().render(document) == "<h3>A</h3>\n<h1>B</h1>\n")
    }

    static func levels(in html: String) -> [Int] {
        var levels: [Int] = []
        var rest = Substring(html)
        while let range = rest.range(of: "<h") {
            let after = rest[range.upperBound...]
            if let digit = after.first, let level = digit.wholeNumberValue { levels.append(level) }
            rest = after
        }
        return levels
    }
}
