import VardplanDiagnostics
import VardplanHTML
import VardplanMarkdown
import VardplanTemplates
import VardplanSystem

/// Renders the whole national site in memory: start page, diagnosis pages, module
/// pages, step pages, staff overviews, 404, sitemap and the stylesheet.
///
/// Nothing is written here; `SiteWriter` writes the result. Rendering is deterministic:
/// the same model and templates give the same bytes.
public struct SiteRenderer: Sendable {
    public struct Options: Sendable {
        /// Absolute address of the published site, overriding `base_url` in site.yaml.
        public var baseURL: String?
        /// The region whose supplements and steps the site shows (`build --region`);
        /// nil: the national site.
        public var region: String?
        /// The preview's kept printed step bodies for the nurse's pages.
        public var printBodies: PrintBodyCache?
        /// When `sitemap.xml` becomes a sitemap index with parts (tests set small ones).
        public var sitemapLimits: SitemapLimits

        public init(baseURL: String? = nil, region: String? = nil, printBodies: PrintBodyCache? = nil,
                    sitemapLimits: SitemapLimits = .sitemapsProtocol) {
            self.baseURL = baseURL
            self.region = region
            self.printBodies = printBodies
            self.sitemapLimits = sitemapLimits
        }
    }

    let model: SiteModel
    let templates: TemplateLibrary
    let assets: [OutputFile]
    let options: Options
    /// The site's languages, the national one first, with their fixed words.
    let languages: [PageLanguage]
    var national: PageLanguage { languages[0] }
    let strings: InterfaceStrings
    /// The bodies of the general modules' steps, rendered for one diagnosis's pages and
    /// kept for every other's: each diagnosis shows the same general steps, parsed once
    /// (`DiagnosisPass`), and most of them render to the same bytes in every diagnosis.
    /// A kept body is used only where it is the one rendering would give (`RenderedBodies`):
    /// a link to a step of the diagnosis's own is resolved again and compared.
    /// Step pages and the nurse's pages' printed bodies each have their own.
    let generalBodies = RenderedBodies()
    let generalPrintedBodies = RenderedBodies()

    /// The templates every site build needs.
    public static let requiredTemplates = ["base", "index", "diagnosis", "module", "step", "staff", "404", "sitemap"]
        + NursePageRenderer.requiredTemplates

    public init(model: SiteModel, templates: TemplateLibrary, assets: [OutputFile], options: Options,
                strings: InterfaceStrings = InterfaceStrings()) {
        self.model = model
        self.templates = templates
        self.assets = assets
        self.options = options
        let config = model.config
        self.strings = strings
        self.languages = ([config.language] + config.translationLanguages).map {
            PageLanguage(code: $0, config: config, strings: strings)
        }
    }

    var baseURL: String? { options.baseURL ?? model.config.baseURL }

    /// What rendering one part of the site gathers besides files: template problems
    /// and which template variables were found.
    public struct RenderState: Sendable {
        public var diagnostics = Diagnostics()
        public var usage: TemplateUsage

        public init(usage: TemplateUsage) {
            self.usage = usage
        }

        public mutating func merge(_ other: RenderState) {
            diagnostics.append(contentsOf: other.diagnostics)
            usage.merge(other.usage)
        }
    }

    /// A fresh state for this renderer's templates.
    public func makeState() -> RenderState {
        RenderState(usage: TemplateUsage(for: templates))
    }

    /// The pages of one diagnosis (its step bodies parsed). With `onlySteps` (ids), the
    /// step pages of those steps only, with every other page of the diagnosis: what is
    /// rendered again when nothing but those steps' bodies changed (`BuildChanges`).
    /// With `parallel`, each language's pages render on a core of their own: what keeps
    /// both cores busy when a site has fewer diagnoses than cores. The pages and
    /// diagnostics come in the same order either way.
    public func renderPages(of diagnosis: Diagnosis, onlySteps: Set<String>? = nil, parallel: Bool = false,
                            _ state: inout RenderState) -> [OutputFile] {
        let bodies = RenderedBodies()
        guard parallel, languages.count > 1 else {
            return languages.flatMap { renderDiagnosis(diagnosis, $0, onlySteps: onlySteps, bodies: bodies, &state) }
        }
        let rendered = ParallelMap.map(languages, minimumCount: 2) { language -> ([OutputFile], RenderState) in
            var own = makeState()
            let files = renderDiagnosis(diagnosis, language, onlySteps: onlySteps, bodies: bodies, &own)
            return (files, own)
        }
        for (_, own) in rendered { state.merge(own) }
        return rendered.flatMap(\.0)
    }

    /// The pages of one diagnosis, the same and in the same order as `renderPages(of:)`
    /// makes them, handed to `deliver` as they are rendered in batches of at most
    /// `batchSize`: what a build holds of a diagnosis is then one batch of pages, not
    /// every page of it (≈ 930 pages at 100 diagnoses).
    public func renderPages(of diagnosis: Diagnosis, onlySteps: Set<String>? = nil, batchSize: Int,
                            _ state: inout RenderState, deliver: ([OutputFile]) -> Void) {
        var batch: [OutputFile] = []
        batch.reserveCapacity(batchSize)
        let bodies = RenderedBodies()
        for language in languages {
            renderDiagnosis(diagnosis, language, onlySteps: onlySteps, bodies: bodies, &state) { page in
                batch.append(page)
                if batch.count >= batchSize {
                    deliver(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        if !batch.isEmpty { deliver(batch) }
    }

    /// The pages every site has: assets, start page, 404 and (with `sitemap`) the
    /// sitemap of `pagePaths`.
    public func renderSharedPages(pagePaths: [String], sitemap: Bool = true, _ state: inout RenderState) -> [OutputFile] {
        var files = assets
        // Images, once, under `bilder/` (the pages in every language link to the same file).
        for image in model.images.values.sorted(by: { $0.relativePath < $1.relativePath }) {
            guard let bytes = image.bytes, ContentImage.fileExtension(image.relativePath).flatMap({ ContentImage.mediaTypes[$0] }) != nil
            else { continue }
            files.append(OutputFile(path: image.sitePath, bytes: bytes))
        }
        for language in languages {
            files.append(renderStart(language, &state))
            files.append(renderNotFound(language, &state))
        }
        if sitemap {
            let starts = languages.map { $0.path(SitePaths.start) }
            files.append(contentsOf: renderSitemap(paths: pagePaths + starts, &state))
        }
        return files
    }

    /// The diagnostics of all the rendering, with warnings for template variables
    /// that no page ever had.
    public func finish(_ state: RenderState) -> Diagnostics {
        var diagnostics = state.diagnostics
        templates.reportMissingVariables(state.usage, into: &diagnostics)
        return diagnostics
    }

    /// Renders one template (a page's content) into UTF-8 bytes, recording problems and usage.
    private func renderTemplate(_ name: String, _ context: TemplateValue, _ state: inout RenderState) -> SafeHTML {
        var output: [UInt8] = []
        templates.render(name, context, into: &output, diagnostics: &state.diagnostics, usage: &state.usage)
        return SafeHTML(trustedUTF8: output)
    }

    /// Renders the base template around a page's content (`contentBytes` long)
    /// straight into the page's bytes.
    private func renderBase(_ path: String, _ context: TemplateObject, contentBytes: Int,
                            _ state: inout RenderState) -> OutputFile {
        var bytes: [UInt8] = []
        // The base template's own markup, breadcrumb, footer and language menus are a
        // few kilobytes: room for them once, so the buffer is never copied to grow.
        bytes.reserveCapacity(contentBytes + 8192)
        templates.render("base", .object(context), into: &bytes, diagnostics: &state.diagnostics, usage: &state.usage)
        return OutputFile(path: path, bytes: bytes)
    }

    // MARK: - Pages

    private func renderStart(_ language: PageLanguage, _ state: inout RenderState) -> OutputFile {
        let path = language.path(SitePaths.start)
        let diagnoses: [TemplateValue] = model.diagnoses.map { diagnosis in
            let title = language.pick(diagnosis.title, diagnosis.translations) { $0.title }
            let summary = language.pick(diagnosis.summary, diagnosis.translations) { $0.summary }
            return .object([
                "title": .text(title.text),
                "title_lang": title.langValue,
                "summary": .text(summary.text),
                "summary_lang": summary.langValue,
                "version": .text(diagnosis.version),
                "approved": .text(language.dateText(diagnosis.approved)),
                "href": .text(SitePaths.relative(from: path, to: language.path(SitePaths.diagnosis(diagnosis.id)))),
            ])
        }
        return page(SitePaths.start, language, template: "index", title: model.config.title, breadcrumb: [], diagnosis: nil,
                    description: language.string("start_description"),
                    fields: ["diagnoses": .list(diagnoses)], &state)
    }

    private func renderNotFound(_ language: PageLanguage, _ state: inout RenderState) -> OutputFile {
        // A 404 page is served at any address, so it cannot link relatively: its style
        // is inline and its home link is the published address when known.
        let home = baseURL.map { $0 + language.path(SitePaths.start) } ?? "/" + language.path(SitePaths.start)
        var fields = language.fields
        fields["home"] = .text(home)
        fields["site_title"] = .text(model.config.title)
        let content = renderTemplate("404", .object(fields), &state)
        var context = baseContext(title: language.string("not_found_title"), root: "", language: language,
                                  breadcrumb: [], diagnosis: nil, description: nil, canonical: nil, content: content)
        context["home"] = .text(home)
        context["inline_style"] = .html(SafeHTML(trusted: stylesheet))
        return renderBase(language.path(SitePaths.notFound), context, contentBytes: content.utf8Count + stylesheet.utf8.count,
                          &state)
    }

    /// The stylesheet's text, inlined in the 404 pages.
    private var stylesheet: String {
        assets.first { $0.path == SitePaths.stylesheet }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    private func renderDiagnosis(_ diagnosis: Diagnosis, _ language: PageLanguage, onlySteps: Set<String>?,
                                 bodies: RenderedBodies, _ state: inout RenderState) -> [OutputFile] {
        var files: [OutputFile] = []
        renderDiagnosis(diagnosis, language, onlySteps: onlySteps, bodies: bodies, &state) { files.append($0) }
        return files
    }

    /// The pages of `diagnosis` in `language`, each handed to `emit` as soon as it is made;
    /// step bodies through `bodies`, shared by the diagnosis's languages.
    private func renderDiagnosis(_ diagnosis: Diagnosis, _ language: PageLanguage, onlySteps: Set<String>?,
                                 bodies: RenderedBodies, _ state: inout RenderState, emit: (OutputFile) -> Void) {
        let resolver = LinkResolver(diagnosis: diagnosis)
        let diagnosisPath = language.path(SitePaths.diagnosis(diagnosis.id))
        let info = diagnosisInfo(diagnosis, from: diagnosisPath, language: language, resolver: resolver)
        let diagnosisTitle = language.pick(diagnosis.title, diagnosis.translations) { $0.title }
        let crumbsToStart: (String) -> [TemplateValue] = { from in
            [Self.crumb((self.model.config.title, language.isNational ? nil : language.nationalCode), SitePaths.relative(from: from, to: language.path(SitePaths.start)))]
        }

        // Diagnosis page.
        let modules: [TemplateValue] = diagnosis.modules.map { module in
            let title = language.pick(module.title, module.translations) { $0.title }
            let summary = module.summary.map { swedish in language.pick(swedish, module.translations) { $0.summary } }
            return .object([
                "title": .text(title.text),
                "title_lang": title.langValue,
                "summary": summary.map { TemplateValue.text($0.text) } ?? .null,
                "summary_lang": summary?.langValue ?? .null,
                "href": .text(SitePaths.relative(from: diagnosisPath, to: language.path(SitePaths.module(diagnosis.id, module.id)))),
                "step_count": .int(module.steps.count),
                "is_form": .bool(module.kind == .form),
            ])
        }
        emit(page(SitePaths.diagnosis(diagnosis.id), language, template: "diagnosis", title: diagnosisTitle.text,
                          breadcrumb: crumbsToStart(diagnosisPath), diagnosis: diagnosis,
                          description: language.pick(diagnosis.summary, diagnosis.translations) { $0.summary }.text, fields: [
                            "diagnosis": info, "modules": .list(modules),
                            "staff_href": .text(SitePaths.relative(from: diagnosisPath, to: SitePaths.staffOverview(diagnosis.id))),
                          ], &state))

        // Staff overview and the nurse's page (tailor and print a plan in the browser):
        // staff read Swedish; one of each, in the national tree.
        if language.isNational {
            emit(renderStaffOverview(diagnosis, info: info, crumbs: crumbsToStart, &state))
            var nursePage = NursePageRenderer(diagnosis: diagnosis, config: model.config, templates: templates,
                                              strings: strings, bodyCache: options.printBodies)
            nursePage.generalBodies = generalPrintedBodies
            emit(OutputFile(path: SitePaths.nursePage(diagnosis.id),
                            bytes: nursePage.renderBytes(diagnostics: &state.diagnostics, usage: &state.usage)))
        }

        // Module pages and step pages.
        let allSteps = diagnosis.modules.flatMap { module in module.steps.map { (module, $0) } }
        for (moduleIndex, module) in diagnosis.modules.enumerated() {
            let modulePath = language.path(SitePaths.module(diagnosis.id, module.id))
            let moduleTitle = language.pick(module.title, module.translations) { $0.title }
            let moduleCrumbs = crumbsToStart(modulePath) + [
                Self.crumb(diagnosisTitle.pair, SitePaths.relative(from: modulePath, to: diagnosisPath)),
            ]
            let sections: [TemplateValue] = module.sections.map { section in
                let title = language.pick(section.title, section.translations) { $0.title }
                return .object([
                    "id": .text(section.id),
                    "title": .text(title.text),
                    "title_lang": title.langValue,
                    "intro": intro(section.intro, section.translations, page: modulePath, headingBase: 2,
                                   language: language, resolver: resolver),
                    "steps": .list(section.steps.map { step in
                        let title = language.pick(step.title, step.translations) { $0.title }
                        return .object([
                            "title": .text(title.text),
                            "title_lang": title.langValue,
                            "region": step.regionName.map(TemplateValue.text) ?? .null,
                            "href": .text(SitePaths.relative(from: modulePath, to: language.path(SitePaths.step(diagnosis.id, module.id, step.id)))),
                        ])
                    }),
                ])
            }
            let neighbour: (Module) -> ((String, String?), String) = { other in
                (language.pick(other.title, other.translations) { $0.title }.pair,
                 SitePaths.relative(from: modulePath, to: language.path(SitePaths.module(diagnosis.id, other.id))))
            }
            let previous = moduleIndex > 0 ? diagnosis.modules[moduleIndex - 1] : nil
            let next = moduleIndex + 1 < diagnosis.modules.count ? diagnosis.modules[moduleIndex + 1] : nil
            emit(page(SitePaths.module(diagnosis.id, module.id), language, template: "module", title: moduleTitle.text,
                              breadcrumb: moduleCrumbs,
                              diagnosis: diagnosis, description: module.summary.map { swedish in
                                  language.pick(swedish, module.translations) { $0.summary }.text },
                              fields: ([
                                "diagnosis": info,
                                "module": moduleInfo(module, page: modulePath, language: language, resolver: resolver),
                                "sections": .list(sections),
                              ] as TemplateObject).merging(pager(previous.map(neighbour), next.map(neighbour))) { a, _ in a }, &state))
        }
        for (index, (module, step)) in allSteps.enumerated() {
            if let onlySteps, !onlySteps.contains(step.id) { continue }
            let nationalStepPath = SitePaths.step(diagnosis.id, module.id, step.id)
            let stepPath = language.path(nationalStepPath)
            let modulePath = language.path(SitePaths.module(diagnosis.id, module.id))
            let section = module.sections.first { $0.steps.contains { $0.id == step.id } }!
            let moduleTitle = language.pick(module.title, module.translations) { $0.title }
            let sectionTitle = language.pick(section.title, section.translations) { $0.title }
            let stepTitle = language.pick(step.title, step.translations) { $0.title }
            let crumbs = crumbsToStart(stepPath) + [
                Self.crumb(diagnosisTitle.pair, SitePaths.relative(from: stepPath, to: diagnosisPath)),
                Self.crumb(moduleTitle.pair, SitePaths.relative(from: stepPath, to: modulePath)),
            ]
            let link: ((Module, Step)) -> ((String, String?), String) = { pair in
                (language.pick(pair.1.title, pair.1.translations) { $0.title }.pair,
                 SitePaths.relative(from: stepPath, to: language.path(SitePaths.step(diagnosis.id, pair.0.id, pair.1.id))))
            }
            let previous = index > 0 ? link(allSteps[index - 1]) : nil
            let next = index + 1 < allSteps.count ? link(allSteps[index + 1]) : nil
            let translation = language.isNational ? nil : step.translations[language.code]
            let bodyDocument = translation?.body ?? step.body
            let fallback = !language.isNational && translation?.body == nil
            let body = renderBody(bodyDocument, page: stepPath, headingBase: 1, language: language, inSwedish: fallback,
                                  resolver: resolver, bodies: module.isGeneral ? generalBodies : bodies)
            emit(page(nationalStepPath, language, template: "step", title: stepTitle.text, breadcrumb: crumbs,
                              diagnosis: diagnosis, description: nil, fields: ([
                                "diagnosis": info,
                                "module": .object(["title": .text(moduleTitle.text), "title_lang": moduleTitle.langValue,
                                                   "href": .text(SitePaths.relative(from: stepPath, to: modulePath))]),
                                "section": .object(["title": .text(sectionTitle.text), "title_lang": sectionTitle.langValue,
                                                    "id": .text(section.id)]),
                                "supplements_before": supplements(step.supplements, \.before, page: stepPath,
                                                                  language: language, resolver: resolver),
                                "supplements_after": supplements(step.supplements, \.after, page: stepPath,
                                                                 language: language, resolver: resolver),
                                "step": .object(["title": .text(stepTitle.text), "title_lang": stepTitle.langValue,
                                                 "region": step.regionName.map(TemplateValue.text) ?? .null,
                                                 "id": .text(step.id), "body": .html(body),
                                                 "body_lang": fallback ? .text(model.config.language) : .null,
                                                 "only_in_national_language": .bool(fallback)]),
                              ] as TemplateObject).merging(pager(previous, next)) { a, _ in a }, &state))
        }
    }

    private func renderStaffOverview(_ diagnosis: Diagnosis, info: TemplateValue,
                                     crumbs: (String) -> [TemplateValue], _ state: inout RenderState) -> OutputFile {
        let path = SitePaths.staffOverview(diagnosis.id)
        let modules = StepTreeFields.modules(of: diagnosis, module: { module in
            [
                "status": .text(module.activeAtStart ? "Aktuell" : "Kommande"),
                "is_form": .bool(module.kind == .form),
                "is_general": .bool(module.isGeneral),
            ]
        }, step: { module, step in
            [
                "region": step.regionName.map(TemplateValue.text) ?? .null,
                "supplement_count": .int((step.supplements?.before.count ?? 0) + (step.supplements?.after.count ?? 0)),
                "lix": .int((step.readability ?? ReadabilityChecker.index(of: step.body)).rounded),
                "href": .text(SitePaths.relative(from: path, to: SitePaths.step(diagnosis.id, module.id, step.id))),
            ]
        })
        let steps = diagnosis.steps
        return page(path, national, template: "staff", title: "Översikt för vårdpersonal",
                    breadcrumb: crumbs(path) + [Self.crumb((diagnosis.title, nil), SitePaths.relative(from: path, to: SitePaths.diagnosis(diagnosis.id)))],
                    diagnosis: diagnosis, description: nil, alternates: false, fields: [
                        "diagnosis": info, "modules": modules,
                        "nurse_page_href": .text(SitePaths.relative(from: path, to: SitePaths.nursePage(diagnosis.id))),
                        "visible_count": .int(steps.count { $0.visibleByDefault }), "step_count": .int(steps.count),
                        "region": model.regions.first { $0.id == options.region }.map { .text($0.name) } ?? .null,
                        "regional_step_count": .int(steps.count { $0.regionName != nil }),
                        "supplement_count": .int(steps.reduce(0) { $0 + ($1.supplements?.before.count ?? 0) + ($1.supplements?.after.count ?? 0) }),
                    ], &state)
    }

    // MARK: - Contexts

    /// A page at `nationalPath` in `language`'s tree.
    private func page(_ nationalPath: String, _ language: PageLanguage, template: String, title: String,
                      breadcrumb: [TemplateValue], diagnosis: Diagnosis?, description: String?, alternates: Bool = true,
                      fields: TemplateObject, _ state: inout RenderState) -> OutputFile {
        let path = language.path(nationalPath)
        let root = SitePaths.root(from: path)
        var pageFields = fields.merging(language.fields) { a, _ in a }
        pageFields["root"] = .text(root)
        pageFields["site_title"] = .text(model.config.title)
        let content = renderTemplate(template, .object(pageFields), &state)
        var context = baseContext(title: title, root: root, language: language, breadcrumb: breadcrumb, diagnosis: diagnosis,
                                  description: description, canonical: baseURL.map { $0 + path }, content: content)
        if alternates && languages.count > 1 {
            context["has_languages"] = .bool(true)
            context["languages"] = .list(languages.map { other in
                .object(["lang": .text(other.code), "name": .text(other.string("language_name")),
                         "rtl": .bool(other.isRightToLeft), "current": .bool(other.code == language.code),
                         "href": .text(SitePaths.relative(from: path, to: other.path(nationalPath)))])
            })
            context["alternates"] = .list(languages.map { other in
                .object(["lang": .text(other.code),
                         "href": .text(baseURL.map { $0 + other.path(nationalPath) }
                                       ?? SitePaths.relative(from: path, to: other.path(nationalPath)))])
            })
        }
        return renderBase(path, context, contentBytes: content.utf8Count, &state)
    }

    private func baseContext(title: String, root: String, language: PageLanguage, breadcrumb: [TemplateValue],
                             diagnosis: Diagnosis?, description: String?, canonical: String?,
                             content: SafeHTML) -> TemplateObject {
        var context: TemplateObject = [
            "lang": .text(language.code),
            "site_title": .text(model.config.title),
            "page_title": .text(title),
            "root": .text(root),
            "description": description.map(TemplateValue.text) ?? .null,
            "canonical": canonical.map(TemplateValue.text) ?? .null,
            "breadcrumb": .list(breadcrumb),
            "has_breadcrumb": .bool(!breadcrumb.isEmpty),
            "diagnosis": diagnosis.map { footerInfo($0, language) } ?? .null,
            "content": .html(content),
            "has_languages": .bool(false), "languages": .list([]), "alternates": .list([]),
            "home": .null, "inline_style": .null,
        ]
        context.merge(language.fields) { a, _ in a }
        return context
    }

    private func diagnosisInfo(_ diagnosis: Diagnosis, from page: String, language: PageLanguage,
                               resolver: LinkResolver) -> TemplateValue {
        var fields = footerFields(diagnosis, language)
        let summary = language.pick(diagnosis.summary, diagnosis.translations) { $0.summary }
        fields["summary"] = .text(summary.text)
        fields["summary_lang"] = summary.langValue
        fields["id"] = .text(diagnosis.id)
        fields["intro"] = intro(diagnosis.intro, diagnosis.translations, page: page, headingBase: 1,
                                language: language, resolver: resolver)
        return .object(fields)
    }

    private func moduleInfo(_ module: Module, page: String, language: PageLanguage, resolver: LinkResolver) -> TemplateValue {
        let title = language.pick(module.title, module.translations) { $0.title }
        return .object([
            "id": .text(module.id),
            "title": .text(title.text),
            "title_lang": title.langValue,
            "is_form": .bool(module.kind == .form),
            "intro": intro(module.intro, module.translations, page: page, headingBase: 1, language: language, resolver: resolver),
        ])
    }

    /// An intro in the page's language, or the Swedish one marked as Swedish.
    private func intro(_ swedish: MarkdownDocument?, _ translations: [String: Translation], page: String, headingBase: Int,
                       language: PageLanguage, resolver: LinkResolver) -> TemplateValue {
        if !language.isNational, let translation = translations[language.code] {
            guard let body = translation.body else { return .null }
            return .html(renderBody(body, page: page, headingBase: headingBase, language: language, resolver: resolver))
        }
        guard let swedish else { return .null }
        let html = renderBody(swedish, page: page, headingBase: headingBase, language: language,
                              inSwedish: !language.isNational, resolver: resolver)
        if language.isNational { return .html(html) }
        var marked = Array("<div lang=\"\(model.config.language)\" dir=\"ltr\">\n".utf8)
        html.appendUTF8(to: &marked)
        marked.append(contentsOf: "</div>\n".utf8)
        return .html(SafeHTML(trustedUTF8: marked))
    }

    /// A region's texts shown with a step, marked with the region's name; Swedish,
    /// and marked so on another language's page.
    private func supplements(_ supplements: StepSupplements?, _ which: KeyPath<StepSupplements, [Supplement]>,
                             page: String, language: PageLanguage, resolver: LinkResolver) -> TemplateValue {
        guard let supplements else { return .list([]) }
        return .list(supplements[keyPath: which].map { supplement in
            .object([
                "region": .text(supplements.regionName),
                "title": supplement.title.map(TemplateValue.text) ?? .null,
                "body": .html(renderBody(supplement.body, page: page, headingBase: 2, language: language,
                                         inSwedish: !language.isNational, resolver: resolver)),
            ])
        })
    }

    private func footerFields(_ diagnosis: Diagnosis, _ language: PageLanguage) -> TemplateObject {
        let title = language.pick(diagnosis.title, diagnosis.translations) { $0.title }
        return [
            "title": .text(title.text),
            "title_lang": title.langValue,
            "version": .text(diagnosis.version),
            "approved": .text(language.dateText(diagnosis.approved)),
            "next_review": .text(language.dateText(diagnosis.nextReview)),
            "publisher": .text(diagnosis.publisher),
        ]
    }

    private func footerInfo(_ diagnosis: Diagnosis, _ language: PageLanguage) -> TemplateValue {
        .object(footerFields(diagnosis, language))
    }

    private static func crumb(_ title: (String, String?), _ href: String) -> TemplateValue {
        .object(["title": .text(title.0), "title_lang": title.1.map(TemplateValue.text) ?? .null, "href": .text(href)])
    }

    private func pager(_ previous: ((String, String?), String)?, _ next: ((String, String?), String)?) -> TemplateObject {
        [
            "has_pager": .bool(previous != nil || next != nil),
            "previous": previous.map { Self.crumb($0.0, $0.1) } ?? .null,
            "next": next.map { Self.crumb($0.0, $0.1) } ?? .null,
        ]
    }

    /// Renders a Markdown body for a page, with links resolved relative to that page.
    /// `inSwedish`: the Swedish text shown on another language's page, whose
    /// accessible names stay Swedish like the text around them.
    /// With `bodies`, a body another language's page already rendered the same way is reused.
    func renderBody(_ document: MarkdownDocument, page: String, headingBase: Int, language: PageLanguage,
                    inSwedish: Bool = false, resolver: LinkResolver, bodies: RenderedBodies? = nil) -> SafeHTML {
        let configuration = BodyRenderer.configuration(
            headingBase: headingBase, printLinkAddresses: false,
            labels: inSwedish ? [:] : language.markdownLabels) { [images = model.images, file = document.sourcePath] destination, _ in
            if let image = ImageChecker.image(destination, from: file, in: images) {
                return SitePaths.relative(from: page, to: image.sitePath)
            }
            switch resolver.resolve(destination, from: file) {
            case .page(let path, let fragment):
                return SitePaths.relative(from: page, to: language.path(path)) + (fragment.map { "#" + $0 } ?? "")
            case .external, .broken:
                return nil
            }
        }
        if let bodies { return SafeHTML(trustedUTF8: bodies.html(document, configuration)) }
        return SafeHTML(trustedUTF8: MarkdownHTMLRenderer(configuration: configuration).renderUTF8(document))
    }

    /// `https://example.org/mvp/` → `/mvp/`.
    static func pathOfURL(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "/" }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
