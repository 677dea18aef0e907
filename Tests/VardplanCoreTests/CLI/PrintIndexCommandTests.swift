import Foundation
import Testing

/// `vardplan print` and `check` with the content index in `$VARDPLAN_CACHE`: the index
/// goes there and nowhere else, and the printout is the one without it. Files changed
/// less than a second ago are not indexed, so each test waits a second after copying.
@Suite("print's content index on the command line")
struct PrintIndexCommandTests {
    @Test("print fills the cache named by VARDPLAN_CACHE and prints what it prints with VARDPLAN_CACHE=off")
    func cacheFolder() throws {
        let folder = try BuildCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.manifests + "/treatment.yaml", toPath: folder + "/treatment.yaml")
        let cache = folder + "/cache"
        Thread.sleep(forTimeInterval: 1.1)
        let arguments = ["print", "treatment.yaml", "--today", "2026-11-23", "-o"]
        let plain = try BuildCLI.run(arguments + ["plain.html"], in: folder, environment: ["VARDPLAN_CACHE": "off"])
        #expect(plain.status == 0)
        for name in ["first.html", "second.html"] {
            let indexed = try BuildCLI.run(arguments + [name], in: folder, environment: ["VARDPLAN_CACHE": cache])
            #expect(indexed.status == 0)
            #expect(FileManager.default.contents(atPath: folder + "/" + name) == FileManager.default.contents(atPath: folder + "/plain.html"))
        }
        let indexes = (FileManager.default.enumerator(atPath: cache)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".idx") }
        #expect(indexes.count == 3)  // the content's shared part and diagnosis, and the templates
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(names == ["content", "templates", "treatment.yaml", "cache", "plain.html", "first.html", "second.html"])
    }

    @Test("check refreshes the index of the whole content folder")
    func checkRefreshes() throws {
        let folder = try BuildCLI.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = folder + "/cache"
        Thread.sleep(forTimeInterval: 1.1)
        let checked = try BuildCLI.run(["check", "--today", "2026-11-23"], in: folder, environment: ["VARDPLAN_CACHE": cache])
        #expect(checked.status == 0)
        let indexes = (FileManager.default.enumerator(atPath: cache)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".idx") }
        #expect(indexes.count == 2)
    }
}
