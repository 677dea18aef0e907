import VardplanDiagnostics
import VardplanFrontMatter

/// Reads typed keys from one file's front matter and reports every problem with them:
/// missing required key, wrong type, unknown key (with did-you-mean), impossible date,
/// invalid id. Emits VP200–VP208 (FieldDiagnostics.swift).
public struct FrontMatterReader {
    public let file: SourceFile
    private let pairs: [YAMLPair]
    /// Where a missing key is reported: the start of the file or of a nested mapping.
    private let topLocation: SourceLocation
    /// What the keys are written in, for messages ("the front matter", "this contact").
    private let container: String
    /// False when the YAML itself was malformed: a missing key is then a consequence,
    /// not a second problem to report.
    private let reportsMissingKeys: Bool

    /// Checks the node is a mapping whose keys are all in `allowedKeys`.
    /// `missingKeysAt` is where a missing key is reported (default: the top of the file).
    public init(_ node: YAMLNode?, file: SourceFile, allowedKeys: [String], container: String = "the front matter",
                missingKeysAt: SourceLocation? = nil, reportsMissingKeys: Bool = true,
                diagnostics: inout Diagnostics) {
        self.file = file
        self.container = container
        self.reportsMissingKeys = reportsMissingKeys
        self.topLocation = missingKeysAt ?? file.location(line: 1, column: 1)
        guard let node else {
            self.pairs = []
            return
        }
        guard case .mapping(let pairs) = node.kind else {
            self.pairs = []
            diagnostics.append(.fieldsNotMapping(container, found: node.kindName, at: node.location))
            return
        }
        self.pairs = pairs
        for pair in pairs where !allowedKeys.contains(pair.key) {
            diagnostics.append(.fieldUnknownKey(pair.key, allowed: allowedKeys, at: pair.keyLocation))
        }
    }

    /// The value node of a key, if present.
    public func node(_ key: String) -> YAMLNode? {
        pairs.first { $0.key == key }?.value
    }

    /// The location of a key, or the top of the file.
    public func location(of key: String) -> SourceLocation {
        pairs.first { $0.key == key }?.keyLocation ?? topLocation
    }

    private func missing(_ key: String, example: String, diagnostics: inout Diagnostics) {
        guard reportsMissingKeys else { return }
        diagnostics.append(.fieldMissing(key, example: example, container: container, at: topLocation))
    }

    /// A text value. Numbers and booleans written plainly are accepted as their text.
    public func string(_ key: String, required: Bool = false, example: String = "…",
                       diagnostics: inout Diagnostics) -> String? {
        guard let node = node(key), !node.isNull else {
            if required { missing(key, example: example, diagnostics: &diagnostics) }
            return nil
        }
        guard case .scalar(let scalar) = node.kind else {
            diagnostics.append(.fieldWrongType(key, expected: .text, found: node.kindName, at: node.location))
            return nil
        }
        let text = scalar.text.trimmingSpaces
        if text.isEmpty, required {
            diagnostics.append(.fieldEmpty(key, at: node.location))
            return nil
        }
        return text
    }

    /// `true` or `false` (YAML 1.2: `yes`, `no`, `on` and `off` are text, not booleans).
    public func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        guard let node = node(key), !node.isNull else { return nil }
        if case .scalar(let scalar) = node.kind, scalar.style == .plain {
            switch scalar.text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        diagnostics.append(.fieldWrongType(key, expected: .boolean, found: node.describedValue, at: node.location))
        return nil
    }

    /// A whole number.
    public func int(_ key: String, diagnostics: inout Diagnostics) -> Int? {
        guard let node = node(key), !node.isNull else { return nil }
        if case .scalar(let scalar) = node.kind, scalar.style == .plain, let value = Int(scalar.text) {
            return value
        }
        diagnostics.append(.fieldWrongType(key, expected: .wholeNumber, found: node.describedValue, at: node.location))
        return nil
    }

    /// A date written `YYYY-MM-DD` that exists.
    public func date(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> SimpleDate? {
        guard let node = node(key), !node.isNull else {
            if required { missing(key, example: "2025-03-01", diagnostics: &diagnostics) }
            return nil
        }
        guard case .scalar(let scalar) = node.kind else {
            diagnostics.append(.fieldDateFormat(key, found: node.kindName, at: node.location))
            return nil
        }
        let text = scalar.text.trimmingSpaces
        if let date = SimpleDate(parsing: text) { return date }
        if SimpleDate.looksLikeDate(text) {
            diagnostics.append(.fieldDateDoesNotExist(text, at: node.location))
        } else {
            diagnostics.append(.fieldDateFormat(key, text: text, at: node.location))
        }
        return nil
    }

    /// A list of text values; a single text value is accepted as a list of one.
    public func stringList(_ key: String, diagnostics: inout Diagnostics) -> [(String, SourceLocation)]? {
        guard let node = node(key), !node.isNull else { return nil }
        switch node.kind {
        case .scalar(let scalar):
            return [(scalar.text.trimmingSpaces, node.location)]
        case .sequence(let items):
            var result: [(String, SourceLocation)] = []
            for item in items {
                if case .scalar(let scalar) = item.kind, !item.isNull {
                    result.append((scalar.text.trimmingSpaces, item.location))
                } else {
                    diagnostics.append(.fieldListEntryNotText(key, found: item.kindName, at: item.location))
                }
            }
            return result
        case .mapping:
            diagnostics.append(.fieldWrongType(key, expected: .list, found: node.kindName, at: node.location))
            return nil
        }
    }

    /// A list of ids, each checked for the id rules.
    public func idList(_ key: String, diagnostics: inout Diagnostics) -> [(String, SourceLocation)] {
        let values = stringList(key, diagnostics: &diagnostics) ?? []
        return values.filter { value, location in
            if ContentID.isValid(value) { return true }
            diagnostics.append(.fieldInvalidID(value, at: location))
            return false
        }
    }

    /// One of a fixed set of words.
    public func choice(_ key: String, among choices: [String], diagnostics: inout Diagnostics) -> String? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        if choices.contains(text) { return text }
        diagnostics.append(.fieldNotAChoice(key, value: text, choices: choices, at: node(key)?.location ?? location(of: key)))
        return nil
    }
}

extension YAMLNode {
    /// The value as shown in a message: `'yes'` for text, or what kind of node it is.
    var describedValue: String {
        if case .scalar(let scalar) = kind { return "'\(scalar.text)'" }
        return kindName
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // Almost always: printable ASCII at both ends, nothing to trim, no copy.
        if let first = utf8.first, let last = utf8.last,
           (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
