import Foundation
import Testing
import VardplanCore

/// `check --format text|json|github` and `--strict`, run as a CI job would run them.
private struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

private let executable: String = {
    let build = Fixtures.packageRoot + "/.build"
    var candidates: [String] = [build + "/debug/vardplan"]
    let platforms: [String] = (try? FileManager.default.contentsOfDirectory(atPath: build)) ?? []
    for platform in platforms.sorted() { candidates.append(build + "/" + platform + "/debug/vardplan") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
}()

private func vardplan(_ arguments: [String], in directory: String) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}

/// A scratch folder with the fixture site as `content/`, and the templates.
private func workspace() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-format-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder + "/content")
    try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: folder + "/templates")
    return folder
}

/// A file that is not content: a warning, with `,` and `:` in its path.
private func addStrayFile(_ folder: String) throws {
    try "".write(toFile: folder + "/content/diagnoses/testcancer/anteckningar,v2:utkast.txt", atomically: true, encoding: .utf8)
}

/// The fixture site broken so that `check` finds errors, warnings and a note; messages
/// and paths hold `%`, quotes, `,`, `:` and non-ASCII letters.
private func breakSite(_ folder: String) throws {
    let bilder = folder + "/content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md"
    try "---\ntitle: Datortomografi – DT\nvis%ible\"x\",y: true\nphases: [utredning]\n---\n\nDu får röntga dig.\n"
        .write(toFile: bilder, atomically: true, encoding: .utf8)
    let aterbesok = folder + "/content/diagnoses/testcancer/08-uppfoljning/01-kontroller/01-aterbesok.md"
    try "---\ntitle: Återbesök\ntitle: Igen\n---\n\nHej <b>där</b>.\n".write(toFile: aterbesok, atomically: true, encoding: .utf8)
    try addStrayFile(folder)
}

private let arguments = ["check", "--today", "2026-11-23"]

@Suite("check --format and --strict", .enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
struct CheckFormatTests {
    @Test("json and github print the diagnostics, and only them, on stdout; the summary goes to stderr; exit 1 on errors")
    func goldens() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try breakSite(folder)
        let json = try vardplan(arguments + ["--format", "json"], in: folder)
        let github = try vardplan(arguments + ["--format", "github"], in: folder)
        let text = try vardplan(arguments, in: folder)
        let strict = try vardplan(arguments + ["--strict"], in: folder)
        #expect([json.status, github.status, text.status, strict.status] == [1, 1, 1, 1])
        for run in [json, github] {
            #expect(run.stderr == "check failed: 2 errors, 3 warnings\n")
        }
        #expect(text.stdout.isEmpty && strict.stdout.isEmpty)
        Golden.check([OutputFile(path: "check.json", bytes: Array(json.stdout.utf8)),
                      OutputFile(path: "check.github", bytes: Array(github.stdout.utf8)),
                      OutputFile(path: "check.txt", bytes: Array(text.stderr.utf8)),
                      OutputFile(path: "check-strict.txt", bytes: Array(strict.stderr.utf8))],
                     folder: "check-formats")
    }

    @Test("json output is one JSON document that a JSON reader takes, with every field of every diagnostic")
    func jsonParses() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try breakSite(folder)
        let run = try vardplan(arguments + ["--format=json"], in: folder)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let objects = try #require(parsed)
        #expect(objects.count == 5)
        for object in objects {
            #expect(Set(object.keys) == ["file", "line", "column", "end", "severity", "code", "message", "notes"])
        }
        let messages = objects.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.hasPrefix("unknown key 'vis%ible\"x\",y'") })
        let notes = objects.compactMap { $0["notes"] as? [[String: Any]] }.flatMap { $0 }
        #expect(notes.map { $0["message"] as? String } == ["'title' is first defined here"])
    }

    @Test("good content: json prints [] and github nothing on stdout; the summary is on stderr; exit 0")
    func goodContent() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let json = try vardplan(arguments + ["--format", "json"], in: folder)
        let github = try vardplan(arguments + ["--format", "github"], in: folder)
        #expect(json.status == 0 && github.status == 0)
        #expect(json.stdout == "[]\n")
        #expect(github.stdout == "")
        #expect(json.stderr.hasPrefix("checked content: 1 diagnosis, 6 modules, 6 sections, 8 steps,"))
        #expect(github.stderr == json.stderr)
    }

    @Test("--strict: a warning fails the check (exit 1) and prints as an error; without warnings it passes",
          arguments: [(true, false, 0), (true, true, 1), (false, true, 0), (false, false, 0)])
    func strict(warning: Bool, strict: Bool, status: Int32) throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if warning { try addStrayFile(folder) }
        let run = try vardplan(arguments + (strict ? ["--strict"] : []), in: folder)
        #expect(run.status == status)
        let path = "content/diagnoses/testcancer/anteckningar,v2:utkast.txt"
        let message = "'anteckningar,v2:utkast.txt' is ignored; this folder holds module folders and '_diagnosis.md'"
        switch (warning, strict) {
        case (true, true):
            #expect(run.stderr == "\(path):1:1: error: \(message)\ncheck failed: 1 error, 0 warnings\n")
        case (true, false):
            #expect(run.stderr == "\(path):1:1: warning: \(message)\n")
            #expect(run.stdout.contains("(0 errors, 1 warning)"))
        default:
            #expect(run.stderr.isEmpty)
        }
    }

    @Test("build --strict: a warning fails the build and nothing is written")
    func buildStrict() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try addStrayFile(folder)
        let run = try vardplan(["build", "--today", "2026-11-23", "--strict"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("build failed: 1 error, 0 warnings; nothing was written to output\n"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/output"))
        let plain = try vardplan(["build", "--today", "2026-11-23"], in: folder)
        #expect(plain.status == 0)
        // The site is up to date now, built with the warning: --strict still fails on it.
        let again = try vardplan(["build", "--today", "2026-11-23", "--strict"], in: folder)
        #expect(again.status == 1)
    }

    @Test("usage errors are text on stderr whatever --format says, with nothing on stdout, and exit 2",
          arguments: [
            (["--format", "json", "--strcit"], "vardplan: error: unknown option '--strcit'; did you mean '--strict'?\n"),
            (["--format", "xml"], "vardplan: error: 'xml' given to '--format' is not text, json or github\n"),
            (["--format", "github", "--today", "23-11-2026"], "vardplan: error: '23-11-2026' given to '--today' is not a date; write YYYY-MM-DD\n"),
            (["--format", "json", "extra"], "vardplan: error: unexpected argument 'extra'\n"),
            (["--strict=yes"], "vardplan: error: option '--strict' takes no value\n"),
          ])
    func usageErrors(extra: [String], stderr: String) throws {
        let run = try vardplan(["check"] + extra, in: Fixtures.root)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == stderr)
    }
}
