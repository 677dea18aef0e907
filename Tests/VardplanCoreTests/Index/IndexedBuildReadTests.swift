import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// `vardplan build` reads its content through the index (`IndexedFileSystem
/// .detachedContents(ofEach:)`): an unchanged step file is stat'ed, not read, and its
/// front matter, words and fingerprint come from the index. What the build's snapshot
/// holds must be what reading every file from disk gives.
@Suite("A build reading its content through the index")
struct IndexedBuildReadTests {
    static let section = "diagnoses/testcancer/04-utredning/01-bilder/"

    /// Step files at the edges of what may be detached and indexed, beside the fixture's.
    static let edgeFiles: [String: [UInt8]] = [
        "10-tom.md": Array("---\ntitle: Tom\n---\n\n  \n".utf8),
        "11-ett-tecken.md": Array("---\ntitle: Ett tecken\n---\nÅ".utf8),
        "12-crlf.md": Array("\u{FEFF}---\r\ntitle: CRLF\r\n---\r\n\r\n  Text på rader\r\nmed CRLF.\r\n".utf8),
        "13-utan-front-matter.md": Array("Bara text här.\n".utf8),
        "14-oppen.md": Array("---\ntitle: Öppen\n\nText\n".utf8),
        "15-ogiltig.md": Array("---\ntitle: Ogiltig\n---\nText ".utf8) + [0xC3, 0x28, 0x0A],
        "16-oversatt.md": Array("---\ntitle: Översatt\n---\n\nText.\n".utf8),
        "16-oversatt.en.md": Array("---\ntitle: Translated\n---\n\nText.\n".utf8),
        "17-tomma-rader-forst.md": Array("---\ntitle: Rader\n---\n\n\n\n   \n\tOrd efter tomma rader, och fler ord.\n".utf8),
    ]

    /// Everything a build's snapshot holds, as text: per file its bytes and fingerprint,
    /// and per detached step the record of its body.
    static func describe(_ snapshot: ContentSnapshot) -> [String] {
        snapshot.filePaths().map { path in
            var line = "\(path) \(snapshot.fingerprint(of: path)) "
            line += snapshot.bytes(of: path).map { String(decoding: $0, as: UTF8.self) } ?? "unreadable"
            if let body = snapshot.stepBodies.record(of: path) {
                line += " | body \(body.range) line \(body.firstLine) words \(body.wordCount) empty \(body.isEmpty)"
                line += " stamp \(body.stamp.map { "\($0.size) \($0.inode)" } ?? "none")"
            }
            return line
        }
    }

    /// The snapshot a build makes, through the index of `site` or from disk.
    static func snapshot(_ site: IndexedSite, indexed: Bool) -> (ContentSnapshot, IndexedFileSystem?) {
        let disk = DiskFileSystem(root: site.content)
        let files = indexed ? IndexedFileSystem(base: disk, store: site.store()) : nil
        let snapshot = ContentSnapshot(reading: files ?? disk, displayRoot: "content", detachingStepBodies: true)
        files?.save()
        return (snapshot, files)
    }

    /// The edge files that are errors in a build of this fixture (no text, no or unclosed
    /// front matter, invalid text, a language the site does not have).
    static let erroneous: Set<String> = ["10-tom.md", "13-utan-front-matter.md", "14-oppen.md", "15-ogiltig.md",
                                         "16-oversatt.en.md"]

    static func makeSite(withErrors: Bool = true) throws -> IndexedSite {
        let site = try IndexedSite(copying: Fixtures.siteContent)
        for (name, bytes) in edgeFiles where withErrors || !erroneous.contains(name) {
            try Data(bytes).write(to: URL(fileURLWithPath: site.content + "/" + section + name))
        }
        return site
    }

    @Test("through an empty index, a filled one and after an edit, the snapshot equals reading every file")
    func sameAsReadingEveryFile() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let fromDisk = Self.describe(Self.snapshot(site, indexed: false).0)
        #expect(fromDisk.contains { $0.contains("10-tom.md") && $0.contains("empty true") })
        #expect(fromDisk.contains { $0.contains("02-magnetkamera.md") && $0.contains("| body") })

        let (filling, first) = Self.snapshot(site, indexed: true)
        #expect(first?.servedEverything == false)
        #expect(Self.describe(filling) == fromDisk)
        // The index the build's read saved is the one `check` makes (`refresh`), entry by entry.
        let checked = try #require(ContentIndexStore(cacheRoot: site.folder + "/cache-check", contentFolder: site.content,
                                                     toolVersion: "test", trustedBefore: .max))
        IndexedFileSystem.refresh(DiskFileSystem(root: site.content), store: checked)
        for area in ["shared", ContentIndex.area(ofDiagnosisFolder: "testcancer")] {
            let built = try #require(site.store().read(area: area)), refreshed = try #require(checked.read(area: area))
            #expect(built.entries == refreshed.entries)
            #expect(built.entries.values.contains { $0.kind == .frontMatter && $0.stepBody != nil })
        }

        // Served: every file's stamp is the index's, and no step is read but for its pass.
        let (served, second) = Self.snapshot(site, indexed: true)
        #expect(second?.servedEverything == true)
        #expect(second?.frontMatterOnly(Self.section + "02-magnetkamera.md") != nil)
        #expect(Self.describe(served) == fromDisk)

        // The bodies the index did not give are read whole from disk for the pass.
        let step = Self.section + "02-magnetkamera.md"
        let whole = try Data(contentsOf: URL(fileURLWithPath: site.content + "/" + step))
        #expect(try served.stepBodies.wholeFile(step)?.bytes == Array(whole))
        let crlf = Self.section + "12-crlf.md"
        #expect(try served.stepBodies.wholeFile(crlf)?.bytes == Self.edgeFiles["12-crlf.md"])

        // An edited step (its size changes) is read again, and the snapshot follows it.
        let handle = try #require(FileHandle(forWritingAtPath: site.content + "/" + step))
        handle.seekToEndOfFile()
        handle.write(Data("\nEn mening till, med fler ord.\n".utf8))
        handle.closeFile()
        let afterEdit = Self.describe(Self.snapshot(site, indexed: true).0)
        #expect(afterEdit == Self.describe(Self.snapshot(site, indexed: false).0))
        #expect(afterEdit != fromDisk)
        #expect(Self.describe(Self.snapshot(site, indexed: true).0) == afterEdit)
    }

    @Test("a body rewritten after the index served its step stops the build as before (VP021)")
    func aStepChangedBeforeItsPassIsStillCaught() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = Self.snapshot(site, indexed: true)
        let (served, files) = Self.snapshot(site, indexed: true)
        #expect(files?.servedEverything == true)
        let step = Self.section + "01-datortomografi.md"
        try Data("---\ntitle: Ny\n---\n\nEn annan text.\n".utf8).write(to: URL(fileURLWithPath: site.content + "/" + step))
        #expect(throws: DiagnosticError.self) { try served.stepBodies.wholeFile(step) }
    }

    @Test("a build through the index writes the same site (or the same errors) as one from disk, and keeps the index fresh",
          arguments: [false, true])
    func sameSite(withErrors: Bool) throws {
        let site = try Self.makeSite(withErrors: withErrors)
        defer { site.remove() }
        func build(indexed: Bool) -> [String] {
            let disk = DiskFileSystem(root: site.content)
            let files = indexed ? IndexedFileSystem(base: disk, store: site.store()) : nil
            let result = SiteBuild.run(content: files ?? disk, contentDisplay: "content",
                                       templates: DiskFileSystem(root: site.templates), templatesDisplay: "templates",
                                       today: Fixtures.today, options: .init())
            files?.save()
            return DiagnosticFormatter.format(result.diagnostics).split(separator: "\n").map(String.init)
                + result.files.map { $0.path + "\n" + String(decoding: $0.bytes, as: UTF8.self) }
        }
        let fromDisk = build(indexed: false)
        #expect(withErrors ? fromDisk.contains { $0.contains("15-ogiltig.md") && $0.contains("error") } : fromDisk.count > 20)
        #expect(build(indexed: true) == fromDisk)
        #expect(build(indexed: true) == fromDisk)
        // A printout after the build finds the diagnosis's index fresh: nothing to read.
        let files = IndexedFileSystem(base: DiskFileSystem(root: site.content), store: site.store())
        _ = ContentPipeline.runWithoutBodies(fileSystem: files, displayRoot: "content", today: Fixtures.today,
                                             onlyDiagnosis: "testcancer")
        #expect(files.servedEverything)
    }
}
