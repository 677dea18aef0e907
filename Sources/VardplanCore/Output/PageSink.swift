import Foundation

/// Where a build's pages go as they are rendered: a staging folder on disk
/// (`SiteWriter.Staging`) or memory (`MemoryPageSink`, for tests and tools).
/// `accept` is called from several threads at once, never twice for one path.
public protocol PageSink: Sendable {
    /// Takes pages; returns how many were written and how many were unchanged.
    func accept(_ files: [OutputFile]) throws(SiteWriter.WriteError) -> (written: Int, unchanged: Int)
    /// Whether `keep` can carry pages over from the previous build's output.
    var keepsPreviousPages: Bool { get }
    /// Carries pages of the previous build's output over as they are, without
    /// rendering them; returns how many. Only when `keepsPreviousPages`.
    func keep(_ paths: [String]) throws(SiteWriter.WriteError) -> Int
    /// Told once, as soon as the build knows it will write (its inputs changed): the sink
    /// may get ready in the background meanwhile.
    func willWrite()
}

extension PageSink {
    public var keepsPreviousPages: Bool { false }

    public func willWrite() {}

    public func keep(_ paths: [String]) throws(SiteWriter.WriteError) -> Int {
        throw .io(path: paths.first ?? "", reason: "this build has no previous output to keep pages from")
    }
}

/// Keeps every page in memory.
public final class MemoryPageSink: PageSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [OutputFile] = []

    public init() {}

    public func accept(_ files: [OutputFile]) throws(SiteWriter.WriteError) -> (written: Int, unchanged: Int) {
        lock.lock()
        stored.append(contentsOf: files)
        lock.unlock()
        return (files.count, 0)
    }

    /// The pages received, sorted by path.
    public var files: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return stored.sorted { $0.path < $1.path }
    }
}
