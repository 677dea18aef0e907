#if canImport(Glibc)
import Glibc
#endif
import VardplanCore

/// Debug builds only: `VARDPLAN_DEBUG_STOP_AT=before-swap|between-renames|after-swap`
/// stops the process (SIGSTOP) at that point of the output swap, so that a test can
/// kill it there; `VARDPLAN_DEBUG_NO_EXCHANGE=1` makes the swap use its two-rename
/// fallback. Release builds ignore both.
enum DebugStops {
    static func writer(outputPath: String, replaceAnything: Bool) -> SiteWriter {
        #if DEBUG
        let stop = getenv("VARDPLAN_DEBUG_STOP_AT").map { String(cString: $0) }
        let noExchange = getenv("VARDPLAN_DEBUG_NO_EXCHANGE").map { String(cString: $0) } == "1"
        if stop != nil || noExchange {
            return SiteWriter(outputPath: outputPath, replaceAnything: replaceAnything, useExchange: !noExchange) { point in
                if point.rawValue == stop { raise(SIGSTOP) }
            }
        }
        #endif
        return SiteWriter(outputPath: outputPath, replaceAnything: replaceAnything)
    }
}
