import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// Languages: interface strings per language, translations checked and published, the
/// site in every language, printouts in the patient's language.
@Suite("Languages")
struct LanguageTests {
    static func buildLanguagesSite() -> SiteBuild.Result {
        SiteBuild.run(content: DiskFileSystem(root: Fixtures.languagesContent), contentDisplay: "site",
                      templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                      today: Fixtures.today, options: .init())
    }

    static func page(_ result: SiteBuild.Result, _ path: String) -> String {
        result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    static func printout(_ manifest: String, _ name: String = "plan.yaml") -> PrintJob.Result {
        PrintJob.run(manifest: SourceFile(path: name, bytes: Array(manifest.utf8)),
                     content: DiskFileSystem(root: Fixtures.languagesContent), contentDisplay: "site",
                     templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                     today: Fixtures.today, largePrint: false)
    }

    // MARK: - Interface strings

    @Test("the bundled strings files have every key of the Swedish one")
    func bundledStringsComplete() {
        var diagnostics = Diagnostics()
        let loaded = TemplateFolderLoader(fileSystem: DiskFileSystem(root: Fixtures.templates), displayRoot: "templates")
            .loadAll(required: [], diagnostics: &diagnostics)
        loaded.strings.check(languages: ["sv", "en", "ar"], reference: "sv", diagnostics: &diagnostics)
        #expect(DiagnosticFormatter.format(diagnostics) == "")
        #expect(loaded.strings.tables.keys.sorted() == ["ar", "en", "sv"])
    }

    @Test("a language that lacks a string is reported with the key; a missing strings file too")
    func missingString() {
        var diagnostics = Diagnostics()
        let sv = InterfaceStrings.readTable(SourceFile(path: "templates/strings/sv.yaml", text: "skip_link: Hoppa\nnext: Nästa\n"),
                                            diagnostics: &diagnostics)
        let en = InterfaceStrings.readTable(SourceFile(path: "templates/strings/en.yaml", text: "skip_link: Skip\n"),
                                            diagnostics: &diagnostics)
        let strings = InterfaceStrings(tables: ["sv": sv, "en": en])
        strings.check(languages: ["sv", "en", "ar"], reference: "sv", diagnostics: &diagnostics)
        #expect(DiagnosticFormatter.format(diagnostics).split(separator: "\n") == [
            "templates/strings/ar.yaml:1:1: error: the site has the language 'ar' but there is no 'templates/strings/ar.yaml'; copy 'sv.yaml' and translate its 2 strings",
            "templates/strings/en.yaml:2:1: error: the language 'en' lacks the string 'next' (in sv: 'Nästa'); add 'next: …' to this file",
        ])
        // Where a string is missing, the Swedish one is shown.
        #expect(strings.text("next", language: "en", reference: "sv") == "Nästa")
    }

    // MARK: - Translations in the model

    @Test("a translation whose Swedish text changed is stale; an unrecorded hash is asked for")
    func staleness() throws {
        let path = "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.en.md"
        let current = SampleTree.with([path: "---\ntitle: Mammography\nsource_hash: dbc32e05\n---\n\nText.\n"])
        #expect(SampleTree.check(current) == [])
        #expect(try #require(SampleTree.model(current)).diagnoses[0].steps[0].translations["en"]?.isCurrent == true)

        let changed = current.merging([
            "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.md":
                "---\ntitle: Mammografi\n---\n\nMammografi är en röntgen av brösten, nu med mer text.\n",
        ]) { _, new in new }
        #expect(SampleTree.check(changed) == [
            "content/\(path):3:14: warning: stale translation: the Swedish text '01-mammografi.md' changed after it was translated; update the translation, then set 'source_hash: 5a988d1e'",
        ])
        let unrecorded = SampleTree.with([path: "---\ntitle: Mammography\n---\n\nText.\n"])
        #expect(SampleTree.check(unrecorded) == [
            "content/\(path):1:1: warning: the translation does not record which Swedish text it translates; when it matches '01-mammografi.md', add 'source_hash: dbc32e05' to its front matter",
        ])
    }

    @Test("translation bodies are checked like Swedish text: links, raw HTML")
    func translationBodiesChecked() {
        let path = "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.en.md"
        let files = SampleTree.with([
            path: "---\ntitle: Mammography\nsource_hash: dbc32e05\n---\n\nRead about [MRI](steg:mri).\n\n<b>bold</b>\n",
        ])
        let lines = SampleTree.check(files)
        #expect(lines.contains { $0.hasPrefix("content/\(path):6:") && $0.contains("error: there is no step 'mri'") && $0.contains("did you mean 'mr'") })
        #expect(lines.contains { $0.hasPrefix("content/\(path):8:1: warning:") })
    }

    @Test("module, section and diagnosis translations are read from _module.en.md and its kin")
    func metadataTranslations() throws {
        let files = SampleTree.with([
            "diagnoses/brostcancer/_diagnosis.en.md": "---\ntitle: Breast cancer\nsummary: For you.\nsource_hash: 0\n---\n",
            "diagnoses/brostcancer/04-utredning/_module.en.md": "---\ntitle: Examinations\nsource_hash: 0\n---\n",
            "diagnoses/brostcancer/04-utredning/01-rontgen/_section.en.md": "---\ntitle: Imaging\nsource_hash: 0\n---\n",
            "diagnoses/brostcancer/04-utredning/01-rontgen/_section.de.md": "---\ntitle: Bilder\n---\n",
        ])
        let diagnosis = try #require(SampleTree.model(files)?.diagnoses.first)
        #expect(diagnosis.translations["en"]?.title == "Breast cancer")
        #expect(diagnosis.translations["en"]?.summary == "For you.")
        #expect(diagnosis.modules.first { $0.id == "utredning" }?.translations["en"]?.title == "Examinations")
        #expect(diagnosis.modules.first { $0.id == "utredning" }?.sections[0].translations["en"]?.title == "Imaging")
        #expect(SampleTree.check(files).contains(
            "content/diagnoses/brostcancer/04-utredning/01-rontgen/_section.de.md:1:1: error: 'de' is not a translation language of this site; add it to 'languages' in site.yaml or rename the file"))
    }

    @Test("check's coverage: translated steps out of all, stale ones")
    func coverage() throws {
        let model = try #require(ContentPipeline.run(fileSystem: DiskFileSystem(root: Fixtures.languagesContent),
                                                     displayRoot: "site", today: Fixtures.today).model)
        #expect(TranslationCoverage(model).line == "translations: en 3 of 8 steps (1 stale), ar 1 of 8 steps")
        #expect(TranslationCoverage(try #require(SampleTree.model(SampleTree.with(["site.yaml": "title: T\nlanguage: sv\n"])))).line == nil)
    }

    // MARK: - The site in every language

    @Test("every language gets its own tree; the staff overview stays Swedish")
    func trees() {
        let result = Self.buildLanguagesSite()
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticFormatter.format(result.diagnostics))")
        let paths = Set(result.files.map(\.path))
        for prefix in ["", "en/", "ar/"] {
            #expect(paths.contains(prefix + "index.html"))
            #expect(paths.contains(prefix + "404.html"))
            #expect(paths.contains(prefix + "testcancer/utredning/datortomografi.html"))
        }
        #expect(paths.contains("testcancer/personal.html"))
        #expect(!paths.contains("en/testcancer/personal.html"))
    }

    @Test("a translated page is in its language; a fallback page says so and marks the Swedish text")
    func translatedAndFallback() {
        let result = Self.buildLanguagesSite()
        let translated = Self.page(result, "en/testcancer/utredning/datortomografi.html")
        #expect(translated.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(translated.contains("<h1>Computed tomography – CT</h1>"))
        #expect(translated.contains("aria-label=\"Important\""))
        #expect(!translated.contains("language-notice"))

        let fallback = Self.page(result, "en/testcancer/behandling/index.html")
        #expect(fallback.contains("<h1 lang=\"sv\" dir=\"auto\">Behandling</h1>"))
        let step = Self.page(result, "ar/testcancer/utredning/magnetkamera.html")
        #expect(step.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(step.contains("<p class=\"language-notice\">هذا النص متوفر باللغة السويدية فقط.</p>"))
        #expect(step.contains("<div class=\"prose\" lang=\"sv\" dir=\"ltr\">"))
        #expect(step.contains("<h1 lang=\"sv\" dir=\"auto\">Magnetkameraundersökning – MR</h1>"))
    }

    @Test("a language switcher and hreflang alternates lead to the same page in each language")
    func switcherAndAlternates() {
        let result = Self.buildLanguagesSite()
        let page = Self.page(result, "en/testcancer/utredning/magnetkamera.html")
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://example.org/mvp/ar/testcancer/utredning/magnetkamera.html\">"))
        #expect(page.contains("<li><a href=\"../../../testcancer/utredning/magnetkamera.html\" hreflang=\"sv\" lang=\"sv\">Svenska</a></li>"))
        #expect(page.contains("<li><a href=\"../../../ar/testcancer/utredning/magnetkamera.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a></li>"))
        #expect(page.contains("<span aria-current=\"true\" lang=\"en\">English</span>"))
        let sitemap = Self.page(result, "sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://example.org/mvp/en/index.html</loc><xhtml:link rel=\"alternate\" hreflang=\"sv\" href=\"https://example.org/mvp/index.html\"/>"))
    }

    @Test("the 404 pages work from any address: inline style, links to the published start page")
    func notFound() {
        let result = Self.buildLanguagesSite()
        for (path, home) in [("404.html", "https://example.org/mvp/index.html"), ("ar/404.html", "https://example.org/mvp/ar/index.html")] {
            let page = Self.page(result, path)
            #expect(!page.contains("<link rel=\"stylesheet\""))
            #expect(page.contains("<style>"))
            #expect(page.contains("<a href=\"\(home)\">"))
            #expect(!page.contains("href=\"../"))
        }
    }

    @Test("golden pages: translated, fallback and Arabic", arguments: [
        "en/testcancer/utredning/datortomografi.html", "en/testcancer/utredning/index.html",
        "en/testcancer/behandling/cytostatika.html", "ar/testcancer/utredning/datortomografi.html",
        "ar/testcancer/utredning/magnetkamera.html", "ar/index.html", "en/404.html",
    ])
    func goldenPages(path: String) {
        let result = Self.buildLanguagesSite()
        let file = result.files.first { $0.path == path }
        #expect(file != nil)
        Golden.check(file.map { [$0] } ?? [], folder: "site-languages/" + path.replacingOccurrences(of: "/", with: "_"))
    }

    // MARK: - Printouts

    @Test("golden printouts in English and Arabic", arguments: ["english.yaml", "arabic.yaml"])
    func goldenPrintouts(name: String) {
        let result = PrintJob.run(
            manifest: Fixtures.manifest(name), content: DiskFileSystem(root: Fixtures.languagesContent), contentDisplay: "site",
            templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, largePrint: false)
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticFormatter.format(result.diagnostics))")
        let base = (name as NSString).deletingPathExtension
        Golden.check([OutputFile(path: base + ".html", text: result.html ?? "")], folder: "print-languages/" + base)
    }

    @Test("an Arabic printout: rtl, Arabic fixed words, the nurse's Swedish marked Swedish")
    func arabicPrintout() throws {
        let html = try #require(Self.printout(String(decoding: FileManager.default.contents(atPath: Fixtures.manifests + "/arabic.yaml")!, as: UTF8.self)).html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<h2 id=\"kontakter\">جهات الاتصال الخاصة بي</h2>"))
        #expect(html.contains("<p lang=\"sv\" dir=\"ltr\">Du får en kallelse med posten.</p>"))
        #expect(html.contains("<p class=\"nurse-comment-title\" lang=\"sv\" dir=\"auto\">Tolk</p>"))
        #expect(html.contains("<p class=\"nurse-comment-title\">تعليق من ممرضتك المسؤولة</p>"))
        #expect(html.contains("counter(page) \" من \" counter(pages)"))
        #expect(html.contains("3 ديسمبر 2026"))
        // A phone number keeps its digit groups in order in a right-to-left table.
        #expect(html.contains("<td class=\"phone\" dir=\"ltr\">031-123 45 67</td>"))
    }

    @Test("an unknown language is an error at its position, with the site's languages")
    func unknownLanguage() {
        let result = Self.printout("diagnosis: testcancer\nlanguage: fr\nstart_date: 2026-09-01\n")
        #expect(result.html == nil)
        let error = DiagnosticFormatter.format(result.diagnostics).split(separator: "\n").first { $0.contains("error:") }
        #expect(error?.hasPrefix("plan.yaml:2:11: error: the 'language' is not a language of this site") == true)
        #expect(error?.hasSuffix("the site has sv, en, ar") == true)
    }
}
