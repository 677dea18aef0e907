import Foundation
import Testing
@testable import VardplanCore

/// The swap of the staged site with the live one is one `renameat2(RENAME_EXCHANGE)`,
/// made through the header-only `CSystemCalls` module, so that it is the same call in the
/// test build and in the static release executable (where looking the function up by name
/// at run time found nothing and every build fell back to two renames).
@Suite("Exchanging two folders in one step")
struct FolderExchangeTests {
    @Test("two folders trade places, with everything in them")
    func exchanges() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("live/index.html", "old")
        scratch.file("staged/index.html", "new")
        scratch.file("staged/x/page.html", "p")
        let outcome = FolderExchange.exchange(scratch.root + "/staged", scratch.root + "/live")
        // Every file system this runs on here (ext4, tmpfs, overlayfs) has the exchange.
        #expect(outcome == .exchanged)
        #expect(try String(contentsOfFile: scratch.root + "/live/index.html", encoding: .utf8) == "new")
        #expect(FileManager.default.fileExists(atPath: scratch.root + "/live/x/page.html"))
        #expect(try String(contentsOfFile: scratch.root + "/staged/index.html", encoding: .utf8) == "old")
    }

    @Test("a missing side is a failure with its errno, and nothing moves")
    func missingSide() {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.file("live/index.html", "old")
        #expect(FolderExchange.exchange(scratch.root + "/absent", scratch.root + "/live") == .failed(errno: ENOENT))
        #expect(FileManager.default.fileExists(atPath: scratch.root + "/live/index.html"))
    }
}
