import Foundation
import Testing

/// `vardplan print` and `manifest new` run as a nurse would, checked for where patient
/// data can go: never into a public site, never onto the terminal, never left behind
/// in a temporary file, and never half written.
private let executable: String = {
    let build = Fixtures.packageRoot + "/.build"
    var candidates: [String] = [build + "/debug/vardplan"]
    let platforms: [String] = (try? FileManager.default.contentsOfDirectory(atPath: build)) ?? []
    for platform in platforms.sorted() {
        candidates.append(build + "/" + platform + "/debug/vardplan")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
}()

private struct Finished {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Starts `vardplan` in `directory` with extra environment; the caller waits.
private func start(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) throws
    -> (Process, Pipe, Pipe) {
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
    return (process, out, err)
}

private func finish(_ started: (Process, Pipe, Pipe)) -> Finished {
    let (process, out, err) = started
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Finished(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                    stderr: String(decoding: errData, as: UTF8.self))
}

private func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Finished {
    finish(try start(arguments, in: directory, environment: environment))
}

/// A scratch folder with the fixture site as `content/`, the bundled templates and the fixture manifests.
private func scratch() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-print-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder + "/content")
    try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: folder + "/templates")
    for name in ["fresh.yaml", "treatment.yaml", "forms.json"] {
        try FileManager.default.copyItem(atPath: Fixtures.manifests + "/" + name, toPath: folder + "/" + name)
    }
    return folder
}

/// Every file under `folder`, as paths relative to it.
private func files(under folder: String) -> [String] {
    (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
}

private func permissions(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

private let today = "2026-11-23"

@Suite("print: where patient data may go", .enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
struct PrintSafetyTests {
    @Test("no printout lands in a public site, however the path reaches it", arguments: [
        "LINK/plan.html", "other/../output/plan.html", "LINK/deep/../plan.html", "L2/../plan.html", "elsewhere/site/sub/plan.html",
    ])
    func publicSiteRefused(output: String) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try run(["build", "--today", today], in: folder).status == 0)
        #expect(try run(["build", "--today", today, "--output", "elsewhere/site"], in: folder).status == 0)
        try FileManager.default.createDirectory(atPath: folder + "/other", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/output/deep", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/elsewhere/site/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/LINK", withDestinationPath: "output")
        try FileManager.default.createSymbolicLink(atPath: folder + "/L2", withDestinationPath: "output/deep")
        let before = files(under: folder + "/output") + files(under: folder + "/elsewhere")
        let printed = try run(["print", "fresh.yaml", "-o", output, "--today", today], in: folder)
        #expect(printed.status == 2)
        #expect(printed.stderr.contains("has the build stamp .vardplan-build); a printout holds patient data"), "\(printed.stderr)")
        #expect(files(under: folder + "/output") + files(under: folder + "/elsewhere") == before)
    }

    @Test("print -o ../output/plan.html from another folder is refused (the site output is resolved, not compared as text)")
    func siteOutputFromAnotherFolder() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/plans", withIntermediateDirectories: true)
        // No build yet: only the default --site-output (./output, from the current folder) protects it.
        let printed = try run(["print", "../fresh.yaml", "-o", "../output/plan.html", "--site-output", "../output",
                               "--content", "../content", "--templates", "../templates", "--today", today], in: folder + "/plans")
        #expect(printed.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder + "/output/plan.html"))
    }

    @Test("manifest new -o output/… is refused")
    func manifestNewIntoSite() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try run(["manifest", "new", "testcancer", "-o", "output/plan.yaml", "--today", today], in: folder)
        #expect(written.status == 2)
        #expect(written.stderr.contains("a manifest holds patient data"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/output/plan.yaml"))
    }

    @Test("the printout and a new manifest are private (0600)")
    func privateFiles() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try run(["print", "treatment.yaml", "-o", "plan.html", "--today", today], in: folder).status == 0)
        #expect(try permissions(folder + "/plan.html") == 0o600)
        #expect(try run(["manifest", "new", "testcancer", "-o", "new.yaml", "--today", today], in: folder).status == 0)
        #expect(try permissions(folder + "/new.yaml") == 0o600)
        #expect(try String(contentsOfFile: folder + "/new.yaml", encoding: .utf8).contains("start_date: \(today)"))
    }

    @Test("a self-including print template fails the print and writes nothing")
    func templateErrorFails() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "<p>{{#modules}}{{title}}{{/modules}}</p>{{> print}}".write(toFile: folder + "/templates/print.mustache",
                                                                        atomically: true, encoding: .utf8)
        let printed = try run(["print", "treatment.yaml", "-o", "plan.html", "--today", today], in: folder)
        #expect(printed.status == 1)
        #expect(printed.stderr.contains("templates/print.mustache:1:"), "\(printed.stderr)")
        #expect(printed.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/plan.html"))
    }

    @Test("nothing the manifest says reaches stdout or stderr, whatever is wrong with it")
    func nothingOnTheTerminal() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let payload = "Zqxmarker 19121212-1212"
        let manifests = [
            "diagnosis: testcancer\nstart_date: \(payload)\ncontacts:\n  - name: A\n    role: B\n    nite: \(payload)\n",
            "diagnosis: testcancer\nstart_date: 2026-09-01\nmodules:\n  zqxmarker-19121212-1212: aktuell\nshow: [zqxmarker-19121212-1212]\n",
            "diagnosis: zqxmarker-19121212-1212\nstart_date: 2026-09-01\n",
            "diagnosis: testcancer\nstart_date: 2026-09-01\nwelcome: \"a\" \(payload)\n",
            "{\"diagnosis\": \"testcancer\", \"start_date\": \"2026-09-01\", \"\(payload)\": zqxmarker}",
            "diagnosis: testcancer\nstart_date: 2026-09-01\ncontacts:\n  - name: \(payload)\n    role: B\n    phone: \(payload)\n",
            "diagnosis: testcancer\nstart_date: 2026-09-01\ncontent_version: \"\(payload)\"\nlanguage: \(payload)\n",
        ]
        for (index, text) in manifests.enumerated() {
            let name = "plan\(index).\(text.hasPrefix("{") ? "json" : "yaml")"
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            let printed = try run(["print", name, "--today", today], in: folder)
            let terminal = printed.stdout + printed.stderr
            #expect(!printed.stderr.isEmpty, "\(name): no diagnostic")
            #expect(!terminal.lowercased().contains("zqxmarker") && !terminal.contains("1212-1212"), "\(name): \(terminal)")
        }
    }

    @Test("at start, temporaries of dead vardplan processes are removed; those of running ones are kept")
    func leftoversRemoved() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let temporary = folder + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary + "/vardplan-999999-0000/profile", withIntermediateDirectories: true)
        try "plan".write(toFile: temporary + "/vardplan-999999-0000/plan.html", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: temporary + "/vardplan-1-0000", withIntermediateDirectories: true)
        try "plan".write(toFile: folder + "/.vardplan-print-999999-plan.html.tmp", atomically: false, encoding: .utf8)
        try "mine".write(toFile: folder + "/.unrelated.999999.tmp", atomically: false, encoding: .utf8)
        let printed = try run(["print", "treatment.yaml", "-o", "plan.html", "--today", today], in: folder,
                              environment: ["TMPDIR": temporary])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(files(under: temporary) == ["vardplan-1-0000"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/.vardplan-print-999999-plan.html.tmp"))
        #expect(FileManager.default.fileExists(atPath: folder + "/.unrelated.999999.tmp"))
    }

    @Test("SIGINT, SIGTERM or SIGHUP during print --pdf kills the engine, removes every temporary, exits 128+N",
          arguments: [SIGINT, SIGTERM, SIGHUP])
    func signalDuringPDF(signal: Int32) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let temporary = folder + "/tmp", fake = folder + "/fake"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: fake, withIntermediateDirectories: true)
        // A PDF engine that records its process id and then takes its time, and a pdfinfo beside
        // it (never reached: `--pdf` only asks that it exists), so that the test does not depend
        // on poppler-utils being installed.
        try "#!/bin/sh\necho $$ > \(fake)/pid\nexec sleep 60\n".write(toFile: fake + "/chromium", atomically: true, encoding: .utf8)
        try "#!/bin/sh\nexit 1\n".write(toFile: fake + "/pdfinfo", atomically: true, encoding: .utf8)
        for tool in ["chromium", "pdfinfo"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake + "/" + tool)
        }
        let started = try start(["print", "treatment.yaml", "--pdf", "-o", "plan.pdf", "--today", today], in: folder,
                                environment: ["TMPDIR": temporary, "PATH": fake + ":/usr/bin:/bin"])
        var waited = 0
        while !FileManager.default.fileExists(atPath: fake + "/pid"), waited < 200 {
            usleep(50_000)
            waited += 1
        }
        Thread.sleep(forTimeInterval: 0.1)
        // While the engine runs, the page is in a private folder.
        let inside = files(under: temporary)
        #expect(inside.contains { $0.hasSuffix("/plan.html") }, "\(inside)")
        if let page = inside.first(where: { $0.hasSuffix("/plan.html") }) {
            #expect(try permissions(temporary + "/" + page) == 0o600)
            #expect(try permissions(temporary + "/" + (page as NSString).deletingLastPathComponent) == 0o700)
        }
        kill(started.0.processIdentifier, signal)
        let finished = finish(started)
        #expect(finished.status == 128 + signal)
        #expect(files(under: temporary).isEmpty, "\(files(under: temporary))")
        #expect(!FileManager.default.fileExists(atPath: folder + "/plan.pdf"))
        #expect(!files(under: folder).contains { $0.hasSuffix(".tmp") })
        let enginePID = pid_t((try? String(contentsOfFile: fake + "/pid", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        usleep(100_000)
        #expect(enginePID > 0 && kill(enginePID, 0) != 0, "the PDF engine still runs")
    }

    @Test("SIGTERM while real Chromium prints leaves nothing in $TMPDIR, not even Chromium's own folders",
          .enabled(if: (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
              .contains { FileManager.default.isExecutableFile(atPath: "\($0)/chromium") }))
    func signalDuringChromium() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Short, as a real $TMPDIR is: Chromium's socket path must stay under 108 bytes.
        let temporary = "/tmp/vp-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let started = try start(["print", "treatment.yaml", "--pdf", "-o", "plan.pdf", "--today", today], in: folder,
                                environment: ["TMPDIR": temporary])
        var waited = 0
        while !files(under: temporary).contains(where: { $0.hasSuffix("profile") }), waited < 200 {
            usleep(20_000)
            waited += 1
        }
        usleep(300_000)
        kill(started.0.processIdentifier, SIGTERM)
        let finished = finish(started)
        if finished.status == 0 { return }  // Chromium was faster than the signal: nothing to check.
        #expect(finished.status == 128 + SIGTERM)
        usleep(300_000)
        #expect(files(under: temporary).isEmpty, "\(files(under: temporary))")
    }

    @Test("many plans in one run: each to DIR/<name>.html; one refused does not stop the others; exit 1")
    func manyPlans() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "diagnosis: testcancer\nstart_date: 2026-09-01\nshow: [nope]\n".write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let printed = try run(["print", "fresh.yaml", "bad.yaml", "treatment.yaml", "forms.json", "--out-dir", "plans", "--today", today],
                              in: folder)
        #expect(printed.status == 1)
        #expect(printed.stdout.hasPrefix("printed 3 of 4 plans into plans; 1 refused"), "\(printed.stdout)")
        #expect(printed.stderr.contains("bad.yaml:3:8: error: there is no step with this id"))
        #expect(files(under: folder + "/plans") == ["forms.html", "fresh.html", "treatment.html"])
        let good = try run(["print", "fresh.yaml", "treatment.yaml", "--out-dir", "plans2", "--today", today], in: folder)
        #expect(good.status == 0)
        #expect(try permissions(folder + "/plans2") == 0o700)
        #expect(try permissions(folder + "/plans2/fresh.html") == 0o600)
    }

    @Test("--out-dir inside a public site is refused before anything is printed")
    func manyPlansIntoSite() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try run(["build", "--today", today, "--output", "site"], in: folder).status == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/plans", withDestinationPath: "site")
        let printed = try run(["print", "fresh.yaml", "treatment.yaml", "--out-dir", "plans/new", "--today", today], in: folder)
        #expect(printed.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder + "/site/new"))
    }
}
