import VardplanCore
import VardplanDiagnostics

/// A mistake on the command line: its diagnostic (no location; wording in
/// CommandLineDiagnostics.swift). `main` prints it and exits with `ExitCode.usage`.
struct UsageError: Error {
    var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }
}

/// The core's did-you-mean, for command-line names.
enum NameSuggesterBridge {
    static func suggest(_ name: String, _ candidates: [String]) -> String? {
        NameSuggester.suggestion(for: name, among: candidates)
    }
}
