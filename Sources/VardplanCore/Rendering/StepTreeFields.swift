import VardplanTemplates

/// A diagnosis's modules → sections → steps as template values, the tree the staff
/// overview and the nurse's page both list. Modules and sections get `id`, `title`,
/// `visible_count`, `step_count` (and `sections`, `steps`); steps get `id`, `title`,
/// `visible`. Each page adds its own fields with `module` and `step`.
enum StepTreeFields {
    static func modules(of diagnosis: Diagnosis,
                        module moduleFields: (Module) -> TemplateObject,
                        step stepFields: (Module, Step) -> TemplateObject) -> TemplateValue {
        .list(diagnosis.modules.map { module in
            var fields = counts(module.id, module.title, module.steps)
            fields["sections"] = .list(module.sections.map { section in
                var fields = counts(section.id, section.title, section.steps)
                fields["steps"] = .list(section.steps.map { step in
                    var fields: TemplateObject = [
                        "id": .text(step.id), "title": .text(step.title), "visible": .bool(step.visibleByDefault),
                    ]
                    fields.merge(stepFields(module, step)) { _, own in own }
                    return .object(fields)
                })
                return .object(fields)
            })
            fields.merge(moduleFields(module)) { _, own in own }
            return .object(fields)
        })
    }

    private static func counts(_ id: String, _ title: String, _ steps: [Step]) -> TemplateObject {
        ["id": .text(id), "title": .text(title),
         "visible_count": .int(steps.count { $0.visibleByDefault }), "step_count": .int(steps.count)]
    }
}
