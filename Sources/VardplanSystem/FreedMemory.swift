import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the process has freed back to the system.
public enum FreedMemory {
    /// glibc keeps what a thread frees for later allocations of that thread's arena
    /// only: after a build's diagnoses (parsed and rendered on worker threads), the
    /// pages rendered last on the main thread (sitemap, build stamp) would otherwise
    /// come on top of everything the diagnoses held. One `malloc_trim`: a few
    /// milliseconds. Does nothing where there is no glibc.
    public static func release() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }

    /// Lets go of `value` on another thread, for what a run no longer needs but takes a
    /// while to free (a site's model: about 10 ms at 25 diagnoses, at the end of a rebuild
    /// that took 400): the caller goes on at once. The value is dropped inside the task,
    /// so it is freed there whichever thread lets go of the task last.
    public static func letGoInBackground<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    private final class Box<Value: Sendable>: @unchecked Sendable {
        // Unchecked: `value` is only touched by `drop`, on the one task that runs it.
        private var value: Value?
        init(_ value: consuming Value) { self.value = value }
        func drop() { value = nil }
    }

    /// Makes glibc map every block of 256 KB or more on its own and unmap it when it
    /// is freed, instead of raising that threshold to the largest block freed so far
    /// (up to 32 MB) and keeping such blocks in the arenas: a build's pages of a
    /// diagnosis, nurse's pages and sitemap then give their memory back when freed,
    /// rather than leaving each worker's arena at its high-water mark (at 100
    /// diagnoses: 190 → 160 MB of peak RSS). Process-wide; does nothing without glibc.
    public static func returnLargeBlocksWhenFreed() {
        #if canImport(Glibc)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = glibcMallopt(mmapThreshold, 256 << 10)
        #endif
    }
}

#if canImport(Glibc)
/// `int malloc_trim(size_t pad)` of `<malloc.h>`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: UInt) -> Int32

/// `int mallopt(int param, int value)` of `<malloc.h>`, likewise not exported.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
