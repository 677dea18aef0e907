import Foundation
import VardplanDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Writes files that hold patient data: readable by the owner only (0600) from the
/// moment they exist, and complete or absent.
///
/// The bytes go into a temporary file beside the target, created with
/// `open(O_CREAT | O_EXCL | O_NOFOLLOW, 0600)` (never widened and narrowed after), then
/// renamed over the target. The temporary is registered with `PrivateTemporaries`, so
/// a signal removes it.
///
/// Failures are thrown as a `DiagnosticFailure`.
enum PrivateFile {
    /// Writes `bytes` to `path` through a private temporary file and a rename.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let temporary = folder + "/" + PrivateTemporaries.filePrefix + "\(getpid())-\((path as NSString).lastPathComponent).tmp"
        try PrivateTemporaries.guarded {
            PrivateTemporaries.register(temporary)
            defer { PrivateTemporaries.forget(temporary) }
            do {
                try create(temporary, bytes: bytes, shownAs: path)
            } catch {
                unlink(temporary)
                throw error
            }
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw DiagnosticFailure(.fileNotWritten(path, reason: reason))
            }
        }
    }

    /// Creates a new file (it must not exist) with mode 0600 and writes `bytes` to it;
    /// messages name `shownAs` (the file the user asked for).
    static func create(_ path: String, bytes: [UInt8], shownAs shown: String? = nil) throws {
        let shown = shown ?? path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DiagnosticFailure(.fileNotWritten(shown, reason: String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw DiagnosticFailure(.fileNotWritten(shown, reason: String(cString: strerror(errno))))
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            throw DiagnosticFailure(.fileNotWritten(shown, reason: String(cString: strerror(errno))))
        }
    }
}
