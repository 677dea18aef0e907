/// The collector that every pipeline stage appends to, so one run reports every problem.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public init(_ diagnostics: [Diagnostic]) {
        all = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    /// Appends an error of kind `code`.
    public mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                               notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(.error, code, message, at: location, notes: notes))
    }

    /// Appends a warning of kind `code`.
    public mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                                 notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(.warning, code, message, at: location, notes: notes))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    /// Errors as printed: the same problem found twice (a general module checked in
    /// every diagnosis) counts once.
    public var errorCount: Int { sorted.count { $0.severity == .error } }
    public var warningCount: Int { sorted.count { $0.severity == .warning } }
    public var isEmpty: Bool { all.isEmpty }

    /// Every warning made an error (`--strict`).
    public var strict: Diagnostics {
        Diagnostics(all.map(\.asError))
    }

    /// The diagnostics in print order: by path, line, column, then errors before
    /// warnings, then message; exact duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = all.filter { seen.insert($0).inserted }
        return unique.sorted { a, b in
            let la = a.location ?? SourceLocation(path: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(path: "", line: 0, column: 0)
            if la != lb { return la < lb }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }
}
