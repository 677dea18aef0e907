#if canImport(Glibc)
import Glibc
#endif

/// Swaps two folders in one step with Linux's `renameat2(…, RENAME_EXCHANGE)`, so that
/// there is never a moment when either path is missing.
///
/// Glibc has `renameat2` since 2.28 but Swift's Glibc module does not declare it: it
/// is looked up by name at run time, and when the C library lacks it the system call
/// is made through `syscall`. A kernel or file system without the exchange answers
/// EINVAL or ENOSYS: then `exchange` says `.unsupported` and the writer falls back
/// to two renames (with a short moment without the output; see docs/output-safety.md).
enum FolderExchange {
    enum Outcome: Equatable, Sendable {
        case exchanged
        case unsupported
        case failed(errno: Int32)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private typealias Syscall = @convention(c) (Int, Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int

    private static let renameExchange: UInt32 = 1 << 1

    #if arch(x86_64)
    private static let renameat2Number = 316
    #elseif arch(arm64)
    private static let renameat2Number = 276
    #else
    private static let renameat2Number = -1
    #endif

    /// Exchanges `first` and `second`, which must both exist.
    static func exchange(_ first: String, _ second: String) -> Outcome {
        let result: Int32
        let library = dlopen(nil, RTLD_NOW)
        defer { if let library { dlclose(library) } }
        if let symbol = dlsym(library, "renameat2") {
            let function = unsafeBitCast(symbol, to: RenameAt2.self)
            result = function(AT_FDCWD, first, AT_FDCWD, second, renameExchange)
        } else if renameat2Number >= 0, let symbol = dlsym(library, "syscall") {
            let function = unsafeBitCast(symbol, to: Syscall.self)
            result = Int32(truncatingIfNeeded: function(renameat2Number, AT_FDCWD, first, AT_FDCWD, second, renameExchange))
        } else {
            return .unsupported
        }
        if result == 0 { return .exchanged }
        let code = errno
        return code == EINVAL || code == ENOSYS || code == ENOTSUP ? .unsupported : .failed(errno: code)
    }
}
