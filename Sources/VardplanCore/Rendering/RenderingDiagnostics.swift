import VardplanDiagnostics

// Links and images in the texts (VP700–VP799). Each code's wording lives here;
// docs/diagnostics.md lists them.

extension DiagnosticCode {
    /// A `steg:` link to a step the diagnosis does not have.
    public static let linkToUnknownStep = DiagnosticCode("VP700")
    /// A `modul:` link to a module the diagnosis does not have.
    public static let linkToUnknownModule = DiagnosticCode("VP701")
    /// A relative `.md` link that leads to no page of the diagnosis.
    public static let linkToNoPage = DiagnosticCode("VP702")
    /// An image without alt text.
    public static let imageWithoutAlt = DiagnosticCode("VP710")
    /// An image of a type pages and printouts cannot show.
    public static let imageTypeUnsupported = DiagnosticCode("VP711")
    /// An image file that is not beside the text.
    public static let imageFileMissing = DiagnosticCode("VP712")
    /// An image file over `ContentImage.maximumSize`.
    public static let imageTooLarge = DiagnosticCode("VP713")
}

extension Diagnostic {
    static func linkToUnknownStep(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.linkToUnknownStep,
               "there is no step '\(id)' in this diagnosis\(NameSuggester.didYouMeanClause(suggestion))", at: location)
    }

    static func linkToUnknownModule(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.linkToUnknownModule,
               "there is no module '\(id)' in this diagnosis\(NameSuggester.didYouMeanClause(suggestion))", at: location)
    }

    static func linkToNoPage(_ target: String, at location: SourceLocation) -> Diagnostic {
        .error(.linkToNoPage,
               "'\(target)' does not lead to a step, section or module of this diagnosis; check the path, or link by id with 'steg:…'",
               at: location)
    }

    static func imageWithoutAlt(_ source: String, at location: SourceLocation) -> Diagnostic {
        .error(.imageWithoutAlt,
               "the image '\(source)' has no alt text; write what it shows between the brackets, ![like this](\(source)), for readers who cannot see it",
               at: location)
    }

    /// `supported` are the file types pages and printouts show.
    static func imageTypeUnsupported(_ source: String, supported: [String], at location: SourceLocation) -> Diagnostic {
        .error(.imageTypeUnsupported,
               "'\(source)' is not an image type pages and printouts can show; save it as one of \(supported.joined(separator: ", "))",
               at: location)
    }

    static func imageFileMissing(_ source: String, at location: SourceLocation) -> Diagnostic {
        .error(.imageFileMissing,
               "there is no image file '\(source)' beside this file; put the image in the same folder as the Markdown file, or correct the name",
               at: location)
    }

    /// Sizes in bytes; the message gives them in KB.
    static func imageTooLarge(_ source: String, size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(.imageTooLarge,
               "the image '\(source)' is \(size / 1024) KB, over the limit of \(limit / 1024) KB; scale it down (about 1600 pixels wide is plenty) or save it compressed",
               at: location)
    }
}
