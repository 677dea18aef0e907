import Foundation
import Testing

/// Runs the real `vardplan` executable, as a user would.
private struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

private let executable: String = {
    let build = Fixtures.packageRoot + "/.build"
    var candidates: [String] = [build + "/debug/vardplan"]
    let platforms: [String] = (try? FileManager.default.contentsOfDirectory(atPath: build)) ?? []
    for platform in platforms.sorted() {
        candidates.append(build + "/" + platform + "/debug/vardplan")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
}()

private func vardplan(_ arguments: [String], in directory: String, path: String? = nil) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let path {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path
        process.environment = environment
    }
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

/// A scratch folder holding a copy of the fixture site as `content/` and the bundled templates.
private func workspace() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder + "/content")
    try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: folder + "/templates")
    return folder
}

@Suite("The command line", .enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
struct CommandLineTests {
    @Test("check prints a summary and exits 0 on good content")
    func checkGood() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try vardplan(["check", "--today", "2026-11-23"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("checked content: 1 diagnosis, 6 modules, 6 sections, 8 steps,"))
    }

    @Test("check prints every problem and exits 1 on a broken tree")
    func checkBroken() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let step = folder + "/content/diagnoses/testcancer/08-uppfoljning/01-kontroller/01-aterbesok.md"
        try "---\ntitel: X\nvisible: ja\n---\n\nSe [x](steg:finns-inte).\n".write(toFile: step, atomically: true, encoding: .utf8)
        let run = try vardplan(["check", "--today", "2026-11-23"], in: folder)
        #expect(run.status == 1)
        let path = "content/diagnoses/testcancer/08-uppfoljning/01-kontroller/01-aterbesok.md"
        #expect(run.stderr == """
            \(path):1:1: error: missing required key 'title'; add a line 'title: Magnetkameraundersökning – MR' to the front matter
            \(path):2:1: error: unknown key 'titel'; did you mean 'title'?
            \(path):3:10: error: 'visible' must be true or false, found 'ja'
            \(path):6:4: error: there is no step 'finns-inte' in this diagnosis
            check failed: 4 errors, 0 warnings

            """)
    }

    @Test("a mistyped option gets a suggestion and exit 2")
    func badOption() throws {
        let run = try vardplan(["build", "--ouput", "x"], in: Fixtures.root)
        #expect(run.status == 2)
        #expect(run.stderr == "vardplan: error: unknown option '--ouput'; did you mean '--output'?\n")
    }

    @Test("build writes the site; a second build rewrites nothing; a failed build leaves it as it was")
    func buildTwice() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try vardplan(["build", "--today", "2026-11-23"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/output/testcancer/behandling/cytostatika.html"))
        let second = try vardplan(["build", "--today", "2026-11-23"], in: folder)
        #expect(second.stdout.hasPrefix("output is up to date: nothing changed since the last build"), "\(second.stdout)")
        let forced = try vardplan(["build", "--today", "2026-11-23", "--force"], in: folder)
        #expect(forced.stdout.contains("(0 written,"), "\(forced.stdout)")

        let page = folder + "/output/index.html"
        let before = try String(contentsOfFile: page, encoding: .utf8)
        try "---\ntitle: X\n---\n".write(toFile: folder + "/content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md",
                                       atomically: true, encoding: .utf8)
        let failed = try vardplan(["build", "--today", "2026-11-23"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("nothing was written to output"))
        #expect(try String(contentsOfFile: page, encoding: .utf8) == before)
    }

    @Test("manifest new writes the nurse's start, which prints; it never replaces a file")
    func manifestNewThenPrint() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let new = try vardplan(["manifest", "new", "testcancer", "-o", "plan.yaml", "--today", "2026-11-23"], in: folder)
        #expect(new.status == 0, "\(new.stderr)")
        let again = try vardplan(["manifest", "new", "testcancer", "-o", "plan.yaml"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("is not replaced"))
        let printed = try vardplan(["print", "plan.yaml", "-o", "plan.html", "--today", "2026-11-23"], in: folder)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/plan.html"))
    }

    @Test("a printout is never written into the public site's output folder")
    func printRefusesOutputFolder() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.manifests + "/fresh.yaml", toPath: folder + "/fresh.yaml")
        let run = try vardplan(["print", "fresh.yaml", "-o", "output/plan.html", "--today", "2026-11-23"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("must never be written into the public site"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/output/plan.html"))
    }

    @Test("print stops on a bad manifest, names the place, and writes nothing")
    func printBadManifest() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "diagnosis: testcancer\nmodules:\n  behandling: klar\nwhat_matters: 19121212-1212\nstart_date: 2026-09-01\n"
            .write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let run = try vardplan(["print", "bad.yaml", "--today", "2026-11-23"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.yaml:3:15: error: unknown module status; write aktuell, kommande or avklarad"))
        #expect(!run.stderr.contains("klar'"))
        #expect(run.stderr.contains("bad.yaml:4:15: error: this looks like a personal identity number"))
        #expect(!run.stderr.contains("19121212"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/bad.html"))
    }

    @Test("--pdf without Chromium or WeasyPrint says how to install one, and writes nothing")
    func pdfWithoutEngine() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.manifests + "/fresh.yaml", toPath: folder + "/fresh.yaml")
        let run = try vardplan(["print", "fresh.yaml", "--pdf", "--today", "2026-11-23"], in: folder, path: "/nonexistent")
        #expect(run.status == 1)
        #expect(run.stderr.contains("no PDF engine found; install headless Chromium (apt-get install chromium)"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/fresh.pdf"))
    }

    @Test("--pdf prints through headless Chromium: every visible step title, none of the hidden",
          .enabled(if: tool("chromium") != nil && tool("pdftotext") != nil))
    func pdfThroughChromium() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.manifests + "/treatment.yaml", toPath: folder + "/plan.yaml")
        let run = try vardplan(["print", "plan.yaml", "--pdf", "-o", "plan.pdf", "--today", "2026-11-23"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let text = Process()
        text.executableURL = URL(fileURLWithPath: tool("pdftotext")!)
        text.arguments = [folder + "/plan.pdf", "-"]
        let pipe = Pipe()
        text.standardOutput = pipe
        try text.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        text.waitUntilExit()
        let pdf = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        // treatment.yaml: utredning avklarad, behandling and uppföljning aktuell, aterbesok hidden,
        // ny-medicinsk-bedomning shown.
        for title in ["Vad är viktigt för mig just nu?", "Cytostatika", "Patientlagen", "Ny medicinsk bedömning"] {
            #expect(pdf.contains(title), "'\(title)' is missing from the PDF")
        }
        for title in ["Datortomografi – DT", "Magnetkameraundersökning – MR", "Återbesök", "Uppföljning och nästa steg"] {
            #expect(!pdf.contains(title), "'\(title)' is hidden but in the PDF")
        }
    }
}

/// The path of a program on PATH, if installed.
private func tool(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}
