// Fuzz target `manifest`: what `vardplan print` does with a manifest — read it (YAML or
// JSON), resolve it against the repository's content, and render the printout with the
// repository's templates. Content and templates are loaded once, from the folder in
// VARDPLAN_FUZZ_ROOT (scripts/fuzz sets it to the repository); without it only the
// reader runs. The printout must hold no active content from the manifest.

import Foundation
@testable import VardplanCore
@testable import VardplanFrontMatter
@testable import VardplanMarkdown
@testable import VardplanTemplates
@testable import VardplanDiagnostics

/// The content model and print templates, loaded on first use.
final class PrintFixture: @unchecked Sendable {
    static let shared = PrintFixture()
    let today = SimpleDate(year: 2026, month: 6, day: 1)!
    let model: SiteModel?
    let templates: TemplateLibrary?
    /// How many `<style`, `<meta` … the templates themselves write.
    let trustedElements: [String: Int]
    /// Step bodies parsed so far, by step id (as a print job keeps them).
    var bodies: [String: MarkdownDocument] = [:]

    private init() {
        guard let root = ProcessInfo.processInfo.environment["VARDPLAN_FUZZ_ROOT"], !root.isEmpty else {
            model = nil
            templates = nil
            trustedElements = [:]
            return
        }
        let content = ContentPipeline.runWithoutBodies(fileSystem: DiskFileSystem(root: root + "/content"), displayRoot: "content",
                                          today: today, onlyDiagnosis: nil)
        var diagnostics = Diagnostics()
        let loaded = TemplateFolderLoader(fileSystem: DiskFileSystem(root: root + "/templates"), displayRoot: "templates")
            .loadAll(required: PrintRenderer.requiredTemplates, diagnostics: &diagnostics)
        precondition(content.model != nil && !diagnostics.hasErrors,
                     "VARDPLAN_FUZZ_ROOT=\(root): content or templates do not load")
        model = content.model
        templates = loaded.library
        trustedElements = activeElementCounts(in: Array(loaded.sources.values))
    }
}

func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    // The name ends in .yaml; JSON is still recognised by its first character, as in `print`.
    let file = fuzzSourceFile(data, size, path: "plan.yaml")
    var diagnostics = Diagnostics()
    let manifest = ManifestReader.read(file, diagnostics: &diagnostics)
    checkDiagnostics(diagnostics, in: file)
    let fixture = PrintFixture.shared
    guard let manifest, let model = fixture.model, let templates = fixture.templates else { return }
    guard var plan = PlanResolver(model: model, today: fixture.today).resolve(manifest, diagnostics: &diagnostics),
          !diagnostics.hasErrors else { return }
    // As in PrintJob.print: step bodies parsed once per process, as once per job.
    plan.parseVisibleStepBodies(language: model.config.language, cache: &fixture.bodies)
    let html = PrintRenderer(plan: plan, config: model.config, templates: templates,
                             options: .init(largePrint: size % 2 == 1, printDate: fixture.today))
        .render(diagnostics: &diagnostics)
    checkDiagnostics(diagnostics, in: file)
    checkNoActiveContent(html, trusted: fixture.trustedElements, what: "printout")
}
