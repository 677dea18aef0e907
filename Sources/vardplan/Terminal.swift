import Foundation
import VardplanCore

/// The only place that writes to stdout and stderr.
enum Terminal {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints every diagnostic, sorted, to stderr.
    static func report(_ diagnostics: Diagnostics) {
        guard !diagnostics.isEmpty else { return }
        error(DiagnosticFormatter.format(diagnostics))
    }

    /// `2 errors, 1 warning`.
    static func counts(_ diagnostics: Diagnostics) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
}
