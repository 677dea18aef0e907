import VardplanDiagnostics

// The template engine's diagnostic codes (VP400–439) and the one place their messages
// are worded. Syntax problems (lexer, parser) are VP400–419; problems found when the
// library is checked or a page is rendered are VP420–439. Interface strings
// (VP440–459) and the templates folder (VP460–479) declare theirs in the core.

extension DiagnosticCode {
    /// A tag without its closing delimiter.
    static let templateUnclosedTag = DiagnosticCode("VP400")
    /// A set-delimiter tag that does not name two new delimiters.
    static let templateBadSetDelimiters = DiagnosticCode("VP401")
    /// A tag starting with a sigil the engine does not know (inheritance, pragmas, …).
    static let templateUnknownTagType = DiagnosticCode("VP402")
    /// A tag with nothing inside it.
    static let templateEmptyTagName = DiagnosticCode("VP403")
    /// A tag name with whitespace inside it.
    static let templateNameWithWhitespace = DiagnosticCode("VP404")
    /// A dotted name with an empty part (`a.`, `.a`, `a..b`).
    static let templateNameWithEmptyPart = DiagnosticCode("VP405")
    /// A dynamic partial name (`{{> *name}}`).
    static let templateDynamicPartial = DiagnosticCode("VP406")
    /// Sections nested deeper than the parser allows.
    static let templateSectionsTooDeep = DiagnosticCode("VP407")
    /// A closing tag with no section open.
    static let templateCloseWithoutOpen = DiagnosticCode("VP408")
    /// A closing tag for an outer section while an inner one is still open.
    static let templateCloseBeforeInner = DiagnosticCode("VP409")
    /// A closing tag whose name does not match the open section.
    static let templateCloseMismatch = DiagnosticCode("VP410")
    /// A section still open at the end of the file.
    static let templateUnclosedSection = DiagnosticCode("VP411")

    /// A partial tag naming a template that does not exist.
    static let templateMissingPartial = DiagnosticCode("VP420")
    /// Rendering a template name the library does not have.
    static let templateUnknownTemplate = DiagnosticCode("VP421")
    /// A variable or section name no render ever found (likely a typo).
    static let templateNameNeverFound = DiagnosticCode("VP422")
    /// A section iterating the list an enclosing section already iterates.
    static let templateRepeatedList = DiagnosticCode("VP423")
    /// A render that would visit too many nodes or write too many bytes.
    static let templateTooMuchWork = DiagnosticCode("VP424")
    /// Sections and partials nested deeper than a render allows, at a section.
    static let templateRenderTooDeep = DiagnosticCode("VP425")
    /// Partials nested deeper than a render allows (likely endless recursion).
    static let templatePartialTooDeep = DiagnosticCode("VP426")
}

extension Diagnostic {
    // MARK: - Syntax (TemplateLexer, TemplateParser)

    /// `{{z` without `}}`; `triple` for `{{{z` (which ends with `}}}`).
    static func templateUnclosedTag(_ snippet: String, closing: String, triple: Bool, at location: SourceLocation) -> Diagnostic {
        triple
            ? .error(.templateUnclosedTag, "unclosed tag '\(snippet)'; a triple mustache ends with '\(closing)'", at: location)
            : .error(.templateUnclosedTag, "unclosed tag '\(snippet)'; add '\(closing)' to close it", at: location)
    }

    /// `tag` is the quoted tag; `open`/`close` the delimiters in effect.
    static func templateBadSetDelimiters(_ tag: String, open: String, close: String, at location: SourceLocation) -> Diagnostic {
        .error(.templateBadSetDelimiters,
               "bad set-delimiter tag \(tag); write two new delimiters separated by a space "
                   + "between '=' signs, like '\(open)=<% %>=\(close)'",
               at: location)
    }

    /// `sigil` is the unknown first character, `tag` the quoted tag.
    static func templateUnknownTagType(_ sigil: String, tag: String, open: String, close: String,
                                       at location: SourceLocation) -> Diagnostic {
        var hint = "use '#', '^', '/', '!', '>', '&', '{' or '=' after '\(open)', or start the name with a letter"
        if sigil == "$" || sigil == "<" {
            hint = "template inheritance (parents and blocks) is not supported; use partials ('\(open)> name\(close)')"
        } else if sigil == "%" {
            hint = "pragmas are not supported; remove the tag"
        }
        return .error(.templateUnknownTagType, "unknown tag type '\(sigil)' in \(tag); \(hint)", at: location)
    }

    /// `example` is a well-formed tag of the same kind.
    static func templateEmptyTagName(tag: String, example: String, at location: SourceLocation) -> Diagnostic {
        .error(.templateEmptyTagName, "empty tag name in \(tag); put a name inside the tag, like '\(example)'", at: location)
    }

    static func templateNameWithWhitespace(_ name: String, tag: String, close: String, at location: SourceLocation) -> Diagnostic {
        .error(.templateNameWithWhitespace,
               "tag name '\(name)' in \(tag) contains whitespace; names cannot contain spaces "
                   + "(if a tag was not meant to end here, check its '\(close)')",
               at: location)
    }

    static func templateNameWithEmptyPart(_ name: String, tag: String, at location: SourceLocation) -> Diagnostic {
        .error(.templateNameWithEmptyPart,
               "name '\(name)' in \(tag) has an empty part; write dotted names like 'page.title', or '.' for the current item",
               at: location)
    }

    static func templateDynamicPartial(tag: String, open: String, close: String, at location: SourceLocation) -> Diagnostic {
        .error(.templateDynamicPartial,
               "dynamic partial names like \(tag) are not supported; write the partial's name, like '\(open)> header\(close)'",
               at: location)
    }

    static func templateSectionsTooDeep(limit: Int, tag: String, at location: SourceLocation) -> Diagnostic {
        .error(.templateSectionsTooDeep,
               "sections are nested more than \(limit) deep at \(tag); move the inner part into a partial or simplify the template",
               at: location)
    }

    /// `closing` is the quoted closing tag, `name` its name.
    static func templateCloseWithoutOpen(_ closing: String, name: String, open: String, close: String,
                                         at location: SourceLocation) -> Diagnostic {
        .error(.templateCloseWithoutOpen,
               "closing tag \(closing) has no open section; remove it or add '\(open)#\(name)\(close)' before it",
               at: location)
    }

    /// `section` is the inner section still open, opened at `opened`.
    static func templateCloseBeforeInner(_ closing: String, section: String, open: String, close: String,
                                         at location: SourceLocation, opened: SourceLocation) -> Diagnostic {
        .error(.templateCloseBeforeInner,
               "closing tag \(closing) comes before section '\(section)' is closed; add '\(open)/\(section)\(close)' before it",
               at: location, notes: [Note("section '\(section)' opened here", at: opened)])
    }

    static func templateCloseMismatch(_ closing: String, section: String, open: String, close: String,
                                      at location: SourceLocation, opened: SourceLocation) -> Diagnostic {
        .error(.templateCloseMismatch,
               "closing tag \(closing) does not match the open section '\(section)'; write '\(open)/\(section)\(close)' to close it",
               at: location, notes: [Note("section '\(section)' opened here", at: opened)])
    }

    static func templateUnclosedSection(_ section: String, open: String, close: String,
                                        at location: SourceLocation, opened: SourceLocation) -> Diagnostic {
        .error(.templateUnclosedSection,
               "unclosed section '\(section)' at end of file; add '\(open)/\(section)\(close)' to close it",
               at: location, notes: [Note("section '\(section)' opened here", at: opened)])
    }

    // MARK: - Library and rendering (TemplateLibrary, TemplateRenderer)

    /// `suggestion` is `NameSuggester.didYouMean`'s text, or empty.
    static func templateMissingPartial(_ name: String, suggestion: String, at location: SourceLocation) -> Diagnostic {
        let hint = suggestion.isEmpty ? "; create '\(name).mustache' in the templates folder or fix the name" : suggestion
        return .error(.templateMissingPartial, "partial '\(name)' does not exist\(hint)", at: location)
    }

    static func templateUnknownTemplate(_ name: String, suggestion: String) -> Diagnostic {
        let hint = suggestion.isEmpty ? "; add '\(name).mustache' to the templates folder or fix the name" : suggestion
        return .error(.templateUnknownTemplate, "no template named '\(name)'\(hint)", at: nil)
    }

    static func templateNameNeverFound(_ name: String, isSection: Bool, suggestion: String,
                                       at location: SourceLocation) -> Diagnostic {
        let kind = isSection ? "section" : "variable"
        return .warning(.templateNameNeverFound,
                        "\(kind) '\(name)' was never found in any context\(suggestion.isEmpty ? "; check the name" : suggestion)",
                        at: location)
    }

    /// `outer` is the enclosing section over the same list, opened at `outerLocation`.
    static func templateRepeatedList(_ name: String, at location: SourceLocation, outer: String,
                                     outerLocation: SourceLocation) -> Diagnostic {
        .error(.templateRepeatedList,
               "section '\(name)' iterates the list that the section around it already iterates, so every item "
                   + "would repeat the whole list; close the outer section before opening it again, or name the item's "
                   + "own field",
               at: location, notes: [Note("the outer section '\(outer)' opened here", at: outerLocation)])
    }

    /// `reason` says which bound was reached ("would write more than 64 MB").
    static func templateTooMuchWork(reason: String, at location: SourceLocation?) -> Diagnostic {
        .error(.templateTooMuchWork,
               "rendering stopped here: the page \(reason); a section or partial repeats itself inside itself "
                   + "(for example a partial that includes another one twice, level after level); simplify the templates",
               at: location)
    }

    static func templateRenderTooDeep(section name: String, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(.templateRenderTooDeep,
               "section '\(name)' is nested more than \(limit) sections and partials deep; "
                   + "simplify the templates or make sure a recursive partial stops",
               at: location)
    }

    /// `cycle` is the loop of partial names, when there is one.
    static func templatePartialTooDeep(_ name: String, partialLimit: Int, nestingLimit: Int, cycle: [String]?,
                                       at location: SourceLocation) -> Diagnostic {
        var notes: [Note] = []
        if let cycle {
            notes.append(Note("the partials include each other in a loop: \(cycle.map { "'\($0)'" }.joined(separator: " → "))"))
        }
        return .error(.templatePartialTooDeep,
                      "partial '\(name)' is nested too deep (more than \(partialLimit) partials, or \(nestingLimit) "
                          + "sections and partials), so it probably includes itself without end; make sure the recursion stops "
                          + "(for example inside a section over a list that becomes empty)",
                      at: location, notes: notes)
    }
}
