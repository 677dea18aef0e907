import VardplanDiagnostics

// The content model's diagnostics (VP230–VP299): site.yaml and _diagnosis.md values,
// ids, empty modules, sections and steps, care phases, translations and regional
// texts. Each code's wording lives here; docs/diagnostics.md lists them.

extension DiagnosticCode {
    /// `base_url` in site.yaml is not an absolute http(s) address.
    static let baseURLNotAbsolute = DiagnosticCode("VP230")
    /// `next_review` is not after `approved`.
    static let reviewBeforeApproval = DiagnosticCode("VP231")
    /// The review date of a diagnosis has passed (warning).
    static let reviewDatePassed = DiagnosticCode("VP232")
    /// A diagnosis folder has no modules.
    static let diagnosisWithoutModules = DiagnosticCode("VP233")
    /// `general_modules` names a general module that does not exist.
    static let unknownGeneralModule = DiagnosticCode("VP234")
    /// `changes` is not a list of entries.
    static let changesNotAList = DiagnosticCode("VP235")
    /// A content file without front matter.
    static let missingFrontMatter = DiagnosticCode("VP236")
    /// `id:` is not a valid id.
    static let invalidID = DiagnosticCode("VP237")
    /// A file or folder name that gives no valid id, and no `id:`.
    static let nameGivesNoID = DiagnosticCode("VP238")
    /// An id or alias used twice where ids must be unique.
    static let duplicateID = DiagnosticCode("VP239")
    /// A module with no sections.
    static let moduleWithoutSections = DiagnosticCode("VP240")
    /// A section with no steps.
    static let sectionWithoutSteps = DiagnosticCode("VP241")
    /// A step with no text.
    static let stepWithoutText = DiagnosticCode("VP242")
    /// `phases` names a care phase site.yaml does not list.
    static let unknownCarePhase = DiagnosticCode("VP243")
    /// A translation file in a language the site does not translate into.
    static let notATranslationLanguage = DiagnosticCode("VP244")
    /// A translation with no text where the Swedish text has some.
    static let translationWithoutText = DiagnosticCode("VP245")
    /// A translation whose Swedish text changed after it was translated (warning).
    static let staleTranslation = DiagnosticCode("VP246")
    /// A translation without `source_hash` (warning).
    static let translationWithoutSourceHash = DiagnosticCode("VP247")
    /// A regional file with no text.
    static let regionalTextEmpty = DiagnosticCode("VP250")
    /// A regional file names a diagnosis that does not exist.
    static let regionalUnknownDiagnosis = DiagnosticCode("VP251")
    /// A regional file with both `step:` and `section:`.
    static let regionalStepAndSection = DiagnosticCode("VP252")
    /// A regional file with neither `step:` nor `section:`.
    static let regionalPlaceMissing = DiagnosticCode("VP253")
    /// A regional supplement to a national step that does not exist.
    static let regionalUnknownStep = DiagnosticCode("VP254")
    /// `section:` not written `<module id>/<section id>`.
    static let regionalSectionMalformed = DiagnosticCode("VP255")
    /// A regional step in a national section that does not exist.
    static let regionalUnknownSection = DiagnosticCode("VP256")
    /// A regional step whose id is already a national step's.
    static let regionalStepIDTaken = DiagnosticCode("VP257")
}

/// Where ids must be unique, for `duplicateID`: names the kind of item and the scope.
enum UniqueIDScope: Sendable {
    /// General modules, among themselves.
    case generalModules
    /// Diagnoses, in the whole site.
    case diagnoses
    /// Regions, in `regions/`.
    case regions
    /// Modules within one diagnosis.
    case modules(diagnosisID: String)
    /// Steps within one diagnosis, its general modules included.
    case steps(diagnosisID: String)
    /// Sections within one module.
    case sections(moduleID: String)

    var kind: String {
        switch self {
        case .generalModules: "general module"
        case .diagnoses: "diagnosis"
        case .regions: "region"
        case .modules: "module"
        case .steps: "step"
        case .sections: "section"
        }
    }

    var scope: String {
        switch self {
        case .generalModules: "among the general modules"
        case .diagnoses: "in the site"
        case .regions: "in 'regions/'"
        case .modules(let diagnosisID): "within the diagnosis '\(diagnosisID)'"
        case .steps(let diagnosisID): "within the diagnosis '\(diagnosisID)' (its general modules included)"
        case .sections(let moduleID): "within the module '\(moduleID)'"
        }
    }
}

extension Diagnostic {
    static func baseURLNotAbsolute(_ url: String, at location: SourceLocation) -> Diagnostic {
        .error(.baseURLNotAbsolute,
               "'base_url' must be an absolute http(s) address such as 'https://example.org/', found '\(url)'",
               at: location)
    }

    static func reviewBeforeApproval(nextReview: SimpleDate, approved: SimpleDate, at location: SourceLocation) -> Diagnostic {
        .error(.reviewBeforeApproval, "'next_review' (\(nextReview)) must come after 'approved' (\(approved))", at: location)
    }

    static func reviewDatePassed(_ nextReview: SimpleDate, today: SimpleDate, at location: SourceLocation) -> Diagnostic {
        .warning(.reviewDatePassed,
                 "the review date \(nextReview) has passed (today is \(today)); review the text and set a new 'next_review'",
                 at: location)
    }

    static func diagnosisWithoutModules(_ diagnosisID: String, at location: SourceLocation) -> Diagnostic {
        .error(.diagnosisWithoutModules,
               "the diagnosis '\(diagnosisID)' has no modules; add a module folder with a '_module.md'", at: location)
    }

    static func unknownGeneralModule(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.unknownGeneralModule,
               "there is no general module '\(id)' in 'general/'\(NameSuggester.didYouMeanClause(suggestion))", at: location)
    }

    static func changesNotAList(at location: SourceLocation) -> Diagnostic {
        .error(.changesNotAList, "'changes' must be a list of entries with 'version', 'changed' and 'removed'", at: location)
    }

    static func missingFrontMatter(at location: SourceLocation) -> Diagnostic {
        .error(.missingFrontMatter,
               "the file has no front matter; start it with a line '---', the keys, and a line '---'", at: location)
    }

    static func invalidID(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(.invalidID,
               "'\(id)' is not a valid id; use lower-case a-z, digits and dashes, for example '\(ContentID.suggestion(for: id))'",
               at: location)
    }

    static func nameGivesNoID(_ name: String, suggestedID: String, at location: SourceLocation) -> Diagnostic {
        .error(.nameGivesNoID,
               "the name '\(name)' does not give a valid id; rename it to '\(suggestedID)' (a-z, digits and dashes; å, ä → a, ö → o) or set 'id:'",
               at: location)
    }

    static func duplicateID(_ id: String, in scope: UniqueIDScope, at location: SourceLocation,
                            firstUse: SourceLocation) -> Diagnostic {
        .error(.duplicateID, "duplicate \(scope.kind) id '\(id)'; \(scope.kind) ids must be unique \(scope.scope)",
               at: location, notes: [Note("'\(id)' is first used here", at: firstUse)])
    }

    static func moduleWithoutSections(_ moduleID: String, at location: SourceLocation) -> Diagnostic {
        .error(.moduleWithoutSections,
               "the module '\(moduleID)' has no sections, so the patient would see an empty heading; add a section folder with a '_section.md' and a step",
               at: location)
    }

    static func sectionWithoutSteps(_ sectionID: String, at location: SourceLocation) -> Diagnostic {
        .error(.sectionWithoutSteps,
               "the section '\(sectionID)' has no steps, so the patient would see an empty heading; add a step file ('01-namn.md') to it",
               at: location)
    }

    static func stepWithoutText(_ stepID: String, at location: SourceLocation) -> Diagnostic {
        .error(.stepWithoutText, "the step '\(stepID)' has no text; write the patient text below the front matter", at: location)
    }

    /// `known` is listed when there is no suggestion.
    static func unknownCarePhase(_ phase: String, suggestion: String?, known: [String], at location: SourceLocation) -> Diagnostic {
        let hint = suggestion == nil
            ? "; 'phases' in site.yaml lists \(known.joined(separator: ", "))"
            : NameSuggester.didYouMeanClause(suggestion)
        return .error(.unknownCarePhase, "unknown care phase '\(phase)'\(hint)", at: location)
    }

    static func notATranslationLanguage(_ language: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.notATranslationLanguage,
               "'\(language)' is not a translation language of this site\(NameSuggester.didYouMeanClause(suggestion)); add it to 'languages' in site.yaml or rename the file",
               at: location)
    }

    static func translationWithoutText(at location: SourceLocation) -> Diagnostic {
        .error(.translationWithoutText, "the translation has no text; write it below the front matter", at: location)
    }

    static func staleTranslation(swedishFile: String, currentHash: String, at location: SourceLocation) -> Diagnostic {
        .warning(.staleTranslation,
                 "stale translation: the Swedish text '\(swedishFile)' changed after it was translated; update the translation, then set 'source_hash: \(currentHash)'",
                 at: location)
    }

    static func translationWithoutSourceHash(swedishFile: String, currentHash: String, at location: SourceLocation) -> Diagnostic {
        .warning(.translationWithoutSourceHash,
                 "the translation does not record which Swedish text it translates; when it matches '\(swedishFile)', add 'source_hash: \(currentHash)' to its front matter",
                 at: location)
    }

    static func regionalTextEmpty(at location: SourceLocation) -> Diagnostic {
        .error(.regionalTextEmpty, "the regional text is empty; write it below the front matter", at: location)
    }

    static func regionalUnknownDiagnosis(_ diagnosisID: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.regionalUnknownDiagnosis,
               "there is no diagnosis '\(diagnosisID)'\(NameSuggester.didYouMeanClause(suggestion))", at: location)
    }

    static func regionalStepAndSection(at location: SourceLocation) -> Diagnostic {
        .error(.regionalStepAndSection,
               "a regional file has either 'step:' (a supplement to a national step) or 'section:' (a regional step in a national section), not both",
               at: location)
    }

    static func regionalPlaceMissing(at location: SourceLocation) -> Diagnostic {
        .error(.regionalPlaceMissing,
               "say where this regional text belongs: 'step: <step id>' to add it to a national step, or 'section: <module>/<section>' to make it a regional step in that section",
               at: location)
    }

    static func regionalUnknownStep(_ stepID: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.regionalUnknownStep,
               "there is no national step '\(stepID)' to add this supplement to\(NameSuggester.didYouMeanClause(suggestion))",
               at: location)
    }

    static func regionalSectionMalformed(at location: SourceLocation) -> Diagnostic {
        .error(.regionalSectionMalformed,
               "write 'section:' as '<module id>/<section id>', for example 'utredning/rontgen'", at: location)
    }

    static func regionalUnknownSection(_ place: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.regionalUnknownSection,
               "there is no national section '\(place)'\(NameSuggester.didYouMeanClause(suggestion))", at: location)
    }

    static func regionalStepIDTaken(_ id: String, diagnosisID: String, at location: SourceLocation,
                                    nationalStep: SourceLocation) -> Diagnostic {
        .error(.regionalStepIDTaken,
               "the regional step id '\(id)' is already a national step of '\(diagnosisID)'; give it another id",
               at: location, notes: [Note("the national step is here", at: nationalStep)])
    }
}
