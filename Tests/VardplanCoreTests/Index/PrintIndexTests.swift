import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

@Suite("print through the content index: the same printout and messages as from the files")
struct PrintIndexTests {
    static let printouts: [(fixture: String, manifest: String)] = [
        (Fixtures.siteContent, "fresh.yaml"), (Fixtures.siteContent, "treatment.yaml"),
        (Fixtures.languagesContent, "english.yaml"), (Fixtures.languagesContent, "arabic.yaml"),
        (Fixtures.languagesContent, "regional.yaml"),
    ]

    @Test("the first printout (which fills the index) and the second (which reads it) are those without an index",
          arguments: printouts)
    func sameAsWithout(fixture: String, manifest: String) throws {
        let site = try IndexedSite(copying: fixture)
        defer { site.remove() }
        let plain = site.print(Fixtures.manifest(manifest), indexed: false)
        #expect(plain.html != nil)
        let filling = site.print(Fixtures.manifest(manifest), indexed: true)
        #expect(FileManager.default.fileExists(atPath: site.store().folder + "/shared.idx"))
        let reading = site.print(Fixtures.manifest(manifest), indexed: true)
        #expect(filling.html == plain.html)
        #expect(reading.html == plain.html)
        #expect(filling.diagnostics == plain.diagnostics)
        #expect(reading.diagnostics == plain.diagnostics)
    }

    @Test("a step not printed is read up to its front matter only; a printed one, metadata and translations whole")
    func readsFrontMatterOnly() throws {
        let site = try IndexedSite(copying: Fixtures.languagesContent)
        defer { site.remove() }
        _ = site.load(indexed: true)
        let files = IndexedFileSystem(base: DiskFileSystem(root: site.content), store: site.store())
        _ = ContentSnapshot(reading: files, displayRoot: "content")
        let step = "diagnoses/testcancer/08-uppfoljning/01-kontroller/01-aterbesok.md"
        let shortened = try #require(files.frontMatterOnly(step))
        let whole = Array(try site.read(step).utf8)
        #expect(shortened.count < whole.count)
        #expect(whole.starts(with: shortened))
        for path in ["diagnoses/testcancer/_diagnosis.md", "diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.md",
                     "diagnoses/testcancer/04-utredning/01-bilder/01-datortomografi.en.md", "regions/vgr/parkering.md"] {
            #expect(files.frontMatterOnly(path) == nil, "\(path)")
        }
    }

    @Test("a printed step's title edited after indexing: the printout shows the new title")
    func editedTitle() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let manifest = Fixtures.manifest("treatment.yaml")
        _ = site.print(manifest, indexed: true)
        let path = "diagnoses/testcancer/07-behandling/01-lakemedel/01-cytostatika.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "title: Cytostatika", with: "title: Cytostatika och annat"))
        let indexed = site.print(manifest, indexed: true)
        #expect(indexed.html?.contains("Cytostatika och annat") == true)
        #expect(indexed.html == site.print(manifest, indexed: false).html)
    }

    @Test("a step added, and a step removed, after indexing: the same as without the index")
    func addedAndRemoved() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let manifest = Fixtures.manifest("treatment.yaml")
        _ = site.print(manifest, indexed: true)
        try site.write("diagnoses/testcancer/07-behandling/01-lakemedel/02-nytt.md",
                       "---\ntitle: Ett nytt steg\n---\n\nNy text om behandlingen.\n")
        let added = site.print(manifest, indexed: true)
        #expect(added.html?.contains("Ett nytt steg") == true)
        #expect(added.html == site.print(manifest, indexed: false).html)
        try site.delete("diagnoses/testcancer/07-behandling/01-lakemedel/02-nytt.md")
        try site.delete("diagnoses/testcancer/08-uppfoljning/01-kontroller/01-aterbesok.md")
        let removed = site.print(manifest, indexed: true)
        let plain = site.print(manifest, indexed: false)
        #expect(removed.html == plain.html)
        #expect(removed.diagnostics == plain.diagnostics)
    }

    @Test("a front-matter error in a step not printed, made after indexing, stops the printout with the same messages")
    func errorInStepNotPrinted() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let manifest = Fixtures.manifest("treatment.yaml")
        _ = site.print(manifest, indexed: true)
        let path = "diagnoses/testcancer/04-utredning/01-bilder/02-magnetkamera.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "visible: false", with: "visible: kanske"))
        let indexed = site.print(manifest, indexed: true)
        let plain = site.print(manifest, indexed: false)
        #expect(indexed.html == nil)
        #expect(!plain.diagnostics.isEmpty)
        #expect(indexed.diagnostics == plain.diagnostics)
    }

    @Test("a translation added after its step was indexed by front matter: its drift check hashes the whole body")
    func translationAdded() throws {
        let site = try IndexedSite(copying: Fixtures.languagesContent)
        defer { site.remove() }
        _ = site.load(indexed: true)
        let translation = "diagnoses/testcancer/08-uppfoljning/01-kontroller/01-aterbesok.en.md"
        // Stale (a made-up hash: a warning) and then current (the hash the warning gives).
        try site.write(translation, "---\ntitle: Follow-up visit\nsource_hash: 00000000\n---\n\nCome back in a year.\n")
        let stale = site.load(indexed: true)
        #expect(stale.diagnostics == site.load(indexed: false).diagnostics)
        #expect(stale.model == site.load(indexed: false).model)
        let warning = try #require(stale.diagnostics.first { $0.location?.path == "content/" + translation })
        let marker = try #require(warning.message.range(of: "source_hash: "))
        let hash = warning.message[marker.upperBound...].prefix(8)
        #expect(hash.count == 8 && hash != "00000000")
        try site.write(translation, "---\ntitle: Follow-up visit\nsource_hash: \(hash)\n---\n\nCome back in a year.\n")
        let current = site.load(indexed: true)
        #expect(current.diagnostics == site.load(indexed: false).diagnostics)
        #expect(current.model == site.load(indexed: false).model)
        #expect(current.model.contains("en:Follow-up visit:true"))
    }

    @Test("an index whose front matter no longer begins a printed step's file is not trusted for that printout")
    func printedStepDisagrees() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let manifest = Fixtures.manifest("treatment.yaml")
        _ = site.print(manifest, indexed: true)
        // As if the file had changed between its stat and its reading: the stamp matches,
        // the bytes do not.
        let store = site.store()
        let path = "diagnoses/testcancer/07-behandling/01-lakemedel/01-cytostatika.md"
        let area = ContentIndex.area(of: path)
        var index = try #require(store.read(area: area))
        var entry = try #require(index.entries[path])
        #expect(entry.kind == .frontMatter)
        entry.bytes = Array("---\ntitle: Fel titel\nphases: [behandling]\n---\n\nC".utf8)
        index.entries[path] = entry
        #expect(store.write(index, area: area))
        let indexed = site.print(manifest, indexed: true)
        #expect(indexed.html?.contains("Fel titel") == false)
        #expect(indexed.html == site.print(manifest, indexed: false).html)
    }

    @Test("a corrupt index file is ignored and replaced")
    func corruptIndex() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let manifest = Fixtures.manifest("treatment.yaml")
        _ = site.print(manifest, indexed: true)
        let file = site.store().folder + "/shared.idx"
        var bytes = try #require(FileManager.default.contents(atPath: file))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(site.store().read(area: "shared") == nil)
        #expect(site.print(manifest, indexed: true).html == site.print(manifest, indexed: false).html)
        #expect(site.store().read(area: "shared") != nil)
    }

    @Test("a cache that cannot be written: the printout is made without an index")
    func unwritableCache() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        try "not a folder".write(toFile: site.cache, atomically: false, encoding: .utf8)
        let manifest = Fixtures.manifest("treatment.yaml")
        #expect(site.print(manifest, indexed: true).html == site.print(manifest, indexed: false).html)
        #expect(site.store().read(area: "shared") == nil)
    }

    @Test("files changed too recently to trust are read, not indexed; no temporary file is left")
    func recentFiles() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let store = site.store(trustedBefore: 0)
        let manifest = Fixtures.manifest("treatment.yaml")
        #expect(site.print(manifest, indexed: true, store: store).html == site.print(manifest, indexed: false).html)
        #expect(store.read(area: "shared")?.entries.isEmpty ?? true)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []
        #expect(left.allSatisfy { $0.hasSuffix(".idx") })
    }

    @Test("check's refresh indexes every file and folder: steps by their front matter, the rest whole")
    func refresh() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        IndexedFileSystem.refresh(DiskFileSystem(root: site.content), store: site.store())
        let shared = try #require(site.store().read(area: "shared"))
        let diagnosis = try #require(site.store().read(area: ContentIndex.area(ofDiagnosisFolder: "testcancer")))
        #expect(shared.entries["site.yaml"]?.kind == .whole)
        #expect(diagnosis.entries["diagnoses/testcancer/04-utredning/01-bilder/02-magnetkamera.md"]?.kind == .frontMatter)
        #expect(diagnosis.entries.count == 11)
        #expect(shared.folders[""]?.entries.map(\.name) == ["diagnoses", "general", "site.yaml"])
        #expect(diagnosis.folders["diagnoses/testcancer/04-utredning/01-bilder"]?.entries.count == 3)
    }

    @Test("a folder whose listing is indexed is listed again once an entry is renamed in it")
    func renamedStep() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let manifest = Fixtures.manifest("treatment.yaml")
        _ = site.print(manifest, indexed: true)
        try FileManager.default.moveItem(atPath: site.content + "/diagnoses/testcancer/07-behandling/01-lakemedel/01-cytostatika.md",
                                         toPath: site.content + "/diagnoses/testcancer/07-behandling/01-lakemedel/01-cellgifter.md")
        let indexed = site.print(manifest, indexed: true)
        let plain = site.print(manifest, indexed: false)
        #expect(indexed.html == plain.html)
        #expect(indexed.diagnostics == plain.diagnostics)
        #expect(indexed.html?.contains("steg-cellgifter") == plain.html?.contains("steg-cellgifter"))
    }

    @Test("an unchanged templates folder that loaded cleanly: only print and its partials are parsed, the same printout")
    func templatesParsedLazily() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let manifest = Fixtures.manifest("treatment.yaml")
        let plain = site.print(manifest, indexed: false)
        for _ in 0..<3 {
            let indexed = site.print(manifest, indexed: true)
            #expect(indexed.html == plain.html)
            #expect(indexed.diagnostics == plain.diagnostics)
        }
        let index = try #require(site.templatesStore().read(area: "shared"))
        #expect(index.entries[PrintJob.templatesLoadClean] != nil)
        #expect(index.entries["partials/nurse-script.mustache"]?.kind == .whole)
    }

    @Test("a template print does not use, broken after the clean load, still stops the printout with the same messages")
    func brokenTemplateNotPrinted() throws {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        defer { site.remove() }
        let manifest = Fixtures.manifest("treatment.yaml")
        _ = site.print(manifest, indexed: true)
        _ = site.print(manifest, indexed: true)
        try "<p>{{#modules}}{{title}}</p>\n".write(toFile: site.templates + "/staff.mustache", atomically: false, encoding: .utf8)
        let indexed = site.print(manifest, indexed: true)
        let plain = site.print(manifest, indexed: false)
        #expect(indexed.html == nil)
        #expect(!plain.diagnostics.isEmpty)
        #expect(indexed.diagnostics == plain.diagnostics)
        #expect(site.templatesStore().read(area: "shared")?.entries[PrintJob.templatesLoadClean] == nil)
    }
}
