import Foundation
import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics

/// Throughput of parse + render on typical step texts. Runs only with
/// `VARDPLAN_BENCH=1` (use a release build:
/// `VARDPLAN_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter MarkdownBenchmark`).
@Suite("Markdown benchmark")
struct MarkdownBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["VARDPLAN_BENCH"] == "1"

    /// A step of roughly 150–600 words in the shape the writers use.
    static func step(_ number: Int) -> String {
        let sentence = "Många som får cytostatika mår illa de första dagarna efter behandlingen, men det går oftast över. "
        var text = "## Om illamående \(number)\n\n"
        for paragraph in 0..<(2 + number % 4) {
            text += String(repeating: sentence, count: 2 + (number + paragraph) % 3)
            text += "Läs mer i [råd om kost](steg:kost-\(paragraph)) eller på [1177](https://www.1177.se/illamaende). "
            text += "Ta *gärna* små portioner och \"drick ofta\" -- det hjälper.\n\n"
        }
        text += "> [!AKUT] Ring 112\n> Om du kräks blod eller inte kan hålla något nere.\n\n"
        text += "### Det här kan du göra\n\n"
        text += "- Ät **små** portioner ofta\n- Undvik starka dofter\n- Vila efter maten\n  men ligg inte platt\n\n"
        if number % 5 == 0 {
            text += "*Läkemedel mot illamående*\n| Dag | Läkemedel | Dos |\n|:----|:---------:|----:|\n"
            text += "| 1 | Ondansetron | 8 mg |\n| 2–3 | Metoklopramid | 10 mg |\n\n"
        }
        text += "> [!TIPS]\n> Ingefära kan lindra. Fråga din kontaktsjuksköterska.\n"
        return text
    }

    /// CPU time of this thread (the machine is shared; wall time is too noisy).
    static func cpuTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    @Test("parse + render throughput", .enabled(if: enabled))
    func throughput() {
        let files = (0..<2_000).map { SourceFile(path: "steg/\($0).md", text: MarkdownTestSupport.frontMatter + Self.step($0)) }
        let bytes = files.reduce(0) { $0 + $1.bytes.count - MarkdownTestSupport.frontMatter.utf8.count }
        let renderer = MarkdownHTMLRenderer(configuration: MarkdownHTMLRenderer.Configuration(headingBase: 1))
        var best = Double.infinity
        var htmlBytes = 0
        for _ in 0..<15 {
            let start = Self.cpuTime()
            htmlBytes = 0
            for file in files {
                var diagnostics = Diagnostics()
                let start = MarkdownTestSupport.frontMatter.utf8.count
                let document = MarkdownParser.parse(file, bodyRange: start..<file.bytes.count, bodyFirstLine: 7,
                                                    diagnostics: &diagnostics)
                htmlBytes += renderer.render(document).rawValue.utf8.count
            }
            best = min(best, Self.cpuTime() - start)
        }
        var parseBest = Double.infinity
        var documents: [MarkdownDocument] = []
        for _ in 0..<15 {
            let start = Self.cpuTime()
            documents = files.map { file in
                var diagnostics = Diagnostics()
                return MarkdownParser.parse(file, bodyRange: MarkdownTestSupport.frontMatter.utf8.count..<file.bytes.count,
                                            bodyFirstLine: 7, diagnostics: &diagnostics)
            }
            parseBest = min(parseBest, Self.cpuTime() - start)
        }
        var renderBest = Double.infinity
        for _ in 0..<15 {
            let start = Self.cpuTime()
            for document in documents { _ = renderer.render(document) }
            renderBest = min(renderBest, Self.cpuTime() - start)
        }
        print(String(format: "benchmark: parse %.1f MB/s, render %.1f MB/s (of Markdown)",
                     Double(bytes) / 1_000_000 / parseBest, Double(bytes) / 1_000_000 / renderBest))
        if let only = ProcessInfo.processInfo.environment["VARDPLAN_BENCH_OURS_ONLY"] {
            if only != "parse" {
                for _ in 0..<20 { for document in documents { _ = renderer.render(document) } }
            }
            if only == "render" { return }
            for _ in 0..<20 {
                for file in files {
                    var diagnostics = Diagnostics()
                    _ = MarkdownParser.parse(file, bodyRange: MarkdownTestSupport.frontMatter.utf8.count..<file.bytes.count,
                                             bodyFirstLine: 7, diagnostics: &diagnostics)
                }
            }
            return
        }
        var cmarkBest = Double.infinity
        let texts = (0..<2_000).map { Self.step($0) }
        for _ in 0..<15 {
            let start = Self.cpuTime()
            for text in texts { _ = CmarkReference.html(text) }
            cmarkBest = min(cmarkBest, Self.cpuTime() - start)
        }
        var cmarkParseBest = Double.infinity
        for _ in 0..<15 {
            let start = Self.cpuTime()
            for text in texts { CmarkReference.parseOnly(text, smartPunctuation: true) }
            cmarkParseBest = min(cmarkParseBest, Self.cpuTime() - start)
        }
        print(String(format: "benchmark: cmark_parse_document alone (smart, sourcepos): %.1f MB/s", Double(bytes) / 1_000_000 / cmarkParseBest))
        let megabytes = Double(bytes) / 1_000_000
        print(String(format: "benchmark: %.2f MB of Markdown (2000 steps, %d words avg) in %.3f s: %.1f MB/s parse+render (%d bytes of HTML); cmark_markdown_to_html alone: %.1f MB/s",
                     megabytes, bytes / 2000 / 7, best, megabytes / best, htmlBytes, megabytes / cmarkBest))
    }
}
