// Shared by every fuzz target: compiled into each target's single module together with
// Sources/VardplanCore (see scripts/fuzz). Not part of the Swift package.

/// The fuzzer's bytes as a `SourceFile` named `path`.
func fuzzSourceFile(_ data: UnsafePointer<UInt8>?, _ size: Int, path: String) -> SourceFile {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    return SourceFile(path: path, bytes: bytes)
}

/// Formats every diagnostic as the CLI prints it and checks the invariant every message
/// promises: a location that names the file at a line and column that exist (a line may be
/// one past the last, for "unexpected end of file"). A violation traps, so libFuzzer keeps
/// the input.
func checkDiagnostics(_ diagnostics: Diagnostics, in file: SourceFile) {
    _ = DiagnosticFormatter.format(diagnostics)
    for diagnostic in diagnostics.all {
        precondition(!diagnostic.message.isEmpty, "a diagnostic without a message")
        guard let location = diagnostic.location, location.path == file.path else { continue }
        let position = location.position
        precondition(position.line >= 1 && position.line <= file.lineCount + 1,
                     "diagnostic line \(position.line) outside 1...\(file.lineCount + 1): \(diagnostic.message)")
        precondition(position.column >= 1, "diagnostic column \(position.column) < 1: \(diagnostic.message)")
    }
}
