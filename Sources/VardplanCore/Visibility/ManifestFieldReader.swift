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
    private let container: ManifestMapping

    init(_ node: YAMLNode?, file: SourceFile, allowedKeys: [String], container: ManifestMapping,
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
            diagnostics.append(.manifestMappingExpected(container, foundKind: node.kindName, at: node.location))
            return
        }
        self.pairs = pairs
        for pair in pairs where !allowedKeys.contains(pair.key) {
            diagnostics.append(.unknownManifestKey(in: container, knownKeys: allowedKeys,
                                                   suggestion: NameSuggester.suggestion(for: pair.key, among: allowedKeys),
                                                   at: pair.keyLocation))
        }
    }

    /// The value node of a key, if present.
    func node(_ key: String) -> YAMLNode? {
        pairs.first { $0.key == key }?.value
    }

    /// Reports a required key that is missing, at the top of its mapping.
    func missing(_ key: String, example: String, why: String = "", diagnostics: inout Diagnostics) {
        diagnostics.append(.missingManifestKey(key, example: example, in: container, why: why, at: topLocation))
    }

    /// A text value, trimmed. Numbers and booleans written plainly are accepted as their text.
    func string(_ key: String, required: Bool = false, example: String = "…",
                diagnostics: inout Diagnostics) -> String? {
        guard let node = node(key), !node.isNull else {
            if required { missing(key, example: example, diagnostics: &diagnostics) }
            return nil
        }
        guard case .scalar(let scalar) = node.kind else {
            diagnostics.append(.manifestTextExpected(key: key, foundKind: node.kindName, at: node.location))
            return nil
        }
        let text = scalar.text.trimmingSpaces
        if text.isEmpty, required {
            diagnostics.append(.manifestTextEmpty(key: key, at: node.location))
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
            diagnostics.append(.manifestDateExpected(key: key, foundKind: node.kindName, at: node.location))
            return nil
        }
        let text = scalar.text.trimmingSpaces
        if let date = SimpleDate(parsing: text) { return date }
        if SimpleDate.looksLikeDate(text) {
            diagnostics.append(.manifestDateImpossible(key: key, at: node.location))
        } else {
            diagnostics.append(.manifestDateMalformed(key: key, at: node.location))
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
            diagnostics.append(.idListIsAMapping(key: key, what: what, at: node.location))
            return []
        }
        var result: [Located<String>] = []
        for item in items {
            guard case .scalar(let scalar) = item.kind, !item.isNull else {
                diagnostics.append(.idListEntryNotAnID(key: key, what: what, foundKind: item.kindName, at: item.location))
                continue
            }
            let value = scalar.text.trimmingSpaces
            guard ContentID.isValid(value) else {
                diagnostics.append(.idListEntryInvalid(key: key, what: what, at: item.location))
                continue
            }
            result.append(Located(value, at: item.location))
        }
        return result
    }
}
