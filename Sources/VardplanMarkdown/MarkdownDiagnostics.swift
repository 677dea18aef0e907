import VardplanDiagnostics

// The problems the Markdown parser reports (VP300–VP399), each with its message in one
// place. Listed in docs/diagnostics.md.

extension DiagnosticCode {
    /// Block quotes, lists or inlines nested deeper than the parser keeps.
    static let markdownNestedTooDeep = DiagnosticCode("VP300")
    /// Raw HTML in a body (comments excepted): never published.
    static let markdownRawHTML = DiagnosticCode("VP301")
    /// A block quote starting with `[!NAME]` where NAME is not a callout kind.
    static let markdownUnknownCalloutMarker = DiagnosticCode("VP302")
    /// A pipe table whose header and delimiter row have different numbers of cells.
    static let markdownTableCellCountMismatch = DiagnosticCode("VP303")
    /// A link or image address that could run a script or reach the reader's computer.
    static let markdownUnsafeAddress = DiagnosticCode("VP304")
}

extension Diagnostic {
    static func markdownNestedTooDeep(maximumDepth: Int, at location: SourceLocation) -> Diagnostic {
        .warning(.markdownNestedTooDeep,
                 "this is nested more than \(maximumDepth) levels deep; the deeper levels are flattened", at: location)
    }

    static func markdownRawHTML(at location: SourceLocation) -> Diagnostic {
        .warning(.markdownRawHTML, "raw HTML is not published; write it in Markdown instead", at: location)
    }

    /// `name` as written between `[!` and `]`; suggests the nearest marker or alias.
    static func markdownUnknownCalloutMarker(_ name: String, at location: SourceLocation) -> Diagnostic {
        let expected = MarkdownCalloutKind.allCases.map { "'\($0.marker)'" }.joined(separator: ", ")
        var message = "unknown callout marker '[!\(name)]'; expected one of \(expected)"
        if let alias = MarkdownCalloutRecognizer.githubAliases[name.uppercased()] {
            message += NameSuggester.didYouMeanClause(alias.marker)
        } else {
            message += NameSuggester.didYouMean(name.uppercased(), among: MarkdownCalloutKind.allCases.map(\.marker))
        }
        return .warning(.markdownUnknownCalloutMarker, message, at: location)
    }

    static func markdownTableCellCountMismatch(headerCells: Int, delimiterCells: Int,
                                               at location: SourceLocation) -> Diagnostic {
        .warning(.markdownTableCellCountMismatch,
                 "this looks like a table, but the header has \(headerCells) cell\(headerCells == 1 ? "" : "s") and the delimiter row \(delimiterCells); give both rows the same number of cells",
                 at: location)
    }

    /// `scheme` lowercased with its colon (`javascript:`); `destination` as written,
    /// shortened to 40 characters.
    static func markdownUnsafeAddress(_ destination: String, scheme: String, image: Bool,
                                      at location: SourceLocation) -> Diagnostic {
        let what = image ? "an image" : "a link"
        let advice: String
        switch scheme {
        case "javascript:", "vbscript:":
            advice = "a '\(scheme)' address runs a script, so it is published as an empty address; "
                + "link to a web page ('https://…') or a step ('steg:…') instead"
        case "file:":
            advice = "a 'file:' address points into the reader's own computer, so it is published as an empty address; "
                + "link to a web page ('https://…') or a step ('steg:…') instead"
        default:
            advice = "a '\(scheme)' address carries its content inside the link and could run a script, so it is "
                + "published as an empty address; put the file in the templates' 'assets/' folder or link to a web page"
        }
        let shortened = destination.count <= 40 ? destination : String(destination.prefix(39)) + "…"
        return .error(.markdownUnsafeAddress, "\(what) to '\(shortened)': \(advice)", at: location)
    }
}
