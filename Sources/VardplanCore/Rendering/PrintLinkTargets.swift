/// What a printout's step bodies need to turn links into in-document anchors, worked out
/// once per printout: the link resolver, the steps and modules printed, and, for the
/// nurse's page, the web address of every step and module of the diagnosis.
///
/// Built per body before, this was quadratic in the number of steps: the nurse's page of
/// a 450-step diagnosis built 450 maps of 450 addresses (a third of a full build).
struct PrintLinkTargets {
    let resolver: LinkResolver
    /// Ids of the steps the printout shows.
    let visibleSteps: Set<String>
    /// Ids of the modules the printout shows.
    let printedModules: Set<String>
    /// Anchor (`modul-<id>`, `steg-<id>`) → page address, for every module and step of
    /// the diagnosis; nil unless the printout is the nurse's page (`tailoring`).
    let addresses: [String: String]?

    init(plan: PatientPlan, tailoring: Bool) {
        let diagnosis = plan.diagnosis
        resolver = LinkResolver(diagnosis: diagnosis)
        visibleSteps = Set(plan.visibleSteps.map(\.step.id))
        printedModules = Set(plan.patientModules.map(\.module.id))
        guard tailoring else {
            addresses = nil
            return
        }
        var all: [String: String] = [:]
        for module in diagnosis.modules {
            all["modul-" + module.id] = SitePaths.module(diagnosis.id, module.id)
            for step in module.steps { all["steg-" + step.id] = SitePaths.step(diagnosis.id, module.id, step.id) }
        }
        addresses = all
    }
}
