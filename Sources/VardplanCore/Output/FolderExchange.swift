import CSystemCalls
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two folders in one step with Linux's `renameat2(…, RENAME_EXCHANGE)`, so that
/// there is never a moment when either path is missing.
///
/// Swift's Glibc module does not declare `renameat2` (glibc has it only with
/// `_GNU_SOURCE`), so the system call is made by `vardplan_rename_exchange` in the
/// header-only `CSystemCalls` module; that works in a static executable too (`make release`).
/// A kernel or file system without the exchange answers EINVAL or ENOSYS: then `exchange`
/// says `.unsupported` and the writer falls back to two renames (with a short moment
/// without the output; see docs/output-safety.md).
enum FolderExchange {
    enum Outcome: Equatable, Sendable {
        case exchanged
        case unsupported
        case failed(errno: Int32)
    }

    /// Exchanges `first` and `second`, which must both exist.
    static func exchange(_ first: String, _ second: String) -> Outcome {
        if vardplan_rename_exchange(first, second) == 0 { return .exchanged }
        let code = errno
        return code == EINVAL || code == ENOSYS || code == ENOTSUP ? .unsupported : .failed(errno: code)
    }
}
