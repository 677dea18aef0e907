import Foundation
import Testing

/// The workbench commands run as a user would: `--version`, `new`, `diff`, colour.
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

private func vardplan(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
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

private func workspace() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-wb-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder + "/content")
    try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder + "/old")
    return folder
}

@Suite("Workbench commands", .enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
struct WorkbenchCommandTests {
    @Test("--version names vardplan's version and libcmark's")
    func version() throws {
        let run = try vardplan(["--version"], in: "/")
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^vardplan \d+\.\d+\.\d+ \(libcmark \d+\.\d+\.\d+\)\n$"#, options: .regularExpression) != nil)
    }

    @Test("new step writes the next prefix with valid front matter, and check passes")
    func newStep() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let section = "content/diagnoses/testcancer/04-utredning/01-bilder"
        let run = try vardplan(["new", "step", section + "/ultraljud", "Ultraljud"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == "wrote \(section)/03-ultraljud.md\n")
        #expect(try String(contentsOfFile: folder + "/" + section + "/03-ultraljud.md", encoding: .utf8)
            == "---\ntitle: \"Ultraljud\"\n---\n\nSkriv stegets text här.\n")
        #expect(try vardplan(["check", "--today", "2026-11-23"], in: folder).status == 0)
        let again = try vardplan(["new", "step", section + "/ultraljud", "Igen"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr == "vardplan: error: 'ultraljud' already exists; choose another name\n")
        let kind = try vardplan(["new", "page", section + "/x", "X"], in: folder)
        #expect(kind.status == 2)
        #expect(kind.stderr == "vardplan: error: 'page' given to 'new' is not step, section or module\n")
    }

    @Test("diff prints text and JSON; --write-changes records the entry under the new version")
    func diff() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let diagnosis = folder + "/content/diagnoses/testcancer/_diagnosis.md"
        let text = try String(contentsOfFile: diagnosis, encoding: .utf8)
        try text.replacingOccurrences(of: "\nversion: \"2025.2\"", with: "\nversion: \"2026.1\"").write(toFile: diagnosis, atomically: true, encoding: .utf8)
        let step = folder + "/content/diagnoses/testcancer/04-utredning/01-bilder/02-magnetkamera.md"
        try (String(contentsOfFile: step, encoding: .utf8) + "\nEn ny mening.\n").write(toFile: step, atomically: true, encoding: .utf8)

        let run = try vardplan(["diff", "old", "content", "--today", "2026-11-23"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == "testcancer (2025.2 → 2026.1)\n  changed  step     utredning/bilder/magnetkamera: body\n")
        let json = try vardplan(["diff", "old", "content", "--format", "json", "--today", "2026-11-23"], in: folder)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let first = (parsed?["diagnoses"] as? [[String: Any]])?.first
        #expect((first?["changes"] as? [String: Any])?["changed"] as? [String] == ["magnetkamera"])

        let write = try vardplan(["diff", "old", "content", "--write-changes", "--today", "2026-11-23"], in: folder)
        #expect(write.status == 0)
        #expect(write.stdout.hasSuffix("wrote changes for 2026.1 to content/diagnoses/testcancer/_diagnosis.md: 1 changed, 0 removed\n"))
        #expect(try String(contentsOfFile: diagnosis, encoding: .utf8).contains("  - version: \"2026.1\"\n    changed: [magnetkamera]\n    removed: []\n"))
        #expect(try vardplan(["check", "--today", "2026-11-23"], in: folder).status == 0)
    }

    @Test("diagnostics are never coloured when piped, even on a colour terminal type")
    func noColourInPipes() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let step = folder + "/content/diagnoses/testcancer/04-utredning/01-bilder/02-magnetkamera.md"
        try "---\ntitle: MR\nvisibel: true\n---\n\nText.\n".write(toFile: step, atomically: true, encoding: .utf8)
        let run = try vardplan(["check", "--today", "2026-11-23"], in: folder, environment: ["TERM": "xterm-256color"])
        #expect(run.status == 1)
        #expect(run.stderr.contains(": error: unknown key 'visibel'"))
        #expect(!run.stderr.contains("\u{1B}["))
    }

    @Test("on a terminal labels are coloured, except with NO_COLOR or TERM=dumb",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnTerminal() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let step = folder + "/content/diagnoses/testcancer/04-utredning/01-bilder/02-magnetkamera.md"
        try "---\ntitle: MR\nvisibel: true\n---\n\nText.\n".write(toFile: step, atomically: true, encoding: .utf8)
        // script(1) gives the command a pseudo-terminal and copies what it printed.
        func onTerminal(_ environment: [String: String]) throws -> String {
            let command = "\(executable) check --today 2026-11-23"
            var clean = ["NO_COLOR": "", "TERM": "xterm-256color"]
            for (key, value) in environment { clean[key] = value }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
            var full = ProcessInfo.processInfo.environment
            for (key, value) in clean { full[key] = value }
            process.environment = full
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try onTerminal([:]).contains(": \u{1B}[1;31merror:\u{1B}[0m unknown key 'visibel'"))
        #expect(!(try onTerminal(["NO_COLOR": "1"])).contains("\u{1B}["))
        #expect(!(try onTerminal(["TERM": "dumb"])).contains("\u{1B}["))
    }
}
