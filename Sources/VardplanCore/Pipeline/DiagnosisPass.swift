import VardplanDiagnostics
import VardplanMarkdown
import VardplanSystem

/// Goes through a model built without step bodies one diagnosis at a time, on every
/// core: parses the diagnosis's step bodies, checks its links, hands the complete
/// diagnosis to `visit`, and lets the parsed trees go before the next one. Memory
/// stays that of a couple of diagnoses, however many the site has.
///
/// The steps of general modules are parsed once and shared by every diagnosis.
/// The model is consumed: each diagnosis is held by its own slot until its pass takes
/// it, so when the caller passes its last copy (`consume model`, rendering from
/// `withoutStepSources()`), a diagnosis's step bytes are freed once it is visited.
///
/// With `bodies` (a build's snapshot let its step bodies go, `DetachedBody`), each
/// step file is read again here, when its diagnosis's turn comes, and checked to be
/// the file read first (`StepBodyReader`); one that changed is reported (VP021) in the
/// diagnostics `visit` gets, and its body is not parsed.
/// Diagnostics: those of `MarkdownParser`, `ReadabilityChecker`, `LinkChecker` and
/// `StepBodyReader`.
public enum DiagnosisPass {
    /// `only`: the ids of the diagnoses to go through (nil: every one); general
    /// modules are parsed either way.
    public static func run<Result: Sendable>(
        _ model: consuming SiteModel, only: Set<String>? = nil, bodies: StepBodyReader? = nil,
        diagnostics: inout Diagnostics,
        visit: @Sendable (Diagnosis, inout Diagnostics) -> Result
    ) -> [Result] {
        let language = model.config.language
        let limits = model.config.readability
        // General modules: parse their steps once.
        let generalSteps = model.generalModules.flatMap(\.steps)
        let bodies = bodies.flatMap { $0.isEmpty ? nil : $0 }
        let parsedGeneral = ParallelMap.map(generalSteps) {
            parse($0, bodies: bodies, language: language, limits: limits)
        }
        var generalBodies: [String: Step] = [:]
        for (step, parsed) in zip(generalSteps, parsedGeneral) {
            generalBodies[step.source.relativePath] = parsed.step
            diagnostics.append(contentsOf: parsed.diagnostics)
        }
        let shared = generalBodies
        let images = model.images
        // With fewer diagnoses than cores, the diagnoses alone would leave cores idle:
        // each diagnosis's own steps are then parsed on every core as well.
        let slots = (only.map { ids in model.diagnoses.filter { ids.contains($0.id) } } ?? model.diagnoses)
            .map(DiagnosisSlot.init)
        _ = consume model
        let parallelSteps = slots.count < ParallelMap.coreCount
        let outcomes = ParallelMap.map(slots, minimumCount: 2) { slot -> (Result, Diagnostics) in
            var local = Diagnostics()
            var complete = slot.take()
            var own: [(module: Int, section: Int, step: Int)] = []
            for m in complete.modules.indices {
                let isGeneral = complete.modules[m].isGeneral
                for s in complete.modules[m].sections.indices {
                    for t in complete.modules[m].sections[s].steps.indices {
                        let step = complete.modules[m].sections[s].steps[t]
                        if isGeneral, let parsedStep = shared[step.source.relativePath] {
                            complete.modules[m].sections[s].steps[t] = parsedStep
                        } else {
                            own.append((m, s, t))
                        }
                    }
                }
            }
            let ownSteps = own.map { complete.modules[$0.module].sections[$0.section].steps[$0.step] }
            let parsedOwn = ParallelMap.map(ownSteps, minimumCount: parallelSteps ? ParallelMap.minimumParallelCount : .max) {
                parse($0, bodies: bodies, language: language, limits: limits)
            }
            for (index, parsed) in zip(own, parsedOwn) {
                local.append(contentsOf: parsed.diagnostics)
                complete.modules[index.module].sections[index.section].steps[index.step] = parsed.step
            }
            local.append(contentsOf: LinkChecker.broken(in: complete, images: images))
            let result = visit(complete, &local)
            return (result, local)
        }
        var results: [Result] = []
        results.reserveCapacity(outcomes.count)
        for (result, local) in outcomes {
            results.append(result)
            diagnostics.append(contentsOf: local)
        }
        return results
    }

    /// One diagnosis waiting for its pass: the only reference to it once the model is
    /// consumed. Each slot is taken by exactly one worker (`ParallelMap` hands every
    /// element to one), which empties it.
    private final class DiagnosisSlot: @unchecked Sendable {
        private var diagnosis: Diagnosis?
        init(_ diagnosis: Diagnosis) { self.diagnosis = diagnosis }
        func take() -> Diagnosis {
            defer { diagnosis = nil }
            return diagnosis!
        }
    }

    /// The step with its body and its translations' bodies parsed; the readability
    /// check on the Swedish body. A detached step's file is read again first; when it
    /// changed, the step is returned unparsed with the error.
    private static func parse(_ step: Step, bodies: StepBodyReader?, language: String, limits: ReadabilityLimits)
        -> (step: Step, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var parsed = step
        if let bodies {
            do throws(DiagnosticError) {
                if let whole = try bodies.wholeFile(step.source.relativePath) { parsed.source = whole }
            } catch {
                diagnostics.append(error.diagnostic)
                return (step, diagnostics)
            }
        }
        parsed.body = parsed.parseBody(language: language, diagnostics: &diagnostics)
        parsed.readability = ReadabilityChecker.check(parsed, limits: limits, diagnostics: &diagnostics)
        // Pages need the index only; the sentences were for the check's warnings.
        parsed.readability?.sentenceLengths = []
        for (code, translation) in step.translations where !translation.bodyIsEmpty {
            parsed.translations[code]?.body = translation.parseBody(diagnostics: &diagnostics)
        }
        return (parsed, diagnostics)
    }
}
