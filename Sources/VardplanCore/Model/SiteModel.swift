/// The whole content tree as a model: site settings, diagnoses with their modules,
/// sections and steps in order, and the general modules.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    public var diagnoses: [Diagnosis]
    public var generalModules: [Module]
    /// Regions with supplements, from `regions/`.
    public var regions: [Region] = []
    /// Image files of the content, by the path shown in messages (`content/…/bild.png`).
    public var images: [String: ContentImage] = [:]

    public init(config: SiteConfig, diagnoses: [Diagnosis], generalModules: [Module], regions: [Region] = []) {
        self.config = config
        self.diagnoses = diagnoses
        self.generalModules = generalModules
        self.regions = regions
    }

    public func diagnosis(withID id: String) -> Diagnosis? {
        diagnoses.first { $0.id == id || $0.aliases.contains(id) }
    }
}

/// The one-line summary `check` prints.
public struct ContentSummary: Equatable, Sendable {
    public var diagnoses = 0
    public var modules = 0
    public var sections = 0
    public var steps = 0
    public var words = 0

    public init(_ model: SiteModel) {
        diagnoses = model.diagnoses.count
        let diagnosisModules = model.diagnoses.flatMap { $0.modules.filter { !$0.isGeneral } }
        let allModules = diagnosisModules + model.generalModules
        modules = allModules.count
        sections = allModules.reduce(0) { $0 + $1.sections.count }
        steps = allModules.reduce(0) { $0 + $1.steps.count }
        words = allModules.reduce(0) { $0 + $1.steps.reduce(0) { $0 + $1.wordCount } }
    }

    public var line: String {
        "\(diagnoses) \(diagnoses == 1 ? "diagnosis" : "diagnoses"), \(modules) modules, \(sections) sections, \(steps) steps, \(words) words"
    }
}
