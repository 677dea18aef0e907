import Foundation
@testable import VardplanCore
import VardplanDiagnostics

/// A private copy of a fixture content folder with an empty cache beside it, for tests
/// that print through the content index and edit files in between.
///
/// The store trusts every stamp (`trustedBefore: .max`): the files were just copied, so
/// with the command line's one-second rule none would be indexed. An edit in these tests
/// therefore always changes a file's size, so that its stamp changes whatever the clock's
/// granularity.
struct IndexedSite {
    let folder: String
    var content: String { folder + "/content" }
    var templates: String { folder + "/templates" }
    var cache: String { folder + "/cache" }

    init(copying fixture: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-index-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture, toPath: content)
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: templates)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func store(trustedBefore: Int64 = .max) -> ContentIndexStore {
        ContentIndexStore(cacheRoot: cache, contentFolder: content, toolVersion: "test", trustedBefore: trustedBefore)!
    }

    /// The store of the templates folder's index.
    func templatesStore() -> ContentIndexStore {
        ContentIndexStore(cacheRoot: cache, contentFolder: templates, toolVersion: "test", trustedBefore: .max)!
    }

    /// A printout and every message of it, through the indexes of the content and the
    /// templates (filling them) or from the files.
    func print(_ manifest: SourceFile, indexed: Bool, store: ContentIndexStore? = nil) -> (html: String?, diagnostics: [Diagnostic]) {
        let job = PrintJob(content: DiskFileSystem(root: content), contentDisplay: "content",
                           templates: DiskFileSystem(root: templates), templatesDisplay: "templates",
                           today: Fixtures.today, largePrint: false, index: indexed ? (store ?? self.store()) : nil,
                           templatesIndex: indexed ? templatesStore() : nil)
        let result = job.print(manifest: manifest)
        return (result.html, result.diagnostics.all)
    }

    /// What loading the content for a printout gives (every message, warnings included),
    /// through the index or from the files.
    func load(indexed: Bool) -> (model: String, diagnostics: [Diagnostic]) {
        let disk = DiskFileSystem(root: content)
        let files: any ContentFileSystem = indexed ? IndexedFileSystem(base: disk, store: store()) : disk
        let result = ContentPipeline.runWithoutBodies(fileSystem: files, displayRoot: "content", today: Fixtures.today,
                                                      onlyDiagnosis: "testcancer")
        (files as? IndexedFileSystem)?.save()
        return (result.model.map(Self.describe) ?? "no model", result.diagnostics.all)
    }

    /// The model's titles, visibility and translations, one line per item.
    static func describe(_ model: SiteModel) -> String {
        var lines: [String] = []
        for diagnosis in model.diagnoses {
            for module in diagnosis.modules {
                lines.append("module \(module.id) \(module.title)")
                for section in module.sections {
                    lines.append("  section \(section.id) \(section.title)")
                    for step in section.steps {
                        let translations = step.translations.sorted { $0.key < $1.key }
                            .map { "\($0.key):\($0.value.title):\($0.value.isCurrent)" }
                        lines.append("    step \(step.id) \(step.title) \(step.visibleByDefault) \(step.phases) \(translations)")
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(toFile: content + "/" + path, atomically: false, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: content + "/" + path, encoding: .utf8)
    }

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(atPath: content + "/" + path)
    }
}
