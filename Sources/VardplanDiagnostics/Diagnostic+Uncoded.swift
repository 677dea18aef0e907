// TRANSITION ONLY (issue 13): the message-only constructors from before diagnostics had
// codes. Every call site moves to a typed constructor with a code; this file is then
// deleted, and the compiler proves no uncoded diagnostic is left.

extension DiagnosticCode {
    /// Placeholder for a diagnostic not yet given its code.
    public static let uncoded = DiagnosticCode("VP000")
}

extension Diagnostic {
    @available(*, deprecated, message: "give the diagnostic a DiagnosticCode")
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.init(severity, .uncoded, message, at: location, notes: notes)
    }
}

extension Diagnostics {
    @available(*, deprecated, message: "give the diagnostic a DiagnosticCode")
    public mutating func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        error(.uncoded, message, at: location, notes: notes)
    }

    @available(*, deprecated, message: "give the diagnostic a DiagnosticCode")
    public mutating func warning(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        warning(.uncoded, message, at: location, notes: notes)
    }
}
