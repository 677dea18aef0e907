import VardplanDiagnostics
import VardplanMarkdown

/// A region's (or hospital's) additions to the national texts, from
/// `content/regions/<region>/`: phone numbers, routines, where to go.
///
/// - a **supplement** (`step: <id>`, `position: before|after`) is shown with a
///   national step, before or after its text;
/// - a **regional step** (`section: <module>/<section>`) is a page of its own placed in
///   a national section.
///
/// A build or printout for the region shows both, marked with the region's name; the
/// national build shows neither.
public struct Region: Sendable {
    public var id: String
    /// The region's name as patients know it (`Västra Götalandsregionen`).
    public var name: String
    public var supplements: [Supplement]
    public var steps: [RegionalStep]
    public var location: SourceLocation
    /// The relative path of its metadata file (`regions/vgr/_region.md`): its identity, the same
    /// under any `--content`; `location` is for messages.
    public var sourcePath: String
}

/// Text shown with a national step in one region.
public struct Supplement: Sendable {
    public enum Position: String, Sendable, CaseIterable {
        case before, after
    }

    /// The national step (its id, or an alias written in the file).
    public var stepID: String
    /// Limits the supplement to one diagnosis; nil: wherever the step is.
    public var diagnosisID: String?
    public var position: Position
    /// An optional heading of the supplement.
    public var title: String?
    public var body: MarkdownDocument
    public var location: SourceLocation
}

/// A regional step placed in a national section.
public struct RegionalStep: Sendable {
    public var moduleID: String
    public var sectionID: String
    /// Limits the step to one diagnosis; nil: wherever the section is.
    public var diagnosisID: String?
    public var step: Step
    /// Where `section:` is written, for messages.
    public var sectionLocation: SourceLocation
}

/// What a step shows in a regional build besides its own text.
public struct StepSupplements: Sendable {
    public var regionName: String
    public var before: [Supplement] = []
    public var after: [Supplement] = []
}

extension SiteModel {
    /// The region with this id, if the content has it.
    public func region(withID id: String) -> Region? {
        regions.first { $0.id == id }
    }

    /// The model as `region`'s patients see it: regional steps placed in their
    /// sections (after the national steps unless `order:` says otherwise),
    /// supplements attached to their steps.
    public func applying(_ region: Region) -> SiteModel {
        var copy = self
        copy.diagnoses = diagnoses.map { $0.applying(region) }
        return copy
    }
}

extension Diagnosis {
    /// The diagnosis with `region`'s steps and supplements (see `SiteModel.applying`).
    public func applying(_ region: Region) -> Diagnosis {
        var copy = self
        for m in copy.modules.indices {
            for s in copy.modules[m].sections.indices {
                let module = copy.modules[m], section = copy.modules[m].sections[s]
                let added = region.steps.filter { regional in
                    (regional.diagnosisID == nil || regional.diagnosisID == id)
                        && (regional.moduleID == module.id || module.aliases.contains(regional.moduleID))
                        && (regional.sectionID == section.id || section.aliases.contains(regional.sectionID))
                }
                if !added.isEmpty {
                    var steps = section.steps + added.map { regional in
                        var step = regional.step
                        step.regionName = region.name
                        return step
                    }
                    steps.sort { ($0.order, $0.regionName == nil ? 0 : 1, $0.id) < ($1.order, $1.regionName == nil ? 0 : 1, $1.id) }
                    copy.modules[m].sections[s].steps = steps
                }
                for t in copy.modules[m].sections[s].steps.indices {
                    let step = copy.modules[m].sections[s].steps[t]
                    let mine = region.supplements.filter { supplement in
                        (supplement.diagnosisID == nil || supplement.diagnosisID == id)
                            && (supplement.stepID == step.id || step.aliases.contains(supplement.stepID))
                    }
                    guard !mine.isEmpty else { continue }
                    copy.modules[m].sections[s].steps[t].supplements = StepSupplements(
                        regionName: region.name,
                        before: mine.filter { $0.position == .before },
                        after: mine.filter { $0.position == .after })
                }
            }
        }
        return copy
    }
}
