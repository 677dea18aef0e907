import VardplanDiagnostics
import VardplanFrontMatter

/// Reads typed keys of one mapping in a manifest: the manifest's top, a contact, a
/// planning entry or a comment.
///
/// Unlike `FrontMatterReader`, no message quotes the manifest's text — not a key, a
/// value or an id — because a manifest may name people: a message names the position
/// (the diagnostic's location), what is wrong and what to write, and quotes only the
/// manifest format's own words (its keys, statuses, examples).
///
/// Diagnostics: not a mapping; unknown key (with a did-you-mean among the known keys);
/// missing required key; wrong type; empty required text; impossible or malformed
/// date; invalid id.
struct ManifestFieldReader {
    let file: SourceFile
    private let pairs: [YAMLPair]
    /// Where a missing key is reported.
    private let topLocation: SourceLocation
    /// What the keys are written in, for messages ("the manifest", "this contact").
    private let container: String

    init(_ node: YAMLNode?, file: SourceFile, allowedKeys: [String], container: String,
         missingKeysAt: SourceLocation? = nil, diagnostics: inout Diagnostics) {
        self.file = file
        self.container = container
        self.topLocation = missingKeysAt ?? file.location(line: 1, column: 1)
        guard let node else {
            self.pairs = []
            return
        }
        guard case .mapping(let pairs) = node.kind else {
            self.pairs = []
            diagnostics.error("\(container) must be 'key: value' lines, found \(node.kindName)", at: node.location)
            return
        }
        self.pairs = pairs
        let known = allowedKeys.map { "'\($0)'" }.joined(separator: ", ")
        for pair in pairs where !allowedKeys.contains(pair.key) {
            let hint = NameSuggester.didYouMean(pair.key, among: allowedKeys)
            diagnostics.error("unknown key in \(container)" + (hint.isEmpty ? "; the keys of \(container) are \(known)" : hint),
                              at: pair.keyLocation)
        }
    }

    /// The value node of a key, if present.
    func node(_ key: String) -> YAMLNode? {
        pairs.first { $0.key == key }?.value
    }

    /// Reports a required key that is missing, at the top of its mapping.
    func missing(_ key: String, example: String, why: String = "", diagnostics: inout Diagnostics) {
        diagnostics.error("missing required key '\(key)'; add a line '\(key): \(example)' to \(container)\(why)",
                          at: topLocation)
    }

    /// A text value, trimmed. Numbers and booleans written plainly are accepted as their text.
    func string(_ key: String, required: Bool = false, example: String = "…",
                diagnostics: inout Diagnostics) -> String? {
        guard let node = node(key), !node.isNull else {
            if required { missing(key, example: example, diagnostics: &diagnostics) }
            return nil
        }
        guard case .scalar(let scalar) = node.kind else {
            diagnostics.error("'\(key)' must be text, found \(node.kindName)", at: node.location)
            return nil
        }
        let text = scalar.text.trimmingSpaces
        if text.isEmpty, required {
            diagnostics.error("'\(key)' is empty; write the \(key) after the colon", at: node.location)
            return nil
        }
        return text
    }

    /// A date written `YYYY-MM-DD` that exists.
    func date(_ key: String, required: Bool = false, example: String = "YYYY-MM-DD", why: String = "",
              diagnostics: inout Diagnostics) -> SimpleDate? {
        guard let node = node(key), !node.isNull else {
            if required { missing(key, example: example, why: why, diagnostics: &diagnostics) }
            return nil
        }
        guard case .scalar(let scalar) = node.kind else {
            diagnostics.error("'\(key)' must be a date written YYYY-MM-DD, found \(node.kindName)", at: node.location)
            return nil
        }
        let text = scalar.text.trimmingSpaces
        if let date = SimpleDate(parsing: text) { return date }
        if SimpleDate.looksLikeDate(text) {
            diagnostics.error("the '\(key)' is not a date that exists; check the month and the day", at: node.location)
        } else {
            diagnostics.error("'\(key)' must be a date written YYYY-MM-DD, such as 2026-09-01", at: node.location)
        }
        return nil
    }

    /// A list of ids (a single id is accepted as a list of one), each checked for the id rules.
    func idList(_ key: String, what: String, diagnostics: inout Diagnostics) -> [Located<String>] {
        guard let node = node(key), !node.isNull else { return [] }
        let items: [YAMLNode]
        switch node.kind {
        case .scalar: items = [node]
        case .sequence(let entries): items = entries
        case .mapping:
            diagnostics.error("'\(key)' must be a list of \(what) ids such as [id-1, id-2], found a mapping", at: node.location)
            return []
        }
        var result: [Located<String>] = []
        for item in items {
            guard case .scalar(let scalar) = item.kind, !item.isNull else {
                diagnostics.error("every entry of '\(key)' must be a \(what) id, found \(item.kindName)", at: item.location)
                continue
            }
            let value = scalar.text.trimmingSpaces
            guard ContentID.isValid(value) else {
                diagnostics.error(
                    "this entry of '\(key)' is not a valid id; a \(what) id is lower-case a-z, digits and dashes, as on the staff overview",
                    at: item.location)
                continue
            }
            result.append(Located(value, at: item.location))
        }
        return result
    }
}
