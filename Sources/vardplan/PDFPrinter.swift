import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a printout into a PDF with headless Chromium, or WeasyPrint, when one is
/// installed. The HTML goes through a private temporary folder (0700, files 0600,
/// Chromium's profile inside it) that is removed after, and on SIGINT, SIGTERM or
/// SIGHUP together with the engine's whole process group (`PrivateTemporaries`).
enum PDFPrinter {
    struct Failure: Error {
        var message: String
    }

    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The engine to use, if one is installed: its kind and executable.
    static func engine() -> (kind: String, executable: String)? {
        if let chromium = chromiumNames.lazy.compactMap(find).first { return ("chromium", chromium) }
        return find("weasyprint").map { ("weasyprint", $0) }
    }

    static let missingEngine = Failure(message: "no PDF engine found; install headless Chromium (apt-get install chromium) or WeasyPrint (apt-get install weasyprint), or leave out --pdf to get HTML")

    static func print(html: String, to output: String) throws {
        guard let (kind, executable) = engine() else { throw missingEngine }
        let folder = try PrivateTemporaries.makeFolder()
        defer { PrivateTemporaries.removeFolder(folder) }
        let page = folder + "/plan.html"
        let pdf = folder + "/plan.pdf"
        try PrivateTemporaries.guarded { try PrivateFile.create(page, bytes: Array(html.utf8)) }
        let arguments: [String]
        if kind == "chromium" {
            arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         "--user-data-dir=" + folder + "/profile",
                         "--print-to-pdf=" + pdf, URL(fileURLWithPath: page).absoluteString]
        } else {
            arguments = [page, pdf]
        }
        // The engine's own temporary files (Chromium's org.chromium.* folders with its
        // singleton socket) go inside the private folder too, so a kill leaves none
        // behind — unless that makes a socket path longer than Linux allows (108 bytes).
        let engineTemporary: String? = folder.utf8.count + "/org.chromium.Chromium.XXXXXX/SingletonSocket".utf8.count < 100 ? folder : nil
        let status = try run(executable, arguments, temporary: engineTemporary)
        guard status == 0, let bytes = FileManager.default.contents(atPath: pdf), !bytes.isEmpty else {
            throw Failure(message: "\((executable as NSString).lastPathComponent) could not make the PDF (exit \(status)); try without --pdf and print the HTML from a browser")
        }
        try PrivateFile.write([UInt8](bytes), to: output)
    }

    /// Runs the engine in a process group of its own (so a signal can kill all of it),
    /// with default signal handling, its output discarded and `TMPDIR` set to
    /// `temporary` when given. Returns its exit status.
    private static func run(_ executable: String, _ arguments: [String], temporary: String?) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var environment = ProcessInfo.processInfo.environment
        if let temporary { environment["TMPDIR"] = temporary }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = PrivateTemporaries.guarded { () -> Int32 in
            let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            if result == 0 { PrivateTemporaries.setEngineGroupLocked(pid) }
            return result
        }
        guard spawned == 0 else {
            throw Failure(message: "cannot start \((executable as NSString).lastPathComponent) (\(String(cString: strerror(spawned))))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        PrivateTemporaries.setEngineGroup(0)
        // Anything the engine left running in its group goes with it.
        kill(-pid, SIGKILL)
        let exited = status & 0x7F == 0
        return exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    private static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
