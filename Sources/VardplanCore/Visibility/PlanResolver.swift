import VardplanDiagnostics

/// Merges a manifest over a diagnosis's defaults by the staff tool's rules, and checks
/// the manifest against the content.
///
/// Messages never quote the manifest's text; they quote only the content's ids (an id
/// that resolved, or a did-you-mean suggestion).
///
/// Diagnostics: unknown diagnosis, module or step id (did-you-mean); a step both shown
/// and hidden; a plan started more than 730 days ago; a start date in the future; a
/// manifest made against another content version (warning listing the steps changed
/// or removed since); a comment on a step or module the patient will not see (warning);
/// a language the site does not have. Traps (warnings): a step in `show` whose module
/// is not current; a plan with no contact; a planning date or month already past.
public struct PlanResolver {
    /// A plan must be ended and purged within this many days of its start.
    public static let maximumPlanAge = 730

    public let model: SiteModel
    public let today: SimpleDate

    public init(model: SiteModel, today: SimpleDate) {
        self.model = model
        self.today = today
    }

    public func resolve(_ manifest: Manifest, diagnostics: inout Diagnostics) -> PatientPlan? {
        guard let diagnosis = model.diagnosis(withID: manifest.diagnosis.value) else {
            let ids = model.diagnoses.map(\.id)
            diagnostics.append(.planUnknownDiagnosis(suggestion: NameSuggester.suggestion(for: manifest.diagnosis.value, among: ids),
                                                     contentDiagnoses: ids, at: manifest.diagnosis.location))
            return nil
        }
        checkDates(manifest, diagnostics: &diagnostics)
        checkVersion(manifest, diagnosis: diagnosis, diagnostics: &diagnostics)
        if let language = manifest.language, !model.config.languages.contains(language) {
            diagnostics.append(.planUnknownLanguage(suggestion: NameSuggester.suggestion(for: language, among: model.config.languages),
                                                    siteLanguages: model.config.languages,
                                                    at: manifest.languageLocation ?? manifest.file.location(line: 1, column: 1)))
        }

        let moduleIDs = diagnosis.modules.map(\.id)
        let allSteps = diagnosis.steps
        let stepIDs = allSteps.map(\.id)
        // Ids and aliases to canonical ids, built once (a manifest may list hundreds).
        var canonicalStep: [String: String] = [:]
        for step in allSteps {
            for name in [step.id] + step.aliases where canonicalStep[name] == nil { canonicalStep[name] = step.id }
        }
        func moduleID(_ id: Located<String>) -> String? {
            if let module = diagnosis.modules.first(where: { $0.id == id.value || $0.aliases.contains(id.value) }) { return module.id }
            diagnostics.append(.planUnknownModule(diagnosisID: diagnosis.id, suggestion: NameSuggester.suggestion(for: id.value, among: moduleIDs),
                                                  at: id.location))
            return nil
        }
        func stepID(_ id: Located<String>) -> String? {
            if let canonical = canonicalStep[id.value] { return canonical }
            diagnostics.append(.planUnknownStep(diagnosisID: diagnosis.id, suggestion: NameSuggester.suggestion(for: id.value, among: stepIDs),
                                                at: id.location))
            return nil
        }

        var statuses: [String: ModuleStatus] = [:]
        for entry in manifest.moduleStatuses {
            if let id = moduleID(entry.id) { statuses[id] = entry.status }
        }
        var shown: [String: SourceLocation] = [:]
        var hidden: Set<String> = []
        for entry in manifest.show { if let id = stepID(entry) { shown[id] = entry.location } }
        for entry in manifest.hide {
            guard let id = stepID(entry) else { continue }
            if let first = shown[id] {
                diagnostics.append(.stepShownAndHidden(stepID: id, at: entry.location, shownAt: first))
            }
            hidden.insert(id)
        }
        var stepComments: [String: [Manifest.PageComment]] = [:]
        var moduleComments: [String: [Manifest.PageComment]] = [:]
        for comment in manifest.comments {
            switch comment.target.value {
            case .step(let id):
                if let resolved = stepID(Located(id, at: comment.target.location)) { stepComments[resolved, default: []].append(comment) }
            case .module(let id):
                if let resolved = moduleID(Located(id, at: comment.target.location)) { moduleComments[resolved, default: []].append(comment) }
            }
        }

        let modules = diagnosis.modules.map { module in
            PatientPlan.PlanModule(
                module: module,
                status: statuses[module.id] ?? (module.activeAtStart ? .aktuell : .kommande),
                sections: module.sections.map { section in
                    PatientPlan.PlanSection(section: section, steps: section.steps.map { step in
                        PatientPlan.PlanStep(
                            step: step,
                            isVisible: hidden.contains(step.id) ? false : (shown[step.id] != nil ? true : step.visibleByDefault),
                            comments: stepComments[step.id] ?? [])
                    })
                },
                comments: moduleComments[module.id] ?? [])
        }
        let plan = PatientPlan(diagnosis: diagnosis, manifest: manifest, modules: modules)
        warnAboutUnseenComments(plan, diagnostics: &diagnostics)
        warnAboutTraps(plan, shown: shown, diagnostics: &diagnostics)
        return plan
    }

    private func checkDates(_ manifest: Manifest, diagnostics: inout Diagnostics) {
        guard let start = manifest.startDate else { return }
        let age = today.days(since: start.value)
        if age > Self.maximumPlanAge {
            diagnostics.append(.planTooOld(days: age, maximum: Self.maximumPlanAge, at: start.location))
        } else if age < 0 {
            diagnostics.append(.planStartsInFuture(today: today, at: start.location))
        }
    }

    private func checkVersion(_ manifest: Manifest, diagnosis: Diagnosis, diagnostics: inout Diagnostics) {
        guard let made = manifest.contentVersion, made.value != diagnosis.version else { return }
        guard VersionOrder.isOlder(made.value, than: diagnosis.version) else {
            diagnostics.append(.manifestVersionNewer(contentVersion: diagnosis.version, at: made.location))
            return
        }
        let since = diagnosis.changes.filter {
            VersionOrder.isOlder(made.value, than: $0.version) && !VersionOrder.isOlder(diagnosis.version, than: $0.version)
        }
        let changed = Array(Set(since.flatMap(\.changed))).sorted()
        let removed = Array(Set(since.flatMap(\.removed))).sorted()
        // The manifest's version is quoted only when it is one the content names itself.
        let known = diagnosis.changes.first { $0.version == made.value }?.version
        diagnostics.append(.manifestVersionOlder(madeAgainst: known, contentVersion: diagnosis.version,
                                                 changed: changed, removed: removed, at: made.location))
    }

    private func warnAboutUnseenComments(_ plan: PatientPlan, diagnostics: inout Diagnostics) {
        for module in plan.modules {
            for comment in module.comments where module.status != .aktuell {
                diagnostics.append(.commentOnUnprintedModule(moduleID: module.module.id, status: module.status,
                                                             at: comment.target.location))
            }
            for section in module.sections {
                for step in section.steps {
                    for comment in step.comments where !(step.isVisible && module.status == .aktuell) {
                        diagnostics.append(.commentOnUnprintedStep(stepID: step.step.id, moduleID: module.module.id,
                                                                   moduleStatus: step.isVisible ? module.status : nil,
                                                                   at: comment.target.location))
                    }
                }
            }
        }
    }

    /// The manifest traps (docs/manifest.md): each prints, but not as the nurse meant.
    private func warnAboutTraps(_ plan: PatientPlan, shown: [String: SourceLocation], diagnostics: inout Diagnostics) {
        for module in plan.modules where module.status != .aktuell {
            for section in module.sections {
                for step in section.steps {
                    guard let location = shown[step.step.id] else { continue }
                    diagnostics.append(.shownStepNotPrinted(stepID: step.step.id, moduleID: module.module.id, status: module.status,
                                                            at: location))
                }
            }
        }
        if plan.manifest.contacts.isEmpty {
            diagnostics.append(.planWithoutContact(at: plan.manifest.file.location(line: 1, column: 1)))
        }
        for entry in plan.manifest.planning {
            let past: Bool
            switch entry.when {
            case .date(let date): past = date.dayNumber < today.dayNumber
            case .month(let year, let month): past = year * 12 + month < today.year * 12 + today.month
            case .text: past = false
            }
            guard past else { continue }
            diagnostics.append(.planningInPast(isMonth: entry.when.isMonth, today: today,
                                               at: entry.whenLocation ?? plan.manifest.file.location(line: 1, column: 1)))
        }
    }
}

extension Manifest.When {
    var isMonth: Bool {
        if case .month = self { return true }
        return false
    }
}
