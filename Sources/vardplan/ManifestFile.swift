import Foundation
import VardplanCore

/// Reads a manifest file for `print`: a regular file no larger than a content file may
/// be (`SourceTextValidator.maximumFileSize`), checked before anything is read, so a
/// FIFO does not hang the print and a huge file is not read into memory.
enum ManifestFile {
    struct Problem: Error {
        var message: String
    }

    static func read(_ path: String) -> Result<SourceFile, Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(Problem(message: "cannot read the manifest; check the path (create one with 'vardplan manifest new DIAGNOSIS')"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(Problem(message: "the manifest is not a regular file; give the path of a manifest file"))
        }
        guard Int(info.st_size) <= SourceTextValidator.maximumFileSize else {
            return .failure(Problem(message: "the manifest is larger than 1 MB, more than any plan needs; check that this is the manifest"))
        }
        guard let handle = FileHandle(forReadingAtPath: path),
              let data = try? handle.read(upToCount: SourceTextValidator.maximumFileSize + 1) ?? Data() else {
            return .failure(Problem(message: "cannot read the manifest; check that you may read it"))
        }
        try? handle.close()
        guard data.count <= SourceTextValidator.maximumFileSize else {
            return .failure(Problem(message: "the manifest is larger than 1 MB, more than any plan needs; check that this is the manifest"))
        }
        return .success(SourceFile(path: path, bytes: [UInt8](data)))
    }
}
