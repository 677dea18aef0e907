import VardplanDiagnostics
import VardplanMarkdown
import VardplanSystem

/// One patient's care plan: the national text merged with a manifest by the staff
/// tool's rules. Holds every module with its status and counts (for staff), and the
/// modules, sections and steps the patient sees.
public struct PatientPlan: Sendable {
    /// A step in the plan, with its visibility and the nurse's comments on it.
    public struct PlanStep: Sendable {
        public var step: Step
        public var isVisible: Bool
        public var comments: [Manifest.PageComment]
    }

    /// A section with its steps; `visibleCount` of `stepCount` as the staff tool shows.
    public struct PlanSection: Sendable {
        public var section: Section
        public var steps: [PlanStep]
        public var visibleSteps: [PlanStep] { steps.filter(\.isVisible) }
        public var visibleCount: Int { steps.count { $0.isVisible } }
        public var stepCount: Int { steps.count }
    }

    /// A module with its status and sections.
    public struct PlanModule: Sendable {
        public var module: Module
        public var status: ModuleStatus
        public var sections: [PlanSection]
        public var comments: [Manifest.PageComment]
        public var visibleCount: Int { sections.reduce(0) { $0 + $1.visibleCount } }
        public var stepCount: Int { sections.reduce(0) { $0 + $1.stepCount } }
        /// Sections with at least one visible step; the others disappear with their heading.
        public var visibleSections: [PlanSection] { sections.filter { $0.visibleCount > 0 } }
    }

    public var diagnosis: Diagnosis
    public var manifest: Manifest
    /// Every module of the diagnosis, in order, with status and counts.
    public var modules: [PlanModule]

    /// What the patient sees: current modules that have at least one visible step.
    public var patientModules: [PlanModule] {
        modules.filter { $0.status == .aktuell && $0.visibleCount > 0 }
    }

    /// The steps the patient sees, in reading order.
    public var visibleSteps: [PlanStep] {
        patientModules.flatMap { $0.visibleSections.flatMap(\.visibleSteps) }
    }

    /// Parses the Markdown of every step the patient sees (in parallel), for a plan
    /// built from a model without step bodies. Markdown warnings are the editors'
    /// business (`check`) and are not repeated here.
    public mutating func parseVisibleStepBodies(language: String) {
        var cache: [String: MarkdownDocument] = [:]
        parseVisibleStepBodies(language: language, cache: &cache)
    }

    /// Like `parseVisibleStepBodies(language:)`, reusing and filling `cache` (step id →
    /// parsed body, for one diagnosis), so many plans parse each step once.
    /// With `translation`, the visible steps' translations into that language are
    /// parsed too (cached as `id@language`).
    public mutating func parseVisibleStepBodies(language: String, translation: String? = nil,
                                                cache: inout [String: MarkdownDocument]) {
        let known = cache
        let steps = visibleSteps.map(\.step).filter { known[$0.id] == nil }
        let bodies = ParallelMap.map(steps) { step in
            var ignored = Diagnostics()
            return step.parseBody(language: language, diagnostics: &ignored)
        }
        for (step, body) in zip(steps, bodies) { cache[step.id] = body }
        if let translation {
            let translated = visibleSteps.map(\.step).filter {
                known[$0.id + "@" + translation] == nil && $0.translations[translation]?.bodyIsEmpty == false
            }
            let bodies = ParallelMap.map(translated) { step in
                var ignored = Diagnostics()
                return step.translations[translation]!.parseBody(diagnostics: &ignored)
            }
            for (step, body) in zip(translated, bodies) { cache[step.id + "@" + translation] = body }
        }
        let visible = Set(visibleSteps.map(\.step.id))
        for m in modules.indices {
            for s in modules[m].sections.indices {
                for t in modules[m].sections[s].steps.indices {
                    let id = modules[m].sections[s].steps[t].step.id
                    if visible.contains(id), let body = cache[id] {
                        modules[m].sections[s].steps[t].step.body = body
                    }
                    if visible.contains(id), let translation, let body = cache[id + "@" + translation] {
                        modules[m].sections[s].steps[t].step.translations[translation]?.body = body
                    }
                }
            }
        }
    }
}
