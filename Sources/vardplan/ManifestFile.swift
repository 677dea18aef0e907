import Foundation
import VardplanCore
import VardplanDiagnostics
import VardplanSystem

/// Reads a manifest file for `print`: a regular file no larger than a content file may
/// be (`SourceTextValidator.maximumFileSize`), checked before anything is read, so a
/// FIFO does not hang the print and a huge file is not read into memory (the core's
/// `FileIO.readRegularFile`; a manifest given by a link is read through it).
enum ManifestFile {
    static func read(_ path: String) -> Result<SourceFile, DiagnosticFailure> {
        let limit = SourceTextValidator.maximumFileSize
        var result = FileIO.readRegularFile(path, maximumSize: limit)
        if result == .symbolicLink, let real = FileIO.realPath(path) {
            result = FileIO.readRegularFile(real, maximumSize: limit)
        }
        switch result {
        case .bytes(let bytes):
            return .success(SourceFile(path: path, bytes: bytes))
        case .notRegular:
            return .failure(DiagnosticFailure(.manifestNotRegularFile))
        case .tooLarge:
            return .failure(DiagnosticFailure(.manifestTooLarge))
        case .symbolicLink, .unreadable:
            var info = stat()
            guard stat(path, &info) == 0 else {
                return .failure(DiagnosticFailure(.manifestMissing))
            }
            return .failure(DiagnosticFailure(.manifestForbidden))
        }
    }
}
