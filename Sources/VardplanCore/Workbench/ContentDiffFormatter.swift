import VardplanDiagnostics

/// Writes a `ContentDiff` as text for people, as JSON for tools, and as the
/// `changes:` entries of `_diagnosis.md`.
public enum ContentDiffFormatter {
    /// One block per diagnosis:
    /// `brostcancer (2025.1 → 2026.1)` then lines such as
    /// `  changed  step     utredning/din-utredning/mammografi: title, body`.
    public static func text(_ diff: ContentDiff) -> String {
        var lines: [String] = []
        for diagnosis in diff.diagnoses {
            switch (diagnosis.oldVersion, diagnosis.newVersion) {
            case (nil, let new?):
                lines.append("\(diagnosis.id) (\(new)): added")
                continue
            case (let old?, nil):
                lines.append("\(diagnosis.id) (\(old)): removed")
                continue
            case (let old?, let new?):
                lines.append("\(diagnosis.id) (\(old) → \(new))" + (diagnosis.entries.isEmpty ? ": no changes" : ""))
            case (nil, nil):
                continue
            }
            for entry in diagnosis.entries {
                var line = "  " + entry.change.rawValue.padding(9) + entry.level.rawValue.padding(9) + entry.path
                if let oldID = entry.oldID { line += " (was '\(oldID)')" }
                if !entry.fields.isEmpty { line += ": " + entry.fields.joined(separator: ", ") }
                if entry.change == .added || entry.change == .removed { line += " '\(entry.title)'" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `{"diagnoses": [{"id", "title", "old_version", "new_version", "entries": [{"level", "change",
    /// "id", "old_id", "path", "title", "fields"}], "changes": {"version", "changed", "removed"}}]}`.
    public static func json(_ diff: ContentDiff) -> String {
        var out = "{\n  \"diagnoses\": ["
        for (d, diagnosis) in diff.diagnoses.enumerated() {
            out += d == 0 ? "\n" : ",\n"
            out += "    {\"id\": \(string(diagnosis.id)), \"title\": \(string(diagnosis.title)), "
            out += "\"old_version\": \(optional(diagnosis.oldVersion)), \"new_version\": \(optional(diagnosis.newVersion)),\n"
            out += "     \"entries\": ["
            for (e, entry) in diagnosis.entries.enumerated() {
                out += e == 0 ? "\n" : ",\n"
                out += "       {\"level\": \(string(entry.level.rawValue)), \"change\": \(string(entry.change.rawValue)), "
                out += "\"id\": \(string(entry.id)), \"old_id\": \(optional(entry.oldID)), \"path\": \(string(entry.path)), "
                out += "\"title\": \(string(entry.title)), \"fields\": \(list(entry.fields))}"
            }
            out += diagnosis.entries.isEmpty ? "],\n" : "\n     ],\n"
            let change = diagnosis.contentChange
            out += "     \"changes\": {\"version\": \(string(change.version)), \"changed\": \(list(change.changed)), "
            out += "\"removed\": \(list(change.removed))}}"
        }
        out += diff.diagnoses.isEmpty ? "]\n}" : "\n  ]\n}"
        return out
    }

    /// The `changes:` list item for one version, indented by `indent` spaces:
    /// ```
    ///   - version: "2026.1"
    ///     changed: [mammografi]
    ///     removed: []
    /// ```
    public static func changesEntry(_ change: ContentChange, indent: Int = 2) -> String {
        let pad = String(repeating: " ", count: indent)
        return """
        \(pad)- version: \(string(change.version))
        \(pad)  changed: [\(change.changed.joined(separator: ", "))]
        \(pad)  removed: [\(change.removed.joined(separator: ", "))]
        """
    }

    /// A JSON string literal (also a YAML double-quoted scalar).
    static func string(_ text: String) -> String { JSONWriter.quoted(text) }

    static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    static func list(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }
}

private extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
