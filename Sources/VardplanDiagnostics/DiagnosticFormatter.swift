/// Prints diagnostics as `path:line:col: error|warning: message`, one per line,
/// followed by `path:line:col: note: message` lines for related places.
///
/// A diagnostic with no location (a bad flag) prints as `vardplan: error: message`; one
/// about a whole file (line 0) as `path: error: message`.
public enum DiagnosticFormatter {
    public static func format(_ diagnostic: Diagnostic) -> String {
        var lines = [line(diagnostic.location, diagnostic.severity.rawValue, diagnostic.message)]
        for note in diagnostic.notes {
            lines.append(line(note.location, "note", note.message))
        }
        return lines.joined(separator: "\n")
    }

    public static func format(_ diagnostics: Diagnostics) -> String {
        diagnostics.sorted.map(format).joined(separator: "\n")
    }

    static func line(_ location: SourceLocation?, _ label: String, _ message: String) -> String {
        guard let location else { return "vardplan: \(label): \(message)" }
        return "\(location): \(label): \(message)"
    }
}
