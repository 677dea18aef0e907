import VardplanDiagnostics

extension SiteModel {
    /// The model with every step's file (and its translations' files) replaced by an
    /// empty one of the same path: front matter results, titles, word counts and
    /// locations stay, the bytes and line tables go. A build renders from this model
    /// while `DiagnosisPass` parses each diagnosis's bodies from the full one, so each
    /// diagnosis's step bytes can be freed as soon as its pass is done with them.
    /// Nothing can parse a body or place an offset in a step of the result.
    public func withoutStepSources() -> SiteModel {
        var stripped = self
        for d in stripped.diagnoses.indices {
            stripped.diagnoses[d].modules = stripped.diagnoses[d].modules.map(Self.withoutStepSources)
        }
        stripped.generalModules = stripped.generalModules.map(Self.withoutStepSources)
        return stripped
    }

    private static func withoutStepSources(_ module: Module) -> Module {
        var module = module
        for s in module.sections.indices {
            for t in module.sections[s].steps.indices {
                module.sections[s].steps[t].source = SourceFile(path: module.sections[s].steps[t].source.path, bytes: [])
                for code in module.sections[s].steps[t].translations.keys {
                    let path = module.sections[s].steps[t].translations[code]!.source.path
                    module.sections[s].steps[t].translations[code]!.source = SourceFile(path: path, bytes: [])
                }
            }
        }
        return module
    }
}
