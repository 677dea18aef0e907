import VardplanDiagnostics
import VardplanMarkdown

/// The site of one diagnosis as a patient sees it from a manifest: only current
/// modules, only visible steps, sections without visible steps left out, and the
/// nurse's comments in place (an info box at the top of the module or step), escaped
/// like any text.
public enum ManifestPreview {
    static let commentTitle = "Kommentar från din kontaktsjuksköterska"

    /// The diagnosis cut down to what the patient sees.
    public static func diagnosis(_ plan: PatientPlan) -> Diagnosis {
        var diagnosis = plan.diagnosis
        diagnosis.modules = plan.patientModules.map { planModule in
            var module = planModule.module
            module.sections = planModule.visibleSections.map { planSection in
                var section = planSection.section
                section.steps = planSection.visibleSteps.map(\.step)
                return section
            }
            return module
        }
        return diagnosis
    }

    /// Puts the manifest's comments on the module intros and step bodies they belong to.
    public static func addComments(_ manifest: Manifest, to diagnosis: Diagnosis) -> Diagnosis {
        var result = diagnosis
        for comment in manifest.comments {
            for m in result.modules.indices {
                if comment.target.value == .module(result.modules[m].id) {
                    let location = result.modules[m].location
                    let intro = result.modules[m].intro ?? MarkdownDocument(blocks: [], location: location, sourcePath: result.modules[m].sourcePath)
                    result.modules[m].intro = MarkdownDocument(blocks: [box(comment, at: location)] + intro.blocks, location: intro.location, sourcePath: intro.sourcePath)
                }
                for s in result.modules[m].sections.indices {
                    for t in result.modules[m].sections[s].steps.indices
                    where comment.target.value == .step(result.modules[m].sections[s].steps[t].id) {
                        let body = result.modules[m].sections[s].steps[t].body
                        result.modules[m].sections[s].steps[t].body =
                            MarkdownDocument(blocks: [box(comment, at: body.location)] + body.blocks, location: body.location, sourcePath: body.sourcePath)
                    }
                }
            }
        }
        return result
    }

    private static func box(_ comment: Manifest.PageComment, at location: SourceLocation) -> MarkdownBlock {
        let paragraphs = comment.text.split(separator: "\n\n").map { paragraph -> MarkdownBlock in
            .paragraph([.text(paragraph.split(separator: "\n").joined(separator: " "))], location: location)
        }
        return .callout(kind: .info, title: [.text(comment.title ?? commentTitle)], children: paragraphs, location: location)
    }
}
