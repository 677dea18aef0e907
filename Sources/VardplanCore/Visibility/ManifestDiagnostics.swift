import VardplanDiagnostics

// Manifests and patient plans (VP500–VP599). Each code's wording lives here;
// docs/diagnostics.md lists them.
//
// A manifest may name people, so no constructor here takes text read from a manifest:
// their parameters are the manifest format's own words (its keys, its mappings, the
// kind of value found), ids and versions the content defines, dates and counts. A
// did-you-mean names the content's id, never what the manifest wrote.

extension DiagnosticCode {
    /// A manifest with nothing in it.
    static let manifestEmpty = DiagnosticCode("VP500")
    /// `diagnosis` is not an id.
    static let manifestDiagnosisNotAnID = DiagnosticCode("VP501")
    /// `modules` is not a mapping of module ids to statuses.
    static let moduleStatusesNotAMapping = DiagnosticCode("VP502")
    /// A module status other than aktuell, kommande or avklarad.
    static let unknownModuleStatus = DiagnosticCode("VP503")
    /// A planning entry without `date`, `month` or `when`.
    static let planningWithoutTime = DiagnosticCode("VP504")
    /// A planning entry with more than one of `date`, `month` and `when`.
    static let planningWithSeveralTimes = DiagnosticCode("VP505")
    /// `month` not written YYYY-MM.
    static let planningMonthMalformed = DiagnosticCode("VP506")
    /// A comment with both `step` and `module`.
    static let commentWithTwoTargets = DiagnosticCode("VP507")
    /// A comment with neither `step` nor `module`.
    static let commentWithoutTarget = DiagnosticCode("VP508")
    /// `contacts`, `planning` or `comments` not a list.
    static let manifestListExpected = DiagnosticCode("VP509")
    /// Text that looks like a personal identity number.
    static let personalIdentityNumber = DiagnosticCode("VP510")
    /// The manifest, a contact, a planning entry or a comment not a mapping.
    static let manifestMappingExpected = DiagnosticCode("VP520")
    /// A key the manifest format does not have.
    static let unknownManifestKey = DiagnosticCode("VP521")
    /// A required key missing.
    static let missingManifestKey = DiagnosticCode("VP522")
    /// A text value that is a list or a mapping.
    static let manifestTextExpected = DiagnosticCode("VP523")
    /// A required text left empty.
    static let manifestTextEmpty = DiagnosticCode("VP524")
    /// A date that is a list or a mapping.
    static let manifestDateExpected = DiagnosticCode("VP525")
    /// A date not written YYYY-MM-DD.
    static let manifestDateMalformed = DiagnosticCode("VP526")
    /// A date written YYYY-MM-DD that does not exist.
    static let manifestDateImpossible = DiagnosticCode("VP527")
    /// `show` or `hide` written as a mapping.
    static let idListIsAMapping = DiagnosticCode("VP528")
    /// An entry of `show` or `hide` that is not a single id.
    static let idListEntryNotAnID = DiagnosticCode("VP529")
    /// An entry of `show` or `hide` that breaks the id rules.
    static let idListEntryInvalid = DiagnosticCode("VP530")
    /// The manifest's diagnosis is not in the content.
    static let planUnknownDiagnosis = DiagnosticCode("VP540")
    /// The manifest's language is not a language of the site.
    static let planUnknownLanguage = DiagnosticCode("VP541")
    /// A module id the diagnosis does not have.
    static let planUnknownModule = DiagnosticCode("VP542")
    /// A step id the diagnosis does not have.
    static let planUnknownStep = DiagnosticCode("VP543")
    /// A step both in `show` and in `hide`.
    static let stepShownAndHidden = DiagnosticCode("VP544")
    /// A plan started longer ago than a plan may be kept.
    static let planTooOld = DiagnosticCode("VP545")
    /// A start date in the future.
    static let planStartsInFuture = DiagnosticCode("VP546")
    /// A manifest made against a newer content version (warning).
    static let manifestVersionNewer = DiagnosticCode("VP547")
    /// A manifest made against an older content version (warning).
    static let manifestVersionOlder = DiagnosticCode("VP548")
    /// A comment on a module that is not printed (warning).
    static let commentOnUnprintedModule = DiagnosticCode("VP549")
    /// A comment on a step that is not printed (warning).
    static let commentOnUnprintedStep = DiagnosticCode("VP550")
    /// A step in `show` whose module is not current, so it is not printed (warning).
    static let shownStepNotPrinted = DiagnosticCode("VP551")
    /// A plan without a contact (warning).
    static let planWithoutContact = DiagnosticCode("VP552")
    /// A planning date or month already past (warning).
    static let planningInPast = DiagnosticCode("VP553")
}

/// A mapping of the manifest format, as messages name it.
enum ManifestMapping: String, Sendable, CaseIterable {
    case manifest = "the manifest"
    case contact = "this contact"
    case planningEntry = "this planning entry"
    case comment = "this comment"
}

extension Diagnostic {
    // ManifestReader

    static func manifestEmpty(at location: SourceLocation) -> Diagnostic {
        .error(.manifestEmpty, "the manifest is empty; start from 'vardplan manifest new DIAGNOSIS'", at: location)
    }

    static func manifestDiagnosisNotAnID(at location: SourceLocation) -> Diagnostic {
        .error(.manifestDiagnosisNotAnID,
               "the 'diagnosis' is not a valid id; write the diagnosis id as on the staff overview, such as brostcancer",
               at: location)
    }

    /// `foundKind` is the kind of value found (`YAMLNode.kindName`).
    static func moduleStatusesNotAMapping(foundKind: String, at location: SourceLocation) -> Diagnostic {
        .error(.moduleStatusesNotAMapping,
               "'modules' must be lines 'module-id: aktuell|kommande|avklarad', found \(foundKind)", at: location)
    }

    /// `foundKind` when the value is not text; `suggestion` the nearest status.
    static func unknownModuleStatus(foundKind: String?, suggestion: ModuleStatus?, at location: SourceLocation) -> Diagnostic {
        let found = foundKind.map { ", found \($0)" } ?? ""
        let hint = suggestion.map { " (did you mean '\($0.rawValue)'?)" } ?? ""
        return .error(.unknownModuleStatus, "unknown module status\(found)\(hint); write aktuell, kommande or avklarad",
                      at: location)
    }

    static func planningWithoutTime(at location: SourceLocation) -> Diagnostic {
        .error(.planningWithoutTime,
               "a planning entry needs one of 'date: 2026-04-02', 'month: 2026-04' or 'when: i början av april'", at: location)
    }

    /// `keys` are the format's keys given (of `date`, `month`, `when`).
    static func planningWithSeveralTimes(keys: [String], at location: SourceLocation) -> Diagnostic {
        .error(.planningWithSeveralTimes,
               "a planning entry takes only one of 'date', 'month' and 'when', found \(keys.map { "'\($0)'" }.joined(separator: " and "))",
               at: location)
    }

    static func planningMonthMalformed(at location: SourceLocation) -> Diagnostic {
        .error(.planningMonthMalformed, "'month' must be written YYYY-MM with a month 01–12, such as 2027-02", at: location)
    }

    static func commentWithTwoTargets(at location: SourceLocation) -> Diagnostic {
        .error(.commentWithTwoTargets, "a comment belongs to one step or one module, not both", at: location)
    }

    static func commentWithoutTarget(at location: SourceLocation) -> Diagnostic {
        .error(.commentWithoutTarget, "a comment needs 'step: step-id' or 'module: module-id' to say where it belongs",
               at: location)
    }

    /// `key` is the format's key of the list; `foundKind` the kind of value found.
    static func manifestListExpected(key: String, foundKind: String, at location: SourceLocation) -> Diagnostic {
        .error(.manifestListExpected, "'\(key)' must be a list of entries starting with '- ', found \(foundKind)", at: location)
    }

    static func personalIdentityNumber(at location: SourceLocation) -> Diagnostic {
        .error(.personalIdentityNumber,
               "this looks like a personal identity number; a manifest must not hold one (the printout has a blank line for the name): remove it",
               at: location)
    }

    // ManifestFieldReader: `key` is always one of the format's keys.

    static func manifestMappingExpected(_ mapping: ManifestMapping, foundKind: String, at location: SourceLocation) -> Diagnostic {
        .error(.manifestMappingExpected, "\(mapping.rawValue) must be 'key: value' lines, found \(foundKind)", at: location)
    }

    /// `suggestion` is the nearest of `knownKeys`; without one, the keys are listed.
    static func unknownManifestKey(in mapping: ManifestMapping, knownKeys: [String], suggestion: String?,
                                   at location: SourceLocation) -> Diagnostic {
        let hint = suggestion == nil
            ? "; the keys of \(mapping.rawValue) are \(knownKeys.map { "'\($0)'" }.joined(separator: ", "))"
            : NameSuggester.didYouMeanClause(suggestion)
        return .error(.unknownManifestKey, "unknown key in \(mapping.rawValue)" + hint, at: location)
    }

    /// `example` is the format's example value; `why` an optional clause after it.
    static func missingManifestKey(_ key: String, example: String, in mapping: ManifestMapping, why: String,
                                   at location: SourceLocation) -> Diagnostic {
        .error(.missingManifestKey,
               "missing required key '\(key)'; add a line '\(key): \(example)' to \(mapping.rawValue)\(why)", at: location)
    }

    static func manifestTextExpected(key: String, foundKind: String, at location: SourceLocation) -> Diagnostic {
        .error(.manifestTextExpected, "'\(key)' must be text, found \(foundKind)", at: location)
    }

    static func manifestTextEmpty(key: String, at location: SourceLocation) -> Diagnostic {
        .error(.manifestTextEmpty, "'\(key)' is empty; write the \(key) after the colon", at: location)
    }

    static func manifestDateExpected(key: String, foundKind: String, at location: SourceLocation) -> Diagnostic {
        .error(.manifestDateExpected, "'\(key)' must be a date written YYYY-MM-DD, found \(foundKind)", at: location)
    }

    static func manifestDateMalformed(key: String, at location: SourceLocation) -> Diagnostic {
        .error(.manifestDateMalformed, "'\(key)' must be a date written YYYY-MM-DD, such as 2026-09-01", at: location)
    }

    static func manifestDateImpossible(key: String, at location: SourceLocation) -> Diagnostic {
        .error(.manifestDateImpossible, "the '\(key)' is not a date that exists; check the month and the day", at: location)
    }

    /// `what` names the ids listed (`step`).
    static func idListIsAMapping(key: String, what: String, at location: SourceLocation) -> Diagnostic {
        .error(.idListIsAMapping, "'\(key)' must be a list of \(what) ids such as [id-1, id-2], found a mapping", at: location)
    }

    static func idListEntryNotAnID(key: String, what: String, foundKind: String, at location: SourceLocation) -> Diagnostic {
        .error(.idListEntryNotAnID, "every entry of '\(key)' must be a \(what) id, found \(foundKind)", at: location)
    }

    static func idListEntryInvalid(key: String, what: String, at location: SourceLocation) -> Diagnostic {
        .error(.idListEntryInvalid,
               "this entry of '\(key)' is not a valid id; a \(what) id is lower-case a-z, digits and dashes, as on the staff overview",
               at: location)
    }

    // PlanResolver: ids are the content's (a suggestion, or one the manifest's id resolved to).

    /// Without a `suggestion`, the content's diagnoses are listed.
    static func planUnknownDiagnosis(suggestion: String?, contentDiagnoses: [String], at location: SourceLocation) -> Diagnostic {
        let known = suggestion == nil
            ? "; the content has \(contentDiagnoses.map { "'\($0)'" }.joined(separator: ", "))"
            : NameSuggester.didYouMeanClause(suggestion)
        return .error(.planUnknownDiagnosis, "there is no diagnosis with this id\(known)", at: location)
    }

    static func planUnknownLanguage(suggestion: String?, siteLanguages: [String], at location: SourceLocation) -> Diagnostic {
        .error(.planUnknownLanguage,
               "the 'language' is not a language of this site\(NameSuggester.didYouMeanClause(suggestion)); the site has \(siteLanguages.joined(separator: ", "))",
               at: location)
    }

    static func planUnknownModule(diagnosisID: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.planUnknownModule,
               "there is no module with this id in '\(diagnosisID)'" + NameSuggester.didYouMeanClause(suggestion), at: location)
    }

    static func planUnknownStep(diagnosisID: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(.planUnknownStep,
               "there is no step with this id in '\(diagnosisID)'" + NameSuggester.didYouMeanClause(suggestion), at: location)
    }

    /// `stepID` is the content's id the manifest's entries resolved to.
    static func stepShownAndHidden(stepID: String, at location: SourceLocation, shownAt: SourceLocation) -> Diagnostic {
        .error(.stepShownAndHidden, "the step '\(stepID)' is both in 'show' and in 'hide'; keep it in one of them",
               at: location, notes: [Note("'\(stepID)' is shown here", at: shownAt)])
    }

    static func planTooOld(days: Int, maximum: Int, at location: SourceLocation) -> Diagnostic {
        .error(.planTooOld,
               "the plan started \(days) days ago; a plan must be ended and purged within \(maximum) days, so end this one and start a new plan with the patient",
               at: location)
    }

    static func planStartsInFuture(today: SimpleDate, at location: SourceLocation) -> Diagnostic {
        .error(.planStartsInFuture, "the start date is in the future (today is \(today)); check the year", at: location)
    }

    static func manifestVersionNewer(contentVersion: String, at location: SourceLocation) -> Diagnostic {
        .warning(.manifestVersionNewer,
                 "the manifest was made against a version newer than the content's \(contentVersion); check that the content is up to date",
                 at: location)
    }

    /// `madeAgainst` is quoted only as a version the content's `changes` names (nil:
    /// "an older version"); `changed` and `removed` are the content's step ids.
    static func manifestVersionOlder(madeAgainst knownVersion: String?, contentVersion: String,
                                     changed: [String], removed: [String], at location: SourceLocation) -> Diagnostic {
        var parts: [String] = []
        if !changed.isEmpty { parts.append("changed: \(changed.joined(separator: ", "))") }
        if !removed.isEmpty { parts.append("removed: \(removed.joined(separator: ", "))") }
        let detail = parts.isEmpty ? "no step changes are recorded in 'changes' of _diagnosis.md" : parts.joined(separator: "; ")
        let version = knownVersion.map { "version \($0)" } ?? "an older version"
        return .warning(.manifestVersionOlder,
                        "the manifest was made against \(version), the content is \(contentVersion); since then \(detail). Review those steps with the patient and set 'content_version: \"\(contentVersion)\"'",
                        at: location)
    }

    static func commentOnUnprintedModule(moduleID: String, status: ModuleStatus, at location: SourceLocation) -> Diagnostic {
        .warning(.commentOnUnprintedModule,
                 "this comment is on the module '\(moduleID)', which is \(status.rawValue), so it is not printed; set the module to aktuell to print it",
                 at: location)
    }

    /// `moduleStatus` when the step is visible but its module is not current; nil when the step is hidden.
    static func commentOnUnprintedStep(stepID: String, moduleID: String, moduleStatus: ModuleStatus?,
                                       at location: SourceLocation) -> Diagnostic {
        let reason = moduleStatus.map { "its module '\(moduleID)' is \($0.rawValue)" } ?? "the step is hidden"
        return .warning(.commentOnUnprintedStep, "this comment is on the step '\(stepID)', but \(reason), so it is not printed",
                        at: location)
    }

    static func shownStepNotPrinted(stepID: String, moduleID: String, status: ModuleStatus, at location: SourceLocation) -> Diagnostic {
        .warning(.shownStepNotPrinted,
                 "the step '\(stepID)' is in 'show', but its module '\(moduleID)' is \(status.rawValue), so it is not printed; set '\(moduleID): aktuell' under 'modules' to print it, or remove it from 'show'",
                 at: location)
    }

    static func planWithoutContact(at location: SourceLocation) -> Diagnostic {
        .warning(.planWithoutContact,
                 "the plan has no contact; add one under 'contacts' (name, role and phone of the contact nurse) so the patient knows whom to call",
                 at: location)
    }

    static func planningInPast(isMonth: Bool, today: SimpleDate, at location: SourceLocation) -> Diagnostic {
        .warning(.planningInPast,
                 "this planning \(isMonth ? "month" : "date") is already past (today is \(today)); update the planning or remove the entry",
                 at: location)
    }
}
