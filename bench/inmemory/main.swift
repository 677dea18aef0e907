// vardplan's build without the command line and, unless asked, without the disk writes:
// the stages of `vardplan build` called through VardplanCore's public API, each timed.
//
//   vardplan-inmemory CONTENT TEMPLATES TODAY [OUTPUT]
//
// prints one line of JSON: seconds spent loading and checking the content (read,
// front matter, Markdown, model, links), loading the templates, rendering every page
// in memory and, with OUTPUT, writing them with SiteWriter. scripts/bench builds it as
// its own package in .build/bench/inmemory (the project's Package.swift is untouched).
import VardplanCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5, let today = SimpleDate(parsing: arguments[3]) else {
    fail("usage: vardplan-inmemory CONTENT TEMPLATES YYYY-MM-DD [OUTPUT]", status: 2)
}
let content = arguments[1], templates = arguments[2]
let output: String? = arguments.count == 5 ? arguments[4] : nil

let t0 = now()
var checked = ContentPipeline.run(fileSystem: DiskFileSystem(root: content), displayRoot: content, today: today)
let t1 = now()
let (library, assets) = TemplateFolderLoader(fileSystem: DiskFileSystem(root: templates), displayRoot: templates)
    .load(required: SiteRenderer.requiredTemplates, diagnostics: &checked.diagnostics)
let t2 = now()
guard let model = checked.model, !checked.diagnostics.hasErrors else {
    fail("the content or templates have errors; run vardplan check")
}
let (files, renderDiagnostics) = SiteRenderer(model: model, templates: library, assets: assets,
                                              options: SiteRenderer.Options()).render()
if renderDiagnostics.hasErrors { fail("rendering reported errors; run vardplan build") }
let t3 = now()
var writeSeconds = 0.0
if let output {
    do {
        _ = try SiteWriter(outputPath: output).write(files)
    } catch {
        fail("\(error)")
    }
    writeSeconds = now() - t3
}
var htmlBytes = 0
for file in files { htmlBytes += file.bytes.count }
let fields: [(String, String)] = [
    ("files", "\(files.count)"), ("html_bytes", "\(htmlBytes)"), ("content_s", "\(t1 - t0)"),
    ("templates_s", "\(t2 - t1)"), ("render_s", "\(t3 - t2)"), ("write_s", "\(writeSeconds)"),
    ("total_s", "\(now() - t0)"),
]
print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
