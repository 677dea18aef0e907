import Foundation

/// Turns a printout into a PDF with headless Chromium, or WeasyPrint, when one is
/// installed. The HTML goes through a private temporary folder that is removed after.
enum PDFPrinter {
    struct Failure: Error {
        var message: String
    }

    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    static func print(html: String, to output: String) throws {
        let engines = chromiumNames.compactMap(find) .map { ("chromium", $0) } + (find("weasyprint").map { [("weasyprint", $0)] } ?? [])
        guard let (kind, executable) = engines.first else {
            throw Failure(message: "no PDF engine found; install headless Chromium (apt-get install chromium) or WeasyPrint (apt-get install weasyprint), or leave out --pdf to get HTML")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("plan.html")
        let pdf = folder.appendingPathComponent("plan.pdf")
        try Data(html.utf8).write(to: page)
        let arguments: [String]
        if kind == "chromium" {
            arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         "--user-data-dir=" + folder.appendingPathComponent("profile").path,
                         "--print-to-pdf=" + pdf.path, page.absoluteString]
        } else {
            arguments = [page.path, pdf.path]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let bytes = FileManager.default.contents(atPath: pdf.path), !bytes.isEmpty else {
            throw Failure(message: "\((executable as NSString).lastPathComponent) could not make the PDF (exit \(process.terminationStatus)); try without --pdf and print the HTML from a browser")
        }
        try AtomicFile.write([UInt8](bytes), to: output)
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
