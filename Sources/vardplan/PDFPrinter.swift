import Foundation
import VardplanCore
import VardplanDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Turns a printout into a PDF with headless Chromium, with page numbers in the table
/// of contents and after in-document references, bookmarks for modules, sections and
/// steps, the title, language and author set, and tags kept.
///
/// Chromium has no `target-counter`, so the printout is laid out, each heading's page is
/// read back from the PDF's named destinations (`pdfinfo -dests`, poppler-utils), and it
/// is laid out again with those numbers until they agree (`PageNumbers`); at most
/// `maximumLayouts` times, else it is printed without page numbers and a warning.
///
/// WeasyPrint is not used: it writes untagged PDFs (a screen reader cannot follow them),
/// drops the flex-laid "Namn:" line, and would need a second way to number pages.
///
/// The HTML goes through a private temporary folder (0700, files 0600, Chromium's
/// profile inside it) that is removed after, and on SIGINT, SIGTERM or SIGHUP together
/// with the engine's whole process group (`PrivateTemporaries`).
enum PDFPrinter {
    /// How the PDF came out.
    enum Outcome: Equatable {
        /// With page numbers in the contents and references.
        case complete
        /// Without page numbers: they did not settle in `maximumLayouts` layouts.
        case withoutPageNumbers
    }

    /// What one PDF is made from: the printout for given page numbers, the headings
    /// whose pages must agree, and the author for the PDF's metadata.
    struct Document {
        var render: (PageNumbers?) -> String?
        var headingIDs: [String]
        var author: String
    }

    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let maximumLayouts = 4

    /// Chromium and pdfinfo, if both are installed.
    static func engine() -> (chromium: String, pdfinfo: String)? {
        guard let chromium = chromiumNames.lazy.compactMap(find).first, let pdfinfo = find("pdfinfo") else { return nil }
        return (chromium, pdfinfo)
    }

    /// Why there is no engine, and what to install.
    static var missingEngine: Diagnostic {
        if chromiumNames.lazy.compactMap(find).first != nil { return .pdfEngineMissing(.pdfinfo) }
        if find("weasyprint") != nil { return .pdfEngineMissing(.onlyWeasyPrint) }
        return .pdfEngineMissing(.everything)
    }

    /// Makes the PDF, and says whether the page numbers had to be left out. Throws a
    /// `DiagnosticFailure` (or a file error) when it cannot.
    static func print(_ document: Document, to output: String) throws -> Outcome {
        guard let (chromium, pdfinfo) = engine() else { throw DiagnosticFailure(missingEngine) }
        let folder = try PrivateTemporaries.makeFolder()
        defer { PrivateTemporaries.removeFolder(folder) }
        let page = folder + "/plan.html"
        let pdf = folder + "/plan.pdf"
        let destinations = folder + "/destinations.txt"
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         "--generate-pdf-document-outline",
                         "--user-data-dir=" + folder + "/profile",
                         "--print-to-pdf=" + pdf, URL(fileURLWithPath: page).absoluteString]
        // The engine's own temporary files (Chromium's org.chromium.* folders with its
        // singleton socket) go inside the private folder too, so a kill leaves none
        // behind — unless that makes a socket path longer than Linux allows (108 bytes).
        let engineTemporary: String? = folder.utf8.count + "/org.chromium.Chromium.XXXXXX/SingletonSocket".utf8.count < 100 ? folder : nil

        func layout(_ numbers: PageNumbers?) throws -> [UInt8] {
            guard let html = document.render(numbers) else { throw DiagnosticFailure(.printoutNotRenderedAgain) }
            try? FileManager.default.removeItem(atPath: page)
            try? FileManager.default.removeItem(atPath: pdf)
            try PrivateTemporaries.guarded { try PrivateFile.create(page, bytes: Array(html.utf8)) }
            let status = try run(chromium, arguments, temporary: engineTemporary)
            guard status == 0, let bytes = FileManager.default.contents(atPath: pdf), !bytes.isEmpty else {
                throw DiagnosticFailure(.pdfNotMade(engine: (chromium as NSString).lastPathComponent, status: status))
            }
            return [UInt8](bytes)
        }
        func pages() throws -> [String: Int] {
            try? FileManager.default.removeItem(atPath: destinations)
            let status = try run(pdfinfo, ["-dests", pdf], temporary: nil, standardOutput: destinations)
            guard status == 0, let data = FileManager.default.contents(atPath: destinations) else {
                throw DiagnosticFailure(.pdfPagesNotRead(status: status))
            }
            return PageNumbers.parse(destinations: String(decoding: data, as: UTF8.self)).restricted(to: document.headingIDs)
        }

        var numbers = PageNumbers.firstLayout
        var bytes: [UInt8] = []
        var outcome = Outcome.complete
        var settled = false
        for _ in 1...maximumLayouts {
            bytes = try layout(numbers)
            let found = try pages()
            if found == numbers.restricted(to: document.headingIDs) { settled = true; break }
            numbers = PageNumbers(pages: found)
        }
        if !settled {
            bytes = try layout(nil)
            outcome = .withoutPageNumbers
        }
        try PrivateFile.write(PDFAuthor.adding(document.author, to: bytes) ?? bytes, to: output)
        return outcome
    }

    /// Runs the engine in a process group of its own (so a signal can kill all of it),
    /// with default signal handling, its output discarded and `TMPDIR` set to
    /// `temporary` when given. Returns its exit status.
    private static func run(_ executable: String, _ arguments: [String], temporary: String?, standardOutput: String? = nil) throws -> Int32 {
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
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? "/dev/null", standardOutput == nil ? O_WRONLY : O_WRONLY | O_CREAT | O_EXCL, 0o600)
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
            throw DiagnosticFailure(.engineNotStarted((executable as NSString).lastPathComponent, reason: String(cString: strerror(spawned))))
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
