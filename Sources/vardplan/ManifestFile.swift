import Foundation
import VardplanCore
import VardplanDiagnostics
import VardplanSystem

/// Reads a manifest file for `print`: a regular file no larger than a content file may
/// be (`SourceTextValidator.maximumFileSize`), checked before anything is read, so a
/// FIFO does not hang the print and a huge file is not read into memory (the core's
/// `FileIO.readRegularFile`; a manifest given by a link is read through it).
enum ManifestFile {
    struct Problem: Error {
        var message: String
    }

    static func read(_ path: String) -> Result<SourceFile, Problem> {
        let limit = SourceTextValidator.maximumFileSize
        var result = FileIO.readRegularFile(path, maximumSize: limit)
        if result == .symbolicLink, let real = FileIO.realPath(path) {
            result = FileIO.readRegularFile(real, maximumSize: limit)
        }
        switch result {
        case .bytes(let bytes):
            return .success(SourceFile(path: path, bytes: bytes))
        case .notRegular:
            return .failure(Problem(message: "the manifest is not a regular file; give the path of a manifest file"))
        case .tooLarge:
            return .failure(Problem(message: "the manifest is larger than 1 MB, more than any plan needs; check that this is the manifest"))
        case .symbolicLink, .unreadable:
            var info = stat()
            guard stat(path, &info) == 0 else {
                return .failure(Problem(message: "cannot read the manifest; check the path (create one with 'vardplan manifest new DIAGNOSIS')"))
            }
            return .failure(Problem(message: "cannot read the manifest; check that you may read it"))
        }
    }
}
