/// How `check` prints its diagnostics: `text` for people (the default), `json` for
/// tools, `github` for GitHub Actions' annotations.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text
    case json
    case github

    /// The diagnostics, in print order, as this format prints them (no final newline;
    /// empty text and github output for no diagnostics, `[]` for json).
    public func format(_ diagnostics: Diagnostics) -> String {
        switch self {
        case .text: return DiagnosticFormatter.format(diagnostics)
        case .json: return DiagnosticJSONFormatter.format(diagnostics.sorted)
        case .github: return DiagnosticGitHubFormatter.format(diagnostics.sorted)
        }
    }
}
