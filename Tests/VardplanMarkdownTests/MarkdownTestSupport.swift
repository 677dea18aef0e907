import Foundation
import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics

/// Helpers shared by the Markdown tests.
enum MarkdownTestSupport {
    /// Six lines of front matter: a body after it starts on line 7.
    static let frontMatter = "---\ntitle: Illamående\nid: illamaende\nkind: steg\ntags: [ett, två]\n---\n"

    /// Parses `body` as the body of a file whose front matter is `frontMatter`.
    static func parse(_ body: String, frontMatter: String = "", options: MarkdownParser.Options = MarkdownParser.Options(),
                      path: String = "steg/illamaende.md") -> (document: MarkdownDocument, diagnostics: Diagnostics) {
        let file = SourceFile(path: path, text: frontMatter + body)
        let start = frontMatter.utf8.count
        let firstLine = frontMatter.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        var diagnostics = Diagnostics()
        let document = MarkdownParser.parse(file, bodyRange: start..<file.bytes.count, bodyFirstLine: firstLine,
                                            options: options, diagnostics: &diagnostics)
        return (document, diagnostics)
    }

    /// Parses and renders.
    static func html(_ markdown: String, options: MarkdownParser.Options = MarkdownParser.Options(),
                     configuration: MarkdownHTMLRenderer.Configuration = MarkdownHTMLRenderer.Configuration()) -> String {
        let document = parse(markdown, options: options).document
        return MarkdownHTMLRenderer(configuration: configuration).render(document).rawValue
    }

    /// Parses (plain CommonMark unless told otherwise) and renders as libcmark does.
    static func cmarkHTML(_ markdown: String, options: MarkdownParser.Options = .cmarkCompatible) -> String {
        CmarkCompatibleHTMLRenderer().render(parse(markdown, options: options).document)
    }

    /// Diagnostics as `line:col: severity: message` lines.
    static func describe(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.sorted.map { diagnostic in
            let position = diagnostic.location.map { "\($0.position)" } ?? "-"
            return "\(position): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
    }

    /// `../shared/conformance/<relative>` from the package root (the directory with
    /// `Package.swift` above this file), when it exists. No other place is looked in.
    static func conformanceFile(_ relative: String, filePath: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let file = directory.deletingLastPathComponent()
                    .appendingPathComponent("shared/conformance").appendingPathComponent(relative)
                return FileManager.default.fileExists(atPath: file.path) ? file : nil
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Whether every named conformance file is there; suites that need them are
    /// disabled (reported as skipped) when one is missing.
    static func hasConformance(_ relatives: String...) -> Bool {
        relatives.allSatisfy { conformanceFile($0) != nil }
    }

    /// One example of a spec JSON file (CommonMark, GFM).
    struct SpecExample: Sendable, Decodable, CustomTestStringConvertible {
        var markdown: String
        var html: String
        var example: Int
        var section: String
        var testDescription: String { "example \(example) (\(section))" }
    }

    static func examples(_ relative: String) -> [SpecExample] {
        guard let url = conformanceFile(relative), let data = try? Data(contentsOf: url),
              let examples = try? JSONDecoder().decode([SpecExample].self, from: data) else {
            print("note: conformance suite '\(relative)' not found; its tests are skipped")
            return []
        }
        return examples
    }

    /// Whether a parsed document contains raw HTML anywhere.
    static func containsRawHTML(_ blocks: [MarkdownBlock]) -> Bool {
        blocks.contains { block in
            switch block {
            case .htmlBlock: return true
            case .paragraph(let inlines, _), .heading(_, let inlines, _): return containsRawHTML(inlines.elements)
            case .callout(_, let title, let children, _):
                return containsRawHTML(title?.elements ?? []) || containsRawHTML(children)
            case .table(let table):
                return (table.header + table.rows.flatMap { $0 }).contains { containsRawHTML($0.inlines.elements) }
            default: return containsRawHTML(block.children)
            }
        }
    }

    static func containsRawHTML(_ inlines: [MarkdownInline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .rawHTML: return true
            case .emphasis(let children), .strong(let children): return containsRawHTML(children)
            case .link(_, _, let children, _), .image(_, _, let children, _): return containsRawHTML(children)
            default: return false
            }
        }
    }
}
