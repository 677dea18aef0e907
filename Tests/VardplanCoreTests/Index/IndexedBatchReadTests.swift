import Foundation
import Testing
@testable import VardplanCore

/// `IndexedFileSystem.contents(ofEach:)`, the snapshot's way of reading through the
/// index, gives what reading file by file gives, and records the same index.
@Suite("Reading many files through the index at once")
struct IndexedBatchReadTests {
    /// Every file of the fixture, a missing one, and an image the index does not hold.
    private static func paths(in content: String) -> [String] {
        DiskFileSystem(root: content).filePaths() + ["diagnoses/testcancer/saknas.md", "bild-som-inte-finns.png"]
    }

    /// Each result as text: its bytes, or the error it failed with.
    private static func describe(_ results: [Result<[UInt8], any Error>]) -> [String] {
        results.map { result in
            switch result {
            case .success(let bytes): "bytes: " + String(decoding: bytes, as: UTF8.self)
            case .failure(let error): "error: \(error)"
            }
        }
    }

    /// Reads `paths` through a fresh index over `site`, at once or one by one, and saves it.
    private static func read(_ paths: [String], in site: IndexedSite, atOnce: Bool) -> [String] {
        let files = IndexedFileSystem(base: DiskFileSystem(root: site.content), store: site.store())
        for folder in Set(paths.map { $0.split(separator: "/").dropLast().joined(separator: "/") }).sorted() {
            _ = try? files.entries(of: folder)  // as a snapshot lists each folder before reading it
        }
        let results = atOnce ? files.contents(ofEach: paths) : paths.map { path in Result { try files.contents(of: path) } }
        files.save()
        return describe(results)
    }

    @Test("at once and one by one give the same bytes and errors, before and after indexing, and after an edit")
    func sameAsOneByOne() throws {
        let once = try IndexedSite(copying: Fixtures.siteContent), each = try IndexedSite(copying: Fixtures.siteContent)
        defer { once.remove(); each.remove() }
        let paths = Self.paths(in: once.content)
        // Filling the index, served from it, then with one step edited (its size changes).
        #expect(Self.read(paths, in: once, atOnce: true) == Self.read(paths, in: each, atOnce: false))
        #expect(Self.read(paths, in: once, atOnce: true) == Self.read(paths, in: each, atOnce: false))
        let step = "/diagnoses/testcancer/04-utredning/01-bilder/02-magnetkamera.md"
        for site in [once, each] {
            let handle = try #require(FileHandle(forWritingAtPath: site.content + step))
            handle.seekToEndOfFile()
            handle.write(Data("\nEn mening till.\n".utf8))
            handle.closeFile()
        }
        let afterEdit = Self.read(paths, in: once, atOnce: true)
        #expect(afterEdit == Self.read(paths, in: each, atOnce: false))
        #expect(afterEdit.contains { $0.contains("En mening till.") })
        #expect(afterEdit.last?.hasPrefix("error: ") == true)
        // The index each way saved is the same, area by area.
        for area in ["shared", ContentIndex.area(ofDiagnosisFolder: "testcancer")] {
            let atOnce = try #require(once.store().read(area: area)), oneByOne = try #require(each.store().read(area: area))
            #expect(atOnce.entries.mapValues(\.bytes) == oneByOne.entries.mapValues(\.bytes))
            #expect(atOnce.entries.mapValues(\.kind) == oneByOne.entries.mapValues(\.kind))
        }
    }
}
