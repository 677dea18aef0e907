// vardplan without the command line, timed in process through VardplanCore's public API.
//
//   vardplan-inmemory site CONTENT TEMPLATES TODAY
//       `vardplan build` without the disk writes: SiteBuild.run into memory;
//   vardplan-inmemory markdown CONTENT
//       the Markdown stage alone, against the floor: every step file read first, then
//       front matter split + MarkdownParser.parse (the build's options: smart punctuation,
//       Swedish quotes) + MarkdownHTMLRenderer.renderUTF8 (a step page's heading base and
//       a link resolver that keeps every address; bytes, as the build writes them), once
//       on one thread and once on every core (ParallelMap).
//
// Prints one line of JSON. scripts/bench builds this as its own package in
// .build/bench/inmemory (the project's Package.swift is untouched).
import VardplanCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanDiagnostics
import VardplanFrontMatter
import VardplanMarkdown
import VardplanSystem

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func fail(_ message: String, status: Int32 = 1) -> Never {
    var line = "vardplan-inmemory: " + message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(status)
}

func json(_ fields: [(String, String)]) -> String {
    "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
}

let usage = "usage: vardplan-inmemory site CONTENT TEMPLATES YYYY-MM-DD | markdown CONTENT"

// MARK: - site

/// `vardplan build` into memory: SiteBuild.run with its in-memory page sink, the same
/// stages as the command (read, templates, model, Markdown and links per diagnosis,
/// render) without the staging folder and the writes.
func runSite(_ arguments: ArraySlice<String>) {
    let args = Array(arguments)
    guard args.count == 3, let today = SimpleDate(parsing: args[2]) else { fail(usage, status: 2) }
    let content = args[0], templates = args[1]
    let t0 = now()
    let result = SiteBuild.run(content: DiskFileSystem(root: content), contentDisplay: content,
                               templates: DiskFileSystem(root: templates), templatesDisplay: templates,
                               today: today, options: SiteRenderer.Options())
    let t1 = now()
    if result.diagnostics.hasErrors || result.files.isEmpty { fail("the build has errors; run vardplan build") }
    var htmlBytes = 0
    for file in result.files { htmlBytes += file.bytes.count }
    print(json([("files", "\(result.files.count)"), ("html_bytes", "\(htmlBytes)"), ("total_s", "\(t1 - t0)")]))
}

// MARK: - markdown

/// Step files below `root`: `.md` files whose names start with neither `_` nor `.`.
func stepFiles(_ root: String) -> [String] {
    var result: [String] = []
    guard let dir = opendir(root) else { return result }
    defer { closedir(dir) }
    var names: [(String, Bool)] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name.hasPrefix(".") { continue }
        names.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
    }
    for (name, isDirectory) in names.sorted(by: { $0.0 < $1.0 }) {
        let path = root + "/" + name
        if isDirectory {
            result += stepFiles(path)
        } else if name.hasSuffix(".md") && !name.hasPrefix("_") {
            result.append(path)
        }
    }
    return result
}

func readBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
        if n < buffer.count { break }
    }
    return bytes
}

/// Front matter split, Markdown parse and HTML render of one step, as `vardplan build`
/// parses and renders a step page's body; returns the HTML size.
@Sendable func renderStep(_ file: SourceFile) -> (body: Int, html: Int) {
    var diagnostics = Diagnostics()
    let split = FrontMatterSplitter.split(file, diagnostics: &diagnostics)
    let document = ContentFileParser.parseMarkdown(file, bodyRange: split.bodyRange, bodyFirstLine: split.bodyFirstLine,
                                                   language: "sv", diagnostics: &diagnostics)
    let configuration = MarkdownHTMLRenderer.Configuration(headingBase: 1, resolveLink: { _, _ in nil })
    // Bytes, as `vardplan build` renders a body into its page (BodyRenderer.renderUTF8):
    // no `String` is made of the HTML (the floor's cmark_markdown_to_html makes none either).
    let html = MarkdownHTMLRenderer(configuration: configuration).renderUTF8(document)
    return (split.bodyRange.count, html.count)
}

func runMarkdown(_ arguments: ArraySlice<String>) {
    guard arguments.count == 1, let root = arguments.first else { fail(usage, status: 2) }
    let t0 = now()
    let paths = stepFiles(root)
    var files: [SourceFile] = []
    files.reserveCapacity(paths.count)
    for path in paths {
        guard let bytes = readBytes(path) else { fail("cannot read \(path)") }
        files.append(SourceFile(path: path, bytes: bytes))
    }
    let t1 = now()
    var bodyBytes = 0, htmlBytes = 0
    for file in files {
        let (body, html) = renderStep(file)
        bodyBytes += body
        htmlBytes += html
    }
    let t2 = now()
    let parallel = ParallelMap.map(files, renderStep)
    let t3 = now()
    let parallelHTML = parallel.reduce(0) { $0 + $1.html }
    if parallelHTML != htmlBytes { fail("the parallel render differs from the serial one") }
    print(json([("files", "\(files.count)"), ("body_bytes", "\(bodyBytes)"), ("html_bytes", "\(htmlBytes)"),
                ("read_s", "\(t1 - t0)"), ("render_s", "\(t2 - t1)"), ("render_parallel_s", "\(t3 - t2)")]))
}

// MARK: - main

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "site": runSite(arguments.dropFirst())
case "markdown": runMarkdown(arguments.dropFirst())
default: fail(usage, status: 2)
}
