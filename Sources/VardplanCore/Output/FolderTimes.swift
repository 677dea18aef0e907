import VardplanSystem

/// The change times of an output folder's folders, read after the survey at the start
/// of a build, so that its end can tell without listing every folder again that no
/// entry was added to, removed from or renamed in any of them in between.
///
/// Adding, removing or renaming an entry sets its folder's change time (`st_ctim`)
/// to the file system's clock, and no call sets a change time back (unlike a
/// modification time). The clock moves in ticks (a few milliseconds on Linux), so a
/// change in the same tick as a folder's previous change would leave the time as it
/// was: the times are only trusted when every one is older than `reference`, the
/// change time of a file touched on the same file system just before the survey (the
/// output's lock file). Any later change then gets a time at least that late, so
/// different from the one read.
struct FolderTimes: Equatable, Sendable {
    /// A change time (`FileStamp.changed`: nanoseconds since 1970).
    struct Time: Equatable, Comparable, Sendable {
        var sinceEpoch: Int64

        init(_ sinceEpoch: Int64) { self.sinceEpoch = sinceEpoch }

        init(seconds: Int, nanoseconds: Int) {
            self.init(Int64(seconds) &* 1_000_000_000 &+ Int64(nanoseconds))
        }

        static func < (lhs: Time, rhs: Time) -> Bool { lhs.sinceEpoch < rhs.sinceEpoch }
    }

    /// Change times by folder path relative to the root (`""` is the root).
    private(set) var times: [String: Time]

    /// The change time of the regular file at `path` (a symbolic link not followed); nil
    /// when there is none.
    static func changeTime(_ path: String) -> Time? {
        FileStamp.of(path).map { Time($0.changed) }
    }

    /// The times of `root` and of every folder that the files `filePaths` (relative to
    /// `root`) lie in; nil when one cannot be read or is not a folder.
    static func read(root: String, holding filePaths: [String]) -> FolderTimes? {
        var folders: Set<String> = [""]
        var previous: Substring = ""
        for path in filePaths {
            // Files come folder by folder (a survey's order): most share the last one's.
            guard let last = path.lastSlash else { continue }
            if path[..<last] == previous { continue }
            previous = path[..<last]
            var folder = Substring(path)
            while let slash = folder.lastSlash {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        var times: [String: Time] = [:]
        for folder in folders {
            guard let time = folderTime(root: root, folder) else { return nil }
            times[folder] = time
        }
        return FolderTimes(times: times)
    }

    /// True when every time is older than `reference`, and every folder under `root`
    /// still has its time: no folder's entries changed since they were read.
    func unchanged(root: String, olderThan reference: Time) -> Bool {
        guard times.values.allSatisfy({ $0 < reference }) else { return false }
        return times.allSatisfy { folder, time in Self.folderTime(root: root, folder) == time }
    }

    /// The change time of `folder` under `root` (`""`: the root); nil when it is missing
    /// or not a folder.
    private static func folderTime(root: String, _ folder: String) -> Time? {
        FileStamp.ofFolder(folder.isEmpty ? root : root + "/" + folder).map { Time($0.changed) }
    }
}
