#if canImport(Glibc)
import Glibc
#endif

/// The process's environment, read with `getenv` (Foundation's `ProcessInfo` builds a
/// dictionary of every variable on first use).
enum Environment {
    /// The value of `name`, or nil when it is unset or empty (an empty variable means
    /// "not set" to every caller here).
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
