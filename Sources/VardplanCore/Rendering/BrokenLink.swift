import VardplanDiagnostics

/// Why a link in a text leads nowhere, as `LinkResolver` finds it; the checkers
/// report it at the link with `diagnostic(at:)`, so the code is the finder's choice.
public enum BrokenLink: Hashable, Sendable {
    /// `steg:id` with no such step in the diagnosis, and the nearest step id if any.
    case unknownStep(id: String, suggestion: String?)
    /// `modul:id` with no such module in the diagnosis, and the nearest module id if any.
    case unknownModule(id: String, suggestion: String?)
    /// A relative `.md` path that is no step, section or module of the diagnosis.
    case noPage(target: String)

    /// The kind of problem (docs/diagnostics.md).
    public var code: DiagnosticCode {
        switch self {
        case .unknownStep: .linkToUnknownStep
        case .unknownModule: .linkToUnknownModule
        case .noPage: .linkToNoPage
        }
    }

    /// The error to report at the link.
    public func diagnostic(at location: SourceLocation) -> Diagnostic {
        switch self {
        case .unknownStep(let id, let suggestion): .linkToUnknownStep(id, suggestion: suggestion, at: location)
        case .unknownModule(let id, let suggestion): .linkToUnknownModule(id, suggestion: suggestion, at: location)
        case .noPage(let target): .linkToNoPage(target, at: location)
        }
    }
}
