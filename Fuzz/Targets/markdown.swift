// Fuzz target `markdown`: a content file as a step — front matter split and parsed, the
// body parsed with libcmark plus our extensions (pipe tables, callouts, Swedish quotes),
// then rendered to HTML the way a page renders it (links resolved, headings shifted;
// every other input also with printed link addresses, as in a printout). Raw HTML never
// reaches the output, so the HTML must hold no active content. And a differential: the
// whole input read as plain CommonMark (our parse, whose libcmark allocates in
// `CmarkArena`, and `CmarkCompatibleHTMLRenderer`) must give the HTML that libcmark's own
// `cmark_markdown_to_html` gives with its own allocator — for valid UTF-8 without `<`
// (raw HTML, which our renderer leaves out on purpose), nesting within 32 levels and no
// explicitly empty title.

@testable import VardplanCore
@testable import VardplanDiagnostics
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

    guard !file.bytes.contains(UInt8(ascii: "<")), let text = String(validating: file.bytes, as: UTF8.self) else { return }
    var diagnostics = Diagnostics()
    let plain = MarkdownParser.parse(file, options: .cmarkCompatible, diagnostics: &diagnostics)
    // Nesting beyond 32 levels is flattened on purpose (VP300); any message means the input
    // is one of those the differential tests leave out.
    guard diagnostics.isEmpty else { return }
    let ours = CmarkCompatibleHTMLRenderer().render(plain)
    let reference = CmarkReference.html(text)
    // libcmark writes `title=""` for an explicitly empty title (`[a](/u "")`); its API
    // gives "" for an empty title and for none, so ours can write neither differently.
    if reference.contains(" title=\"\"") { return }
    precondition(ours == reference, "plain CommonMark renders \(ours.debugDescription), libcmark \(reference.debugDescription)")
}
