// Fuzz target `markdown`: a content file as a step — front matter split and parsed, the
// body parsed with libcmark plus our extensions (pipe tables, callouts, Swedish quotes),
// then rendered to HTML the way a page renders it (links resolved, headings shifted;
// every other input also with printed link addresses, as in a printout). Raw HTML never
// reaches the output, so the HTML must hold no active content.

@testable import VardplanCore
@testable import VardplanMarkdown

func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    let file = fuzzSourceFile(data, size, path: "content/diagnoses/fuzz/steg.md")
    let parsed = ContentFileParser.parse(file, language: "sv")
    checkDiagnostics(parsed.diagnostics, in: file)
    let configuration = BodyRenderer.configuration(
        headingBase: 1, printLinkAddresses: size % 2 == 1, labels: [:],
        resolve: { destination, _ in destination.hasPrefix("/") ? "../" + destination : nil })
    let html = MarkdownHTMLRenderer(configuration: configuration).renderUTF8(parsed.body)
    checkNoActiveContent(String(decoding: html, as: UTF8.self), what: "step body")
}
