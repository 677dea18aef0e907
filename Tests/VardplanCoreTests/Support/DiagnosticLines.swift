import VardplanDiagnostics

/// Diagnostics as `path:line:column: severity: message` lines, notes included.
func formatted(_ diagnostics: Diagnostics) -> [String] {
    DiagnosticFormatter.format(diagnostics).split(separator: "\n").map(String.init)
}
