import Foundation
import Testing
import VardplanSystem

@Suite("names with a prefix: what a print looks for among a folder's entries")
struct FileNamesTests {
    @Test("exactly the names that begin with the prefix's bytes, files and folders alike")
    func prefixMatch() throws {
        let folder = NSTemporaryDirectory() + "vardplan-names-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/vardplan-7-folder", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["vardplan-1-a", "vardplan-", "vardplan", "xvardplan-2", "vårdplan-3", "Vardplan-4",
                     "vardplan-\u{301}5", ".vardplan-print-6-plan.html.tmp"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        #expect(FileIO.names(in: folder, beginningWith: "vardplan-")?.sorted()
                == ["vardplan-", "vardplan-1-a", "vardplan-7-folder", "vardplan-\u{301}5"])
        #expect(FileIO.names(in: folder, beginningWith: ".vardplan-print-") == [".vardplan-print-6-plan.html.tmp"])
        #expect(FileIO.names(in: folder, beginningWith: "none") == [])
        // An empty prefix lists everything but `.` and `..`.
        #expect(FileIO.names(in: folder, beginningWith: "")?.count == 9)
    }

    @Test("nil for a folder that cannot be listed")
    func missingFolder() {
        #expect(FileIO.names(in: "/nonexistent-vardplan-folder", beginningWith: "vardplan-") == nil)
    }
}
