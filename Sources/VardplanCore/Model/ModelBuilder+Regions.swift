import VardplanDiagnostics
import VardplanMarkdown

extension ModelBuilder {
    static let regionKeys = ["name", "id"]
    static let regionalFileKeys = ["step", "position", "diagnosis", "title", "section", "order", "visible", "phases",
                                   "id", "aliases"]

    /// Reads `regions/<region>/`: its name, supplements and regional steps, each checked
    /// against the national content. Diagnostics: a missing name; a file that is neither
    /// a supplement nor a regional step (or both); an unknown diagnosis, step or section
    /// (with did-you-mean); a regional step id a national step already has; an empty
    /// text; broken links; duplicate region ids.
    func buildRegions(_ folders: [RegionFolder], diagnoses: [Diagnosis], context: Context,
                      diagnostics: inout Diagnostics) -> [Region] {
        var regions: [Region] = []
        for folder in folders {
            guard let metadata = folder.metadata, let parsed = context.parsed[metadata.relativePath] else { continue }
            let reader = frontMatter(parsed, keys: Self.regionKeys, diagnostics: &diagnostics)
            let (id, _) = identity(reader, name: folder.name, diagnostics: &diagnostics)
            let name = reader.string("name", required: true, example: "Västra Götalandsregionen", diagnostics: &diagnostics) ?? id
            var region = Region(id: id, name: name, supplements: [], steps: [], location: metadata.location(line: 1, column: 1),
                                sourcePath: metadata.relativePath)
            for file in folder.files {
                readRegionalFile(file, into: &region, diagnoses: diagnoses, context: context, diagnostics: &diagnostics)
            }
            regions.append(region)
        }
        checkUnique(regions.map { ($0.id, [], $0.location) }, in: .regions, diagnostics: &diagnostics)
        return regions
    }

    private func readRegionalFile(_ file: SourceFile, into region: inout Region, diagnoses: [Diagnosis], context: Context,
                                  diagnostics: inout Diagnostics) {
        let images = context.images
        guard let parsed = context.parsed[file.relativePath] else { return }
        let reader = frontMatter(parsed, keys: Self.regionalFileKeys, diagnostics: &diagnostics)
        let name = String((file.relativePath.pathParts().last ?? "").dropLast(3))
        let stepNode = reader.node("step"), sectionNode = reader.node("section")
        if parsed.bodyIsEmpty {
            diagnostics.append(.regionalTextEmpty(at: parsed.bodyLocation))
        }
        // Which diagnoses the file concerns.
        var concerned = diagnoses
        if let diagnosisID = reader.string("diagnosis", diagnostics: &diagnostics) {
            if let diagnosis = diagnoses.first(where: { $0.id == diagnosisID || $0.aliases.contains(diagnosisID) }) {
                concerned = [diagnosis]
            } else {
                if partialContent { return }
                diagnostics.append(.regionalUnknownDiagnosis(
                    diagnosisID, suggestion: NameSuggester.suggestion(for: diagnosisID, among: diagnoses.map(\.id)),
                    at: reader.node("diagnosis")?.location ?? reader.location(of: "diagnosis")))
                return
            }
        }
        let diagnosisID = concerned.count == 1 && reader.node("diagnosis") != nil ? concerned[0].id : nil

        switch (stepNode, sectionNode) {
        case (.some, .some):
            diagnostics.append(.regionalStepAndSection(at: sectionNode!.location))
        case (nil, nil):
            diagnostics.append(.regionalPlaceMissing(at: file.location(line: 1, column: 1)))
        case (.some, nil):
            guard let stepID = reader.string("step", diagnostics: &diagnostics) else { return }
            let position = reader.choice("position", among: Supplement.Position.allCases.map(\.rawValue), diagnostics: &diagnostics)
                .flatMap(Supplement.Position.init(rawValue:)) ?? .after
            let owners = concerned.filter { $0.steps.contains { $0.id == stepID || $0.aliases.contains(stepID) } }
            guard let owner = owners.first else {
                if partialContent { return }
                let suggestion = NameSuggester.suggestion(for: stepID, among: Set(concerned.flatMap { $0.steps.map(\.id) }))
                diagnostics.append(.regionalUnknownStep(stepID, suggestion: suggestion, at: stepNode!.location))
                return
            }
            checkLinks(parsed.body, owner: owner, images: images, diagnostics: &diagnostics)
            region.supplements.append(Supplement(
                stepID: stepID, diagnosisID: diagnosisID, position: position,
                title: reader.string("title", diagnostics: &diagnostics), body: parsed.body,
                location: file.location(line: 1, column: 1)))
        case (nil, .some):
            guard let place = reader.string("section", diagnostics: &diagnostics) else { return }
            let parts = place.pathParts(omittingEmpty: false).map(String.init)
            guard parts.count == 2 else {
                diagnostics.append(.regionalSectionMalformed(at: sectionNode!.location))
                return
            }
            let owners = concerned.filter { diagnosis in
                diagnosis.modules.contains { module in
                    (module.id == parts[0] || module.aliases.contains(parts[0]))
                        && module.sections.contains { $0.id == parts[1] || $0.aliases.contains(parts[1]) }
                }
            }
            guard let owner = owners.first else {
                if partialContent { return }
                let candidates = Set(concerned.flatMap { diagnosis in
                    diagnosis.modules.flatMap { module in module.sections.map { module.id + "/" + $0.id } }
                })
                diagnostics.append(.regionalUnknownSection(place, suggestion: NameSuggester.suggestion(for: place, among: candidates),
                                                           at: sectionNode!.location))
                return
            }
            let (id, aliases) = identity(reader, name: name, diagnostics: &diagnostics)
            for diagnosis in owners {
                if let clash = diagnosis.steps.first(where: { $0.id == id || $0.aliases.contains(id) }) {
                    diagnostics.append(.regionalStepIDTaken(id, diagnosisID: diagnosis.id, at: file.location(line: 1, column: 1),
                                                            nationalStep: clash.location))
                    return
                }
            }
            checkLinks(parsed.body, owner: owner, images: images, diagnostics: &diagnostics)
            let step = Step(
                id: id, aliases: aliases,
                title: reader.string("title", required: true, example: "Så hittar du till mottagningen",
                                     diagnostics: &diagnostics) ?? id,
                order: reader.int("order", diagnostics: &diagnostics) ?? Int.max,
                visibleByDefault: reader.bool("visible", diagnostics: &diagnostics) ?? true,
                phases: (reader.stringList("phases", diagnostics: &diagnostics) ?? []).map(\.0),
                body: parsed.body, wordCount: parsed.wordCount, source: file, bodyRange: parsed.bodyRange,
                bodyFirstLine: parsed.bodyFirstLine, location: file.location(line: 1, column: 1), translationLanguages: [])
            region.steps.append(RegionalStep(moduleID: parts[0], sectionID: parts[1], diagnosisID: diagnosisID, step: step,
                                             sectionLocation: sectionNode!.location))
        }
    }

    private func checkLinks(_ body: MarkdownDocument, owner: Diagnosis, images: [String: ContentImage],
                            diagnostics: inout Diagnostics) {
        diagnostics.append(contentsOf: ImageChecker.problems(in: body, images: images))
        let resolver = LinkResolver(diagnosis: owner)
        for link in body.links where ImageChecker.image(link.destination, from: body.sourcePath, in: images) == nil {
            if case .broken(let problem) = resolver.resolve(link.destination, from: body.sourcePath) {
                diagnostics.append(problem.diagnostic(at: link.location))
            }
        }
    }
}
