import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// Paths to the test fixtures and the project's own folders, found from this file.
enum Fixtures {
    /// `Tests/VardplanCoreTests/Fixtures`.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // Support
        url.deleteLastPathComponent()  // VardplanCoreTests
        return url.appendingPathComponent("Fixtures").path
    }()

    /// The package root (where Package.swift is).
    static let packageRoot: String = {
        URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    static let siteContent = root + "/site"
    /// The fixture site with English and Arabic translations and two regions.
    static let languagesContent = root + "/site-languages"
    static let manifests = root + "/manifests"
    static let golden = root + "/golden"
    static let templates = packageRoot + "/templates"
    static let realContent = packageRoot + "/content"
    /// `../shared/conformance` beside the project, if present.
    static let conformance = packageRoot + "/../shared/conformance"

    static let today = SimpleDate(year: 2026, month: 11, day: 23)!

    static func manifest(_ name: String) -> SourceFile {
        let path = manifests + "/" + name
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        return SourceFile(path: "manifests/" + name, bytes: bytes)
    }

    /// The fixture site checked and modelled.
    static func siteModel() -> ContentPipeline.Result {
        ContentPipeline.run(fileSystem: DiskFileSystem(root: siteContent), displayRoot: "site", today: today)
    }

    /// The fixture site in three languages, modelled, and a renderer of it with the
    /// bundled templates; the templates' diagnostics go to `diagnostics`.
    static func languagesRenderer(diagnostics: inout Diagnostics) throws -> (model: SiteModel, renderer: SiteRenderer) {
        let checked = ContentPipeline.run(fileSystem: DiskFileSystem(root: languagesContent), displayRoot: "site",
                                          today: today)
        let model = try #require(checked.model)
        let loaded = TemplateFolderLoader(fileSystem: DiskFileSystem(root: Fixtures.templates), displayRoot: "templates")
            .loadAll(required: SiteRenderer.requiredTemplates, diagnostics: &diagnostics)
        let renderer = SiteRenderer(model: model, templates: loaded.library, assets: loaded.assets, options: .init(),
                                    strings: loaded.strings)
        return (model, renderer)
    }
}
