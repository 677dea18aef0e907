import Foundation
import VardplanCore
import VardplanSystem

/// Where the content index (`ContentIndex`) is kept between runs: `$VARDPLAN_CACHE`
/// (`off`: nowhere), else `$XDG_CACHE_HOME/vardplan`, else `~/.cache/vardplan`. Never
/// beside the content or the site; a cache that cannot be written is simply not used.
enum IndexCache {
    /// The store for a content folder, or nil when there is no cache to use.
    static func store(content: String) -> ContentIndexStore? {
        let root: String
        if let chosen = Environment.value("VARDPLAN_CACHE") {
            if chosen == "off" { return nil }
            root = chosen
        } else if let xdg = Environment.value("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            root = xdg + "/vardplan"
        } else if let home = Environment.value("HOME") {
            root = home + "/.cache/vardplan"
        } else {
            return nil
        }
        // A file changed less than a second before now may change again without its
        // stamp moving: it is read, not indexed.
        return ContentIndexStore(cacheRoot: root, contentFolder: content, toolVersion: toolVersion,
                                 trustedBefore: Clock.wallNanoseconds() - 1_000_000_000)
    }

    /// The version and the executable's own stamp: an index written by any other build
    /// (a development build keeps its version number) is not used.
    static let toolVersion: String = {
        guard let binary = FileIO.realPath("/proc/self/exe"), let stamp = FileStamp.of(binary) else { return Help.version }
        return Help.version + " \(stamp.size) \(stamp.modified) \(stamp.inode)"
    }()

    /// Brings the index of a content folder up to date (after `check`). `build` keeps
    /// it up to date by reading through it; a printout reads only the files that
    /// changed since.
    static func refresh(content: String) {
        guard let store = store(content: content) else { return }
        IndexedFileSystem.refresh(DiskFileSystem(root: content), store: store)
    }
}
