#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VardplanSystem

/// Where the index files of one content folder live: `<cache>/index/<hash of the
/// folder's real path>/<area's name>.idx`, outside the content and the site. Writes are
/// atomic (a temporary file renamed over the old one, removed on failure); a folder
/// that cannot be made or written to leaves the index unwritten, silently.
public struct ContentIndexStore: Sendable {
    /// The folder holding this content folder's index files.
    public let folder: String
    /// The content folder's real path, recorded in every index file.
    public let contentRoot: String
    /// The binary's version: an index written by another one is not used.
    public let toolVersion: String
    /// Files whose modification or status-change time is at or after this instant
    /// (nanoseconds since 1970) are not indexed: a file changed again within the file
    /// system's clock granularity would keep its stamp (git's "racily clean" entries).
    public let trustedBefore: Int64

    /// The store of the content folder `contentFolder` below `cacheRoot` (made when
    /// first written); nil when the content folder does not exist.
    public init?(cacheRoot: String, contentFolder: String, toolVersion: String, trustedBefore: Int64) {
        guard let real = FileIO.realPath(contentFolder.isEmpty ? "." : contentFolder) else { return nil }
        self.folder = (cacheRoot.hasSuffix("/") ? cacheRoot : cacheRoot + "/") + "index/"
            + ContentIndex.hexDigest(real, count: 12)
        self.contentRoot = real
        self.toolVersion = toolVersion
        self.trustedBefore = trustedBefore
    }

    /// The index of one area, or nil when there is none usable.
    public func read(area: String) -> ContentIndex? {
        guard let bytes = FileIO.read(path(of: area)) else { return nil }
        return ContentIndex.decode(bytes, expecting: header(area))
    }

    /// Writes one area's index atomically; false when it could not be written.
    @discardableResult
    public func write(_ index: ContentIndex, area: String) -> Bool {
        guard Self.makeFolders(folder) else { return false }
        let target = path(of: area)
        let temporary = target + ".tmp-\(getpid())"
        guard FileIO.write(index.encoded(header(area)), to: temporary, mode: 0o600) else {
            unlink(temporary)
            return false
        }
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Whether a stamp is old enough to be trusted later.
    public func isSettled(_ stamp: FileStamp) -> Bool {
        stamp.modified < trustedBefore && stamp.changed < trustedBefore
    }

    /// `shared.idx`, or `d-<hash of the area>.idx` for a diagnosis's folder (folder names
    /// may hold any character).
    func path(of area: String) -> String {
        folder + "/" + (area == "shared" ? area : "d-" + ContentIndex.hexDigest(area, count: 8)) + ".idx"
    }

    private func header(_ area: String) -> ContentIndex.Header {
        ContentIndex.Header(toolVersion: toolVersion, contentRoot: contentRoot, area: area)
    }

    /// `mkdir -p` with private folders.
    private static func makeFolders(_ path: String) -> Bool {
        if FileIO.isDirectory(path) { return true }
        let parent = path.lastSlash.map { String(path[..<$0]) } ?? ""
        if !parent.isEmpty, !makeFolders(parent) { return false }
        return mkdir(path, 0o700) == 0 || errno == EEXIST && FileIO.isDirectory(path)
    }
}
