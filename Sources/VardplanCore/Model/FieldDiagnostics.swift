import VardplanDiagnostics
import VardplanFrontMatter

// The codes and messages of reading typed fields from front matter (`FrontMatterReader`,
// VP200–VP229): keys missing, unknown or of the wrong type, dates and ids that are not valid.

extension DiagnosticCode {
    /// Front matter (or a nested block of it) that is not `key: value` lines.
    static let fieldsNotMapping = DiagnosticCode("VP200")
    /// A key the file kind does not know.
    static let fieldUnknownKey = DiagnosticCode("VP201")
    /// A required key that is not there.
    static let fieldMissing = DiagnosticCode("VP202")
    /// A value of the wrong type: a list for text, `yes` for a boolean, text for a number.
    static let fieldWrongType = DiagnosticCode("VP203")
    /// A required text value that is empty.
    static let fieldEmpty = DiagnosticCode("VP204")
    /// A date not written `YYYY-MM-DD`.
    static let fieldDateFormat = DiagnosticCode("VP205")
    /// A date written `YYYY-MM-DD` that does not exist, such as 2025-02-30.
    static let fieldDateDoesNotExist = DiagnosticCode("VP206")
    /// An id that breaks the id rules (lower-case a-z, digits and dashes).
    static let fieldInvalidID = DiagnosticCode("VP207")
    /// A value outside a fixed set of words.
    static let fieldNotAChoice = DiagnosticCode("VP208")
}

extension Diagnostic {
    /// `container` names what holds the keys ("the front matter", "this contact");
    /// `found` is the node's kind name.
    static func fieldsNotMapping(_ container: String, found: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldsNotMapping, "\(container) must be 'key: value' lines, found \(found)", at: location)
    }

    /// `allowed` are the keys this container knows, for the suggestion.
    static func fieldUnknownKey(_ key: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        let hint = NameSuggester.didYouMean(key, among: allowed)
        let known = hint.isEmpty ? "; known keys are \(allowed.map { "'\($0)'" }.joined(separator: ", "))" : hint
        return .error(.fieldUnknownKey, "unknown key '\(key)'\(known)", at: location)
    }

    /// `example` is a value to show in the line to add.
    static func fieldMissing(_ key: String, example: String, container: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldMissing, "missing required key '\(key)'; add a line '\(key): \(example)' to \(container)", at: location)
    }

    /// What a field's value must be, as said in messages.
    enum ExpectedValue: String {
        case text = "text"
        case boolean = "true or false"
        case wholeNumber = "a whole number"
        case list = "a list such as [a, b]"
    }

    /// `found` is what the value is: a kind name ("a list"), or the value in quotes.
    static func fieldWrongType(_ key: String, expected: ExpectedValue, found: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldWrongType, "'\(key)' must be \(expected.rawValue), found \(found)", at: location)
    }

    static func fieldListEntryNotText(_ key: String, found: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldWrongType, "every entry of '\(key)' must be text, found \(found)", at: location)
    }

    static func fieldEmpty(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldEmpty, "'\(key)' is empty; write the \(key) after the colon", at: location)
    }

    /// `found` is the kind name of a value that is not text ("a list").
    static func fieldDateFormat(_ key: String, found: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldDateFormat, "'\(key)' must be a date written YYYY-MM-DD, found \(found)", at: location)
    }

    /// `text` is the value as written (trimmed), which is not a date.
    static func fieldDateFormat(_ key: String, text: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldDateFormat, "'\(key)' must be a date written YYYY-MM-DD, found '\(text)'", at: location)
    }

    static func fieldDateDoesNotExist(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldDateDoesNotExist, "'\(text)' is not a date that exists; check the month and the day", at: location)
    }

    static func fieldInvalidID(_ value: String, at location: SourceLocation) -> Diagnostic {
        .error(.fieldInvalidID,
               "'\(value)' is not a valid id; use lower-case a-z, digits and dashes, for example '\(ContentID.suggestion(for: value))'",
               at: location)
    }

    static func fieldNotAChoice(_ key: String, value: String, choices: [String], at location: SourceLocation) -> Diagnostic {
        let hint = NameSuggester.didYouMean(value, among: choices)
        return .error(.fieldNotAChoice,
                      "'\(key)' must be one of \(choices.map { "'\($0)'" }.joined(separator: ", ")), found '\(value)'\(hint)",
                      at: location)
    }
}
