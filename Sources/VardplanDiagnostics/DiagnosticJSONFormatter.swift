/// Prints diagnostics for tools (`check --format json`): one JSON array, one object per
/// diagnostic and per line, in print order.
///
/// ```
/// [
/// {"file":"a.md","line":3,"column":1,"end":null,"severity":"error","code":"VP104","message":"…","notes":[]}
/// ]
/// ```
///
/// An array (not JSON Lines) so that the whole output is one JSON document that every
/// JSON reader takes as it is, and no problems is `[]` rather than nothing; one object
/// per line so that it still reads and diffs line by line. `file`, `line` and `column`
/// are null for a problem with no file (a bad flag), `line` and `column` for one about
/// a whole file; `end` is `{"line":…,"column":…}` (exclusive) when the extent is known.
/// Columns count Unicode characters, as in the text format.
public enum DiagnosticJSONFormatter {
    public static func format(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]" }
        let objects = diagnostics.map { JSONWriter.write(value($0)) }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    /// One diagnostic as a JSON object, keys in the documented order.
    public static func value(_ diagnostic: Diagnostic) -> JSONValue {
        var members = place(diagnostic.location)
        members.append(("end", diagnostic.end.map { .object([("line", .int($0.line)), ("column", .int($0.column))]) } ?? .null))
        members.append(("severity", .string(diagnostic.severity.rawValue)))
        members.append(("code", .string(diagnostic.code.rawValue)))
        members.append(("message", .string(diagnostic.message)))
        members.append(("notes", .array(diagnostic.notes.map { note in
            .object(place(note.location) + [("message", .string(note.message))])
        })))
        return .object(members)
    }

    private static func place(_ location: SourceLocation?) -> [(String, JSONValue)] {
        guard let location else { return [("file", .null), ("line", .null), ("column", .null)] }
        guard !location.isWholeFile else {
            return [("file", .string(location.path)), ("line", .null), ("column", .null)]
        }
        return [("file", .string(location.path)), ("line", .int(location.position.line)),
                ("column", .int(location.position.column))]
    }
}
