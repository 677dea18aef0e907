#if os(Linux)
import Foundation
import Testing
@testable import VardplanCore

/// The inotify watcher reports what the poller would: files saved, made, removed,
/// and the files of folders that appear.
@Suite("Watching with inotify", .serialized)
final class InotifyWatcherTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-inotify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/content/a", withIntermediateDirectories: true)
        try "one".write(toFile: folder + "/content/a/one.md", atomically: false, encoding: .utf8)
        try "plan".write(toFile: folder + "/plan.yaml", atomically: false, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    private func watcher() throws -> InotifyWatcher {
        try #require(InotifyWatcher.make(roots: [(label: "content", path: folder + "/content"), (label: "manifest", path: folder + "/plan.yaml")]))
    }

    /// The next batch of changes that is not empty (waits up to 2 s).
    private func next(_ watcher: InotifyWatcher) -> [String] {
        for _ in 0..<10 {
            let changed = watcher.wait(milliseconds: 200)
            if !changed.isEmpty { return changed }
        }
        return []
    }

    @Test("a save by rename is reported, and nothing after it")
    func saveByRename() throws {
        let watcher = try watcher()
        try "two".write(toFile: folder + "/content/a/one.md", atomically: true, encoding: .utf8)
        var changed = Set<String>()
        for _ in 0..<10 where !changed.contains("content/a/one.md") { changed.formUnion(next(watcher)) }
        #expect(changed.contains("content/a/one.md"))
        #expect(watcher.wait(milliseconds: 50) == [])
    }

    @Test("a new folder is watched, its files reported; removals reported; dot files and other files next to the manifest not")
    func foldersAndRemovals() throws {
        let watcher = try watcher()
        try FileManager.default.createDirectory(atPath: folder + "/content/b/c", withIntermediateDirectories: true)
        try "x".write(toFile: folder + "/content/b/c/x.md", atomically: false, encoding: .utf8)
        var changed = Set<String>()
        for _ in 0..<10 where !changed.contains("content/b/c/x.md") { changed.formUnion(next(watcher)) }
        #expect(changed.contains("content/b/c/x.md"))
        _ = watcher.wait(milliseconds: 100)  // the file's own event, if it came after the folder's
        try "y".write(toFile: folder + "/content/b/c/x.md", atomically: false, encoding: .utf8)
        #expect(next(watcher) == ["content/b/c/x.md"])
        try FileManager.default.removeItem(atPath: folder + "/content/a/one.md")
        #expect(next(watcher) == ["content/a/one.md"])
        try "hidden".write(toFile: folder + "/content/.swap", atomically: false, encoding: .utf8)
        try "other".write(toFile: folder + "/other.yaml", atomically: false, encoding: .utf8)
        #expect(watcher.wait(milliseconds: 100) == [])
        try "plan 2".write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        #expect(next(watcher) == ["manifest"])
        try FileManager.default.removeItem(atPath: folder + "/content/b")
        var removed = Set<String>()
        for _ in 0..<10 where !removed.contains("content/b") { removed.formUnion(next(watcher)) }
        #expect(removed.contains("content/b"))
    }
}
#endif
