/// Prints diagnostics as GitHub Actions workflow commands (`check --format github`), which
/// GitHub shows as annotations on the lines of a pull request:
///
/// ```
/// ::error file=a.md,line=3,col=1,title=VP104::tabs cannot indent YAML; indent with spaces
/// ```
///
/// Warnings are `::warning`. `endLine` and `endColumn` follow when the extent is known;
/// the code is the annotation's title. Notes have no place of their own in an annotation,
/// so they follow the message on lines of their own, as the text format prints them.
/// Escaping is GitHub's: `%`, CR and LF in the message; also `:` and `,` in properties.
public enum DiagnosticGitHubFormatter {
    public static func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    public static func format(_ diagnostic: Diagnostic) -> String {
        var properties: [(String, String)] = []
        if let location = diagnostic.location {
            properties.append(("file", location.path))
            if !location.isWholeFile {
                properties.append(("line", String(location.position.line)))
                properties.append(("col", String(location.position.column)))
                if let end = diagnostic.end {
                    properties.append(("endLine", String(end.line)))
                    properties.append(("endColumn", String(end.column)))
                }
            }
        }
        properties.append(("title", diagnostic.code.rawValue))
        var message = diagnostic.message
        for note in diagnostic.notes {
            message += "\n" + DiagnosticFormatter.line(note.location, "note", note.message)
        }
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(diagnostic.severity.rawValue) \(list)::\(escapeData(message))"
    }

    /// A message: `%`, CR and LF as `%25`, `%0D`, `%0A`.
    public static func escapeData(_ text: String) -> String {
        var output = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// A property value: as a message, and `:` and `,` as `%3A`, `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(":", "%3A").replacingOccurrences(",", "%2C")
    }
}

private extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var output = ""
        for character in self {
            if character == target { output += replacement } else { output.append(character) }
        }
        return output
    }
}
