import Foundation
import Testing
@testable import VardplanCore

/// What the preview rebuilds after a change: only what the change touches, with the
/// same pages as a full build.
@Suite("Preview rebuilds", .serialized)
final class PreviewBuilderTests {
    let folder: String
    let step = "content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-rebuild-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.siteContent, toPath: folder + "/content")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: folder + "/templates")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    private func builder() -> PreviewBuilder {
        PreviewBuilder(settings: .init(content: folder + "/content", templates: folder + "/templates", today: Fixtures.today))
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = URL(fileURLWithPath: folder + "/" + path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("which changes rebuild what", arguments: [
        ("content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md", "body", "1 step of 'testcancer'"),
        ("content/diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md", "title", "diagnosis 'testcancer'"),
        ("content/diagnoses/testcancer/04-utredning/_module.md", "title", "diagnosis 'testcancer'"),
        ("content/diagnoses/testcancer/_diagnosis.md", "title", "everything"),
        ("content/general/10-mina-rattigheter/01-lagar/01-patientlagen.md", "body", "everything"),
        ("content/site.yaml", "title", "everything"),
        ("templates/step.mustache", "body", "everything"),
    ])
    func scopes(path: String, what: String, scope: String) throws {
        let preview = builder()
        _ = preview.buildAll()
        if what == "body" {
            try edit(path) { $0 + "\nEn ny mening.\n" }
        } else {
            try edit(path) { $0.replacingOccurrences(of: "title: ", with: "title: Ny ") }
        }
        let outcome = preview.rebuild(changed: [path])
        #expect(outcome.scope == scope)
        #expect(!outcome.diagnostics.hasErrors)
        // Whatever was rebuilt, the pages are those of a build from scratch.
        let fresh = builder().buildAll()
        #expect(outcome.pages.keys.sorted() == fresh.pages.keys.sorted())
        for (page, bytes) in fresh.pages { #expect(outcome.pages[page] == bytes, "\(page)") }
    }

    @Test("a body-only change renders that step page and the overviews, not the other steps")
    func bodyOnlyRendersLittle() throws {
        let preview = builder()
        let first = preview.buildAll()
        try edit(step) { $0 + "\nEn ny mening.\n" }
        let outcome = preview.rebuild(changed: [step])
        // Not rendered: the other 7 step pages of the diagnosis (general ones included)
        // and the 4 shared files (start page, 404, sitemap, stylesheet).
        #expect(outcome.pagesRendered == first.pages.count - 7 - 4)
        #expect(outcome.pages["testcancer/utredning/datortomografi.html"].map { String(decoding: $0, as: UTF8.self).contains("En ny mening.") } == true)
    }

    @Test("an error fixed, a step added and deleted: the rebuilt pages match a fresh build")
    func deleteAndFix() throws {
        let preview = builder()
        _ = preview.buildAll()
        try edit(step) { $0.replacingOccurrences(of: "title: ", with: "titel: ") }
        #expect(preview.rebuild(changed: [step]).diagnostics.hasErrors)
        try edit(step) { $0.replacingOccurrences(of: "titel: ", with: "title: ") + "\nRättad.\n" }
        let fixed = preview.rebuild(changed: [step])
        #expect(!fixed.diagnostics.hasErrors)
        #expect(fixed.pages["testcancer/utredning/datortomografi.html"].map { String(decoding: $0, as: UTF8.self).contains("Rättad.") } == true)
        let added = "content/diagnoses/testcancer/04-utredning/01-bilder/03-ultraljud.md"
        try "---\ntitle: Ultraljud\n---\n\nUltraljud gör inte ont.\n".write(toFile: folder + "/" + added, atomically: true, encoding: .utf8)
        let withNew = preview.rebuild(changed: [added])
        #expect(withNew.scope == "diagnosis 'testcancer'")
        #expect(withNew.pages["testcancer/utredning/ultraljud.html"] != nil)
        try FileManager.default.removeItem(atPath: folder + "/" + added)
        let removed = preview.rebuild(changed: [added])
        let fresh = builder().buildAll()
        #expect(removed.pages.keys.sorted() == fresh.pages.keys.sorted())
        #expect(removed.pages["testcancer/utredning/ultraljud.html"] == nil)
    }

    /// The pages `vardplan build` writes for the folder as it is now.
    private func built() -> [String: [UInt8]] {
        let result = SiteBuild.run(content: DiskFileSystem(root: folder + "/content"), contentDisplay: folder + "/content",
                                   templates: DiskFileSystem(root: folder + "/templates"), templatesDisplay: folder + "/templates",
                                   today: Fixtures.today, options: .init())
        #expect(!result.diagnostics.hasErrors)
        var pages: [String: [UInt8]] = [:]
        for file in result.files where file.path != BuildStamp.fileName { pages[file.path] = file.bytes }
        return pages
    }

    @Test("after each of a sequence of edits (body, title, new file, deleted file, an error and its fix) every page is the one `build` writes",
          arguments: [false, true])
    func sequenceMatchesBuild(languages: Bool) throws {
        if languages {
            try FileManager.default.removeItem(atPath: folder + "/content")
            try FileManager.default.copyItem(atPath: Fixtures.languagesContent, toPath: folder + "/content")
        }
        let preview = builder()
        let other = "content/diagnoses/testcancer/04-utredning/01-bilder/02-magnetkamera.md"
        let added = "content/diagnoses/testcancer/04-utredning/01-bilder/03-ultraljud.md"
        let section = "content/diagnoses/testcancer/04-utredning/02-prover"
        var edits: [(String, () throws -> Void)] = [
            (step, { try self.edit(self.step) { $0 + "\nEn ny mening om [magnetkameran](02-magnetkamera.md).\n" } }),
            (other, { try self.edit(other) { $0 + "\nÄnnu en mening.\n" } }),
            (step, { try self.edit(self.step) { $0.replacingOccurrences(of: "title: ", with: "title: Ny ") } }),
            (step, { try self.edit(self.step) { $0 + "\nEfter titeln.\n" } }),
            (added, { try "---\ntitle: Ultraljud\n---\n\nUltraljud gör inte ont. Se [datortomografi](01-datortomografi.md).\n"
                .write(toFile: self.folder + "/" + added, atomically: true, encoding: .utf8) }),
            (added, { try self.edit(added) { $0 + "\nLängre text.\n" } }),
            (added, { try FileManager.default.removeItem(atPath: self.folder + "/" + added) }),
            (step, { try self.edit(self.step) { $0.replacingOccurrences(of: "title: ", with: "titel: ") } }),
            (step, { try self.edit(self.step) { $0.replacingOccurrences(of: "titel: ", with: "title: ") + "\nRättad.\n" } }),
            (other, { try self.edit(other) { $0 + "\nSist.\n" } }),
            // A new section folder, reported as its files (as polling does), then removed,
            // reported as the folder (as inotify does).
            (section + "/01-blodprov.md", {
                try FileManager.default.createDirectory(atPath: self.folder + "/" + section, withIntermediateDirectories: true)
                try "---\ntitle: Prover\n---\n".write(toFile: self.folder + "/" + section + "/_section.md", atomically: true, encoding: .utf8)
                try "---\ntitle: Blodprov\n---\n\nEtt blodprov tas i armen.\n"
                    .write(toFile: self.folder + "/" + section + "/01-blodprov.md", atomically: true, encoding: .utf8)
            }),
            (section, { try FileManager.default.removeItem(atPath: self.folder + "/" + section) }),
        ]
        if languages {
            let translation = "content/diagnoses/testcancer/04-utredning/01-bilder/02-magnetkamera.en.md"
            edits.append((translation, { try self.edit(translation) { $0 + "\nOne more sentence.\n" } }))
        }
        _ = preview.buildAll()
        for (index, (path, change)) in edits.enumerated() {
            try change()
            let outcome = preview.rebuild(changed: path.hasSuffix("01-blodprov.md") ? [section + "/_section.md", path] : [path])
            if index == 7 {
                #expect(outcome.diagnostics.hasErrors)
                continue
            }
            #expect(!outcome.diagnostics.hasErrors, "edit \(index)")
            let expected = built()
            #expect(outcome.pages.keys.sorted() == expected.keys.sorted(), "edit \(index)")
            for (page, bytes) in expected where outcome.pages[page] != bytes { Issue.record("edit \(index): \(page) differs") }
        }
    }
}
