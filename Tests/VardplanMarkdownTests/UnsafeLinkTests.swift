import Testing
@testable import VardplanMarkdown

/// Addresses that could run a script or reach into the reader's computer are errors at
/// the address, not links that silently do nothing.
@Suite("Unsafe link addresses")
struct UnsafeLinkTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var body: String
        var expected: [String]
    }

    static let script = "address runs a script, so it is published as an empty address; "
        + "link to a web page ('https://…') or a step ('steg:…') instead"

    static let cases: [Case] = [
        Case(testDescription: "javascript: in an inline link", body: "Läs [här](javascript:alert(1)).",
             expected: ["7:11: error: a link to 'javascript:alert(1)': a 'javascript:' " + script]),
        Case(testDescription: "upper case, on the second line of a list item",
             body: "- ett\n  två [x](JavaScript:alert(1))",
             expected: ["8:11: error: a link to 'JavaScript:alert(1)': a 'javascript:' " + script]),
        Case(testDescription: "vbscript: in an autolink", body: "Se <vbscript:msgbox>",
             expected: ["7:5: error: a link to 'vbscript:msgbox': a 'vbscript:' " + script]),
        Case(testDescription: "file: in a link", body: "[fil](file:///etc/passwd)",
             expected: ["7:7: error: a link to 'file:///etc/passwd': a 'file:' address points into the reader's own "
                 + "computer, so it is published as an empty address; link to a web page ('https://…') or a step ('steg:…') instead"]),
        Case(testDescription: "data: in a link", body: "[x](data:text/html,<script>)",
             expected: ["7:5: error: a link to 'data:text/html,<script>': a 'data:' address carries its content inside "
                 + "the link and could run a script, so it is published as an empty address; put the file in the "
                 + "templates' 'assets/' folder or link to a web page"]),
        Case(testDescription: "data: in an image that is not a picture", body: "![x](data:image/svg+xml,<svg>)",
             expected: ["7:6: error: an image to 'data:image/svg+xml,<svg>': a 'data:' address carries its content "
                 + "inside the link and could run a script, so it is published as an empty address; put the file in "
                 + "the templates' 'assets/' folder or link to a web page"]),
        Case(testDescription: "a reference link: at the link when the definition is elsewhere",
             body: "Se [här][s].\n\n[s]: javascript:void(0)",
             expected: ["7:4: error: a link to 'javascript:void(0)': a 'javascript:' " + script]),
        Case(testDescription: "in a table cell, reported once", body: "| a |\n|---|\n| [x](javascript:x) |",
             expected: ["9:7: error: a link to 'javascript:x': a 'javascript:' " + script]),
        Case(testDescription: "safe addresses are not reported",
             body: "[a](https://x.se) [b](steg:x) [c](mailto:a@b.se) [d](tel:1177) ![e](data:image/png;base64,AAAA) [f](javascript)",
             expected: []),
    ]

    @Test(arguments: cases)
    func reported(_ testCase: Case) {
        let (_, diagnostics) = MarkdownTestSupport.parse(testCase.body, frontMatter: MarkdownTestSupport.frontMatter)
        #expect(MarkdownTestSupport.describe(diagnostics).filter { !$0.contains("warning") } == testCase.expected)
    }
}
