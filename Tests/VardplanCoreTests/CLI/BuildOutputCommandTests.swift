import Foundation
import Testing
@testable import VardplanCore

/// `vardplan build` and its output folder, run as a user would: the folders it may
/// replace, a symbolic link as the output, kill -9 in the middle of a swap, the lock.
@Suite("build and its output folder", .enabled(if: FileManager.default.isExecutableFile(atPath: BuildCLI.executable)))
struct BuildOutputCommandTests {
    @Test("a folder that is not a vardplan site is refused before anything is rendered, and kept whole")
    func homeFolderIsRefused() throws {
        let folder = try BuildCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let home = OutputScratch(existing: folder + "/home")
        home.file("Documents/letter.txt")
        home.file("photo.jpg")
        home.file(".bashrc")
        let run = try BuildCLI.run(["build", "--today", "2026-11-23", "--output", "home"], in: folder)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            vardplan: error: the output folder 'home' was not made by 'vardplan build' and holds 2 files and 1 folder \
            ('Documents/', 'photo.jpg'); a build would delete them. Give a new or empty folder with --output, or add \
            --force to replace its content (entries at its top whose names start with '.', such as '.git', are kept)

            """)
        #expect(home.files == [".bashrc", "Documents/letter.txt", "photo.jpg"])
        #expect(OutputScratch(existing: folder).names == ["content", "home", "templates"])

        let forced = try BuildCLI.run(["build", "--today", "2026-11-23", "--output", "home", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("(22 written, 0 unchanged, 2 removed)"), "\(forced.stdout)")
        #expect(home.read(".bashrc") == "x")
    }

    @Test("--output LINK builds into the folder the link points to; the link stays a link")
    func symlinkedOutput() throws {
        let folder = try BuildCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/www", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/site", withDestinationPath: "www")
        let first = try BuildCLI.run(["build", "--today", "2026-11-23", "--output", "site"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/site") == "www")
        #expect(FileManager.default.fileExists(atPath: folder + "/www/testcancer/behandling/cytostatika.html"))
        let second = try BuildCLI.run(["build", "--today", "2026-11-24", "--output", "site/"], in: folder)
        #expect(second.stdout.hasPrefix("built site/: 22 files (1 written, 21 unchanged, 0 removed)"), "\(second.stdout)")
        // The spare is beside the folder the link points to, as the staging folder was.
        #expect(OutputScratch(existing: folder).names == [".www.spare", "content", "site", "templates", "www"])
    }

    @Test("kill -9 between the two renames: the next build, even a failing one, puts the new site back; nothing complete is deleted")
    func killBetweenRenames() throws {
        let folder = try BuildCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try BuildCLI.run(["build", "--today", "2026-11-23"], in: folder).status == 0)
        let pid = try BuildCLI.killed(["build", "--today", "2026-11-24"], in: folder,
                                      environment: ["VARDPLAN_DEBUG_STOP_AT": "between-renames", "VARDPLAN_DEBUG_NO_EXCHANGE": "1"])
        let top = OutputScratch(existing: folder)
        #expect(top.names == [".output.lock", ".output.previous-\(pid)", ".output.staging-\(pid)", "content", "templates"])

        let step = folder + "/content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md"
        let good = try String(contentsOfFile: step, encoding: .utf8)
        try "---\ntitle: X\n---\n".write(toFile: step, atomically: true, encoding: .utf8)
        let failed = try BuildCLI.run(["build", "--today", "2026-11-25"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("vardplan: note: 'output' was missing after a stopped build; put back the complete copy '.output.staging-\(pid)'\n"))
        #expect(top.names == [".output.previous-\(pid)", "content", "output", "templates"])
        #expect(AbandonedBuilds.isComplete(folder + "/output"))
        #expect(AbandonedBuilds.isComplete(folder + "/.output.previous-\(pid)"))
        #expect(top.read("output/sitemap.xml") != nil)

        try good.write(toFile: step, atomically: true, encoding: .utf8)
        let next = try BuildCLI.run(["build", "--today", "2026-11-24"], in: folder)
        #expect(next.stdout.hasPrefix("output is up to date"), "\(next.stdout)")
        #expect(top.names == ["content", "output", "templates"])
    }

    @Test("the state kill -9 between two renames leaves, laid out by hand: a failing build deletes neither complete copy")
    func handMadeCrashState() throws {
        let folder = try BuildCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dead = OutputScratch.deadPID
        #expect(try BuildCLI.run(["build", "--today", "2026-11-23"], in: folder).status == 0)
        try FileManager.default.moveItem(atPath: folder + "/output", toPath: folder + "/older")
        #expect(try BuildCLI.run(["build", "--today", "2026-11-24"], in: folder).status == 0)
        try FileManager.default.moveItem(atPath: folder + "/output", toPath: folder + "/.output.staging-\(dead)")
        try FileManager.default.moveItem(atPath: folder + "/older", toPath: folder + "/.output.previous-\(dead)")
        try "---\ntitle: X\n---\n".write(toFile: folder + "/content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md",
                                       atomically: true, encoding: .utf8)
        let failed = try BuildCLI.run(["build", "--today", "2026-11-25"], in: folder)
        #expect(failed.status == 1)
        #expect(OutputScratch(existing: folder).names == [".output.previous-\(dead)", "content", "output", "templates"])
        #expect(AbandonedBuilds.isComplete(folder + "/output"))
        #expect(AbandonedBuilds.isComplete(folder + "/.output.previous-\(dead)"))
        #expect(FileManager.default.contents(atPath: folder + "/output/.vardplan-build")
                != FileManager.default.contents(atPath: folder + "/.output.previous-\(dead)/.vardplan-build"),
                "the newer copy (built for 2026-11-24) was put back")
    }

    @Test("kill -9 just before the exchange: the old site stays in place, whole")
    func killBeforeExchange() throws {
        let folder = try BuildCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try BuildCLI.run(["build", "--today", "2026-11-23"], in: folder).status == 0)
        try FileManager.default.createDirectory(atPath: folder + "/output/.git", withIntermediateDirectories: true)
        let pid = try BuildCLI.killed(["build", "--today", "2026-11-24"], in: folder,
                                      environment: ["VARDPLAN_DEBUG_STOP_AT": "before-swap"])
        let top = OutputScratch(existing: folder)
        #expect(top.names == [".output.lock", ".output.staging-\(pid)", "content", "output", "templates"])
        #expect(AbandonedBuilds.isComplete(folder + "/output"))
        let next = try BuildCLI.run(["build", "--today", "2026-11-24"], in: folder)
        #expect(next.status == 0)
        // The previous site is kept as the spare (without the user's .git, which moved on).
        #expect(top.names == [".output.spare", "content", "output", "templates"])
        #expect(FolderTree.kind(folder + "/.output.spare/.git") == nil)
        #expect(FolderTree.kind(folder + "/output/.git") == .folder)
    }

    @Test("a second build into an output that another holds fails at once")
    func lockedOutput() throws {
        let folder = try BuildCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let holder = try SiteWriter(outputPath: folder + "/output").begin()
        let run = try BuildCLI.run(["build", "--today", "2026-11-23"], in: folder)
        holder.abort()
        #expect(run.status == 1)
        #expect(run.stderr == "vardplan: error: another build into 'output' is running (process \(getpid())); run this one when it has finished\n")
        #expect(OutputScratch(existing: folder).names == ["content", "templates"])
    }
}

/// Runs the debug `vardplan` executable.
enum BuildCLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable: String = {
        let build = Fixtures.packageRoot + "/.build"
        var candidates: [String] = [build + "/debug/vardplan"]
        for platform in ((try? FileManager.default.contentsOfDirectory(atPath: build)) ?? []).sorted() {
            candidates.append(build + "/" + platform + "/debug/vardplan")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    /// A scratch folder with the fixture site as `content/` and the bundled templates.
    static func workspace() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-build-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder + "/content")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: folder + "/templates")
        return folder
    }

    private static func process(_ arguments: [String], in directory: String, environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        return process
    }

    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Run {
        let process = process(arguments, in: directory, environment: environment)
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

    /// Runs a build that stops itself (SIGSTOP) at a checkpoint, waits until it has
    /// stopped, and kills it with SIGKILL there. Returns its process id.
    static func killed(_ arguments: [String], in directory: String, environment: [String: String]) throws -> Int32 {
        let process = process(arguments, in: directory, environment: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "T" { break }
            if !process.isRunning { break }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                "the build was to stop at its checkpoint and be killed there")
        return pid
    }
}
