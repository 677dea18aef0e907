import VardplanDiagnostics

/// The raw content tree as found on disk: folders and files, nothing parsed yet.
public struct ContentTree: Sendable {
    /// `site.yaml`, if present.
    public var site: SourceFile?
    /// Modules under `general/`, shared by every diagnosis.
    public var generalModules: [ModuleFolder] = []
    /// Folders under `diagnoses/`.
    public var diagnoses: [DiagnosisFolder] = []
    /// Folders under `regions/`: regional supplements.
    public var regions: [RegionFolder] = []
    /// Image files beside the Markdown files.
    public var images: [ContentImage] = []
    /// The step files whose bodies the snapshot let go (their `SourceFile` holds the
    /// front matter only), by relative path: what the model needs of each body.
    public var detachedBodies: [String: DetachedBody] = [:]

    public init() {}

    /// Every file the loader read, in a fixed order.
    public var allFiles: [SourceFile] {
        var files: [SourceFile] = site.map { [$0] } ?? []
        func add(_ module: ModuleFolder) {
            if let file = module.metadata { files.append(file) }
            files.append(contentsOf: module.metadataTranslations.map(\.source))
            for section in module.sections {
                if let file = section.metadata { files.append(file) }
                files.append(contentsOf: section.metadataTranslations.map(\.source))
                for step in section.steps {
                    files.append(step.source)
                    files.append(contentsOf: step.translations.map(\.source))
                }
            }
        }
        generalModules.forEach(add)
        for diagnosis in diagnoses {
            if let file = diagnosis.metadata { files.append(file) }
            files.append(contentsOf: diagnosis.metadataTranslations.map(\.source))
            diagnosis.modules.forEach(add)
        }
        for region in regions {
            if let file = region.metadata { files.append(file) }
            files.append(contentsOf: region.files)
        }
        return files
    }
}

/// A region folder with its `_region.md` and supplement files.
public struct RegionFolder: Sendable {
    public var name: String
    public var path: String
    public var metadata: SourceFile?
    public var files: [SourceFile]
}

/// A diagnosis folder with its `_diagnosis.md` and module folders.
public struct DiagnosisFolder: Sendable {
    public var name: String
    public var path: String
    public var metadata: SourceFile?
    public var modules: [ModuleFolder]
    /// `_diagnosis.<language>.md` files.
    public var metadataTranslations: [(language: String, source: SourceFile)] = []
}

/// A module folder with its `_module.md` and section folders.
public struct ModuleFolder: Sendable {
    public var name: String
    public var path: String
    public var metadata: SourceFile?
    public var sections: [SectionFolder]
    /// `_module.<language>.md` files.
    public var metadataTranslations: [(language: String, source: SourceFile)] = []
}

/// A section folder with its `_section.md` and step files.
public struct SectionFolder: Sendable {
    public var name: String
    public var path: String
    public var metadata: SourceFile?
    public var steps: [StepFile]
    /// Step files that were found but could not be read (already reported).
    public var unreadableSteps = 0
    /// `_section.<language>.md` files.
    public var metadataTranslations: [(language: String, source: SourceFile)] = []
}

/// One step file, with translations found beside it (`namn.en.md`).
public struct StepFile: Sendable {
    /// The file name without `.md` (`02-mammografi`).
    public var name: String
    public var source: SourceFile
    /// Translations by language code, in name order.
    public var translations: [(language: String, source: SourceFile)]
}
