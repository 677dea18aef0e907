import Testing
import VardplanDiagnostics
import VardplanHTML
@testable import VardplanMarkdown

/// `HTMLEscaper` (and the Markdown writer through it) escapes text on bytes, scanning
/// eight at a time; it must agree with escaping scalar by scalar wherever the special
/// byte falls.
@Suite("HTML escaping in the Markdown writer")
struct HTMLEscapingTests {
    @Test("every byte at every offset of a word and its tail: found exactly when it is & < > \"")
    func specialBytesAtEveryOffset() {
        for length in [1, 7, 8, 9, 15, 16, 17] {
            for offset in 0..<length {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[offset] = UInt8(value)
                    let expected = value == 0x26 || value == 0x3C || value == 0x3E || value == 0x22
                    let found = bytes.withUnsafeBufferPointer { HTMLSpecialBytes.occur(in: $0) }
                    #expect(found == expected, "byte \(value) at \(offset) of \(length)")
                }
            }
        }
    }

    /// `& < > "` replaced scalar by scalar: the definition.
    static func reference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test("text is escaped scalar by scalar, by HTMLEscaper and in Markdown", arguments: [
        "Åsa & Örjan", "a<b>c", "\"citat\" och 'apostrof'", "inget att byta ut här, bara å ä ö",
        "&&&&&&&&&&", "12345678<", "<12345678", "ü\u{301}&é",
    ])
    func textMatchesHTMLEscaper(_ text: String) {
        let document = MarkdownDocument(blocks: [.paragraph([.text(text)], location: .wholeFile("x.md"))],
                                        location: .wholeFile("x.md"), sourcePath: "x.md")
        let html = MarkdownHTMLRenderer().render(document).rawValue
        #expect(HTMLEscaper.escape(text) == Self.reference(text))
        #expect(html == "<p>" + Self.reference(text) + "</p>\n")
    }

    @Test("accessible names from a strings file are escaped in their attributes: callout, table, scale")
    func labelsAreEscaped() {
        var diagnostics = Diagnostics()
        let file = SourceFile(path: "x.md", text: """
            > [!AKUT] Ring 112

            | A | B |
            |---|---|
            | 1 | 2 |

            ```skala 0-3
            0: Ingen
            ```
            """)
        let document = MarkdownParser.parse(file, diagnostics: &diagnostics)
        var configuration = MarkdownHTMLRenderer.Configuration()
        configuration.labels = ["callout_akut": "Akut \"nu\"", "table": "Tabell & data", "scale_from": "Från <", "scale_to": "till \""]
        let html = MarkdownHTMLRenderer(configuration: configuration).render(document).rawValue
        #expect(html.contains("aria-label=\"Akut &quot;nu&quot;\""))
        #expect(html.contains("aria-label=\"Tabell &amp; data\""))
        #expect(html.contains("aria-label=\"Från &lt; 0 till &quot; 3\""))
        #expect(!html.contains("Tabell & data"))
    }
}
