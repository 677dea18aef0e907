import Foundation
import VardplanCore
import VardplanDiagnostics

/// The only place that writes to stdout and stderr, and the one reporter of diagnostics.
enum Terminal {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints every diagnostic, sorted: as text to stderr (labels in colour on a
    /// terminal), or as json or github to stdout, where they are all stdout holds.
    static func report(_ diagnostics: Diagnostics, format: DiagnosticFormat = .text) {
        switch format {
        case .text:
            guard !diagnostics.isEmpty else { return }
            let text = format.format(diagnostics)
            error(colourOnStandardError ? coloured(text) : text)
        case .json:
            out(format.format(diagnostics))
        case .github:
            guard !diagnostics.isEmpty else { return }
            out(format.format(diagnostics))
        }
    }

    /// Prints one diagnostic as text to stderr, as it happens.
    static func report(_ diagnostic: Diagnostic) {
        report(Diagnostics([diagnostic]))
    }

    /// Colour only on a terminal, never when piped, with `NO_COLOR` set or `TERM=dumb`.
    static func usesColour(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    static let colourOnStandardError = usesColour(isTerminal: isatty(2) == 1,
                                                  environment: ProcessInfo.processInfo.environment)

    /// `error:` in bold red, `warning:` in bold yellow, `note:` in bold, on each line.
    static func coloured(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for (label, code) in [(": error: ", "1;31"), (": warning: ", "1;33"), (": note: ", "1")] {
                if let range = line.range(of: label) {
                    let word = label.dropFirst(2).dropLast(2)
                    return line[..<range.lowerBound] + ": \u{1B}[\(code)m\(word):\u{1B}[0m " + line[range.upperBound...]
                }
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// `2 errors, 1 warning`.
    static func counts(_ diagnostics: Diagnostics) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
}
