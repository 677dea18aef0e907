import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// A copy of the bundled templates with `print.mustache` replaced.
private func templates(print: String) throws -> (DiskFileSystem, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-templates-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: folder)
    try print.write(toFile: folder + "/print.mustache", atomically: true, encoding: .utf8)
    return (DiskFileSystem(root: folder), folder)
}

@Suite("print: no render path drops a diagnostic")
struct PrintJobTests {
    @Test("a print template that includes itself fails the print with the template's error, and gives no printout")
    func selfIncludingTemplate() throws {
        let (fileSystem, folder) = try templates(print: "<p>{{#modules}}{{title}}{{/modules}}</p>{{> print}}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = PrintJob.run(
            manifest: Fixtures.manifest("fresh.yaml"), content: DiskFileSystem(root: Fixtures.siteContent), contentDisplay: "site",
            templates: fileSystem, templatesDisplay: "templates",
            today: Fixtures.today, largePrint: false)
        #expect(result.html == nil)
        let errors = result.diagnostics.all.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location?.path == "templates/print.mustache")
        #expect(errors.first?.message.contains("includes itself without end") == true)
    }

    @Test("the bundled print template renders with no diagnostic")
    func bundledTemplate() throws {
        let result = PrintJob.run(
            manifest: Fixtures.manifest("treatment.yaml"), content: DiskFileSystem(root: Fixtures.siteContent), contentDisplay: "site",
            templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, largePrint: false)
        #expect(result.html != nil)
        #expect(result.diagnostics.all.filter { $0.severity == .error }.isEmpty)
    }

    @Test("one job prints many manifests, loading the templates once; a refused one does not stop the next")
    func manyPlans() {
        let job = PrintJob(content: DiskFileSystem(root: Fixtures.siteContent), contentDisplay: "site",
                           templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                           today: Fixtures.today, largePrint: false)
        let bad = SourceFile(path: "bad.yaml", text: "diagnosis: testcancer\nstart_date: 2026-09-01\nshow: [nope]\n")
        let results = [Fixtures.manifest("fresh.yaml"), bad, Fixtures.manifest("treatment.yaml")].map(job.print)
        #expect(results.map { $0.html != nil } == [true, false, true])
    }
}
