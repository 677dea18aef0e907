/// How serious a finding is.
public enum Severity: String, Sendable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in the user's input, with its code, where it is and what to do.
///
/// Messages start in lower case, quote the user's tokens in single quotes, say what
/// was expected, and suggest the nearest valid name when there is one. Each stage
/// builds its diagnostics through typed constructors kept beside its codes, so the
/// wording of one kind of problem lives in one place.
public struct Diagnostic: Hashable, Sendable {
    /// A related place, printed as a `note:` line under the diagnostic.
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation?
        public var message: String

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// The stable code of this kind of problem (docs/diagnostics.md).
    public var code: DiagnosticCode
    public var message: String
    /// Where the problem is; `nil` only for problems with no file (a bad flag).
    public var location: SourceLocation?
    /// Where the problem ends (exclusive), when the finder knows its extent.
    public var end: SourcePosition?
    public var notes: [Note]

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                end: SourcePosition? = nil, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.end = end
        self.notes = notes
    }

    /// An error of kind `code`.
    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                             notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, notes: notes)
    }

    /// A warning of kind `code`.
    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                               notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, notes: notes)
    }

    /// The same diagnostic as an error (`check --strict` turns warnings into errors).
    public var asError: Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }
}
