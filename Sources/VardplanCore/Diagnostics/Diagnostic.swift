/// How serious a finding is.
public enum Severity: String, Sendable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in the user's input, with where it is and what to do.
///
/// Messages start in lower case, quote the user's tokens in single quotes, say what
/// was expected, and suggest the nearest valid name when there is one.
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
    public var message: String
    /// Where the problem is; `nil` only for problems with no file (a bad flag).
    public var location: SourceLocation?
    public var notes: [Note]

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }
}
