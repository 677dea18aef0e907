import VardplanDiagnostics
import VardplanSystem

/// Reads again the step files whose bodies a snapshot let go (`DetachedBody`), for
/// the pass over their diagnosis, and checks that each is the file read before.
///
/// The rule for a build's inputs: every file is read once for what the model needs
/// (its front matter, its fingerprint, its words), and a step file's body is read a
/// second time when its diagnosis's pass gets to it, under an identity check — the
/// stamp of the open file equal to the first read's (size, times, device, inode), or
/// else the bytes' fingerprint equal. A file that changed in between is an error
/// (VP021): the build stops and writes nothing, and running it again reads it afresh.
/// Where the file system keeps the bytes anyway (in memory, the preview's kept files)
/// the second read costs nothing.
public struct StepBodyReader: Sendable {
    let fileSystem: any ContentFileSystem
    /// The folder as the user named it (`content`), for the paths shown.
    let displayRoot: String
    /// The record of each detached step file, by relative path.
    let bodies: [String: DetachedBody]

    /// Whether no body was let go (nothing to read again).
    public var isEmpty: Bool { bodies.isEmpty }

    /// The record of a detached step file, by relative path.
    public func record(of path: String) -> DetachedBody? { bodies[path] }

    /// The whole file of a detached step, read again: nil when `path` was kept whole.
    /// Throws the diagnostic (VP021) when the file cannot be read again or is no
    /// longer the file read before.
    public func wholeFile(_ path: String) throws(DiagnosticError) -> SourceFile? {
        guard let record = bodies[path] else { return nil }
        let shown = displayRoot.isEmpty ? path : joinPath(displayRoot, path)
        let changed = DiagnosticError(.stepFileChanged(at: SourceLocation(path: shown, line: 1, column: 1)))
        guard let (bytes, stamp) = try? fileSystem.stampedContents(of: path) else { throw changed }
        let same = if let stamp, stamp == record.stamp {
            bytes.count == record.range.upperBound
        } else {
            DetachedBody.fingerprint(path: path, bytes: bytes) == record.fingerprintValue
        }
        guard same else { throw changed }
        return SourceFile(path: shown, relativePath: path, bytes: bytes)
    }
}

/// A diagnostic thrown where a value was expected.
public struct DiagnosticError: Error, Sendable {
    public let diagnostic: Diagnostic
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
