import VardplanDiagnostics

// Diagnostic codes of the interface strings (VP440–459), with the one place their
// messages are worded. The template engine's codes (VP400–439) are in
// Sources/VardplanTemplates/TemplateDiagnostics.swift, the templates folder's (VP460–479)
// in Sources/VardplanCore/Pipeline/TemplateFolderDiagnostics.swift.

extension DiagnosticCode {
    /// A strings file whose top level is not a mapping of `key: text` lines.
    static let stringsFileNotMapping = DiagnosticCode("VP440")
    /// A string whose value is not text.
    static let stringNotText = DiagnosticCode("VP441")
    /// A site language with no strings file.
    static let stringsFileMissing = DiagnosticCode("VP442")
    /// A key of the reference language that another language lacks.
    static let stringMissing = DiagnosticCode("VP443")
    /// A key that the reference language does not have (never shown).
    static let stringUnknown = DiagnosticCode("VP444")
}

extension Diagnostic {
    /// `kind` is what the file holds instead (`a list`, `text`…).
    static func stringsFileNotMapping(found kind: String, at location: SourceLocation) -> Diagnostic {
        .error(.stringsFileNotMapping, "a strings file is a list of 'key: text' lines, found \(kind)", at: location)
    }

    static func stringNotText(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error(.stringNotText, "the string '\(key)' must be text; write it as 'key: text'", at: location)
    }

    /// The site's own (reference) language has no strings file in `folder`.
    static func stringsFileMissing(reference: String, folder: String) -> Diagnostic {
        .error(.stringsFileMissing,
               "there is no strings file for the site's language '\(reference)'; create '\(folder)/\(reference).yaml' "
                   + "with the templates' fixed words (copy the bundled templates/strings/)",
               at: SourceLocation(path: "\(folder)/\(reference).yaml", line: 1, column: 1))
    }

    /// Another language of the site has no strings file; the reference has `keyCount` strings.
    static func stringsFileMissing(language: String, reference: String, keyCount: Int, folder: String) -> Diagnostic {
        .error(.stringsFileMissing,
               "the site has the language '\(language)' but there is no '\(folder)/\(language).yaml'; "
                   + "copy '\(reference).yaml' and translate its \(keyCount) strings",
               at: SourceLocation(path: "\(folder)/\(language).yaml", line: 1, column: 1))
    }

    /// `referenceText` is the key's text in the reference language.
    static func stringMissing(_ key: String, language: String, reference: String, referenceText: String,
                              at location: SourceLocation) -> Diagnostic {
        .error(.stringMissing,
               "the language '\(language)' lacks the string '\(key)' (in \(reference): '\(referenceText)'); add '\(key): …' to this file",
               at: location)
    }

    /// `suggestion` is `NameSuggester.didYouMean`'s text, or empty.
    static func stringUnknown(_ key: String, suggestion: String, at location: SourceLocation) -> Diagnostic {
        .warning(.stringUnknown, "'\(key)' is not a string of the templates\(suggestion); it is never shown", at: location)
    }
}
