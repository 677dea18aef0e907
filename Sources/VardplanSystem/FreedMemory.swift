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
}

#if canImport(Glibc)
/// `int malloc_trim(size_t pad)` of `<malloc.h>`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: UInt) -> Int32
#endif
