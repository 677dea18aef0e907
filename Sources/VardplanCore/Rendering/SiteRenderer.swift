/// Renders the whole national site in memory: start page, diagnosis pages, module
/// pages, step pages, staff overviews, 404, sitemap and the stylesheet.
///
/// Nothing is written here; `SiteWriter` writes the result. Rendering is deterministic:
/// the same model and templates give the same bytes.
public struct SiteRenderer: Sendable {
    public struct Options: Sendable {
        /// Absolute address of the published site, overriding `base_url` in site.yaml.
        public var baseURL: String?

        public init(baseURL: String? = nil) {
            self.baseURL = baseURL
        }
    }

    let model: SiteModel
    let templates: TemplateLibrary
    let assets: [OutputFile]
    let options: Options

    /// The templates every site build needs.
    public static let requiredTemplates = ["base", "index", "diagnosis", "module", "step", "staff", "404", "sitemap"]
        + NursePageRenderer.requiredTemplates

    public init(model: SiteModel, templates: TemplateLibrary, assets: [OutputFile], options: Options) {
        self.model = model
        self.templates = templates
        self.assets = assets
        self.options = options
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

    /// Every file of the site, sorted by path, and the templates' problems: render
    /// errors, and warnings for variables no page ever had (likely typos). The model
    /// must hold the step bodies; `SiteBuild` renders diagnosis by diagnosis instead.
    public func render() -> (files: [OutputFile], diagnostics: Diagnostics) {
        var state = makeState()
        var files: [OutputFile] = []
        for diagnosis in model.diagnoses {
            files.append(contentsOf: renderPages(of: diagnosis, &state))
        }
        files.append(contentsOf: renderSharedPages(pagePaths: files.map(\.path), &state))
        return (files.sorted { $0.path < $1.path }, finish(state))
    }

    /// The pages of one diagnosis (its step bodies parsed).
    public func renderPages(of diagnosis: Diagnosis, _ state: inout RenderState) -> [OutputFile] {
        renderDiagnosis(diagnosis, onlySteps: nil, &state)
    }

    /// The pages of one diagnosis with only the step pages of `onlySteps` (ids): what
    /// the preview renders when nothing but those steps' bodies changed.
    public func renderPages(of diagnosis: Diagnosis, onlySteps: Set<String>, _ state: inout RenderState) -> [OutputFile] {
        renderDiagnosis(diagnosis, onlySteps: onlySteps, &state)
    }

    /// The pages every site has: assets, start page, 404 and the sitemap of `pagePaths`.
    public func renderSharedPages(pagePaths: [String], _ state: inout RenderState) -> [OutputFile] {
        var files = assets
        files.append(renderStart(&state))
        files.append(renderNotFound(&state))
        if let sitemap = renderSitemap(paths: pagePaths + [SitePaths.start], &state) { files.append(sitemap) }
        return files
    }

    /// The diagnostics of all the rendering, with warnings for template variables
    /// that no page ever had.
    public func finish(_ state: RenderState) -> Diagnostics {
        var diagnostics = state.diagnostics
        templates.reportMissingVariables(state.usage, into: &diagnostics)
        return diagnostics
    }

    /// Renders one template, recording problems and usage.
    private func renderTemplate(_ name: String, _ context: TemplateValue, _ state: inout RenderState) -> String {
        var output = ""
        templates.render(name, context, into: &output, diagnostics: &state.diagnostics, usage: &state.usage)
        return output
    }

    // MARK: - Pages

    private func renderStart(_ state: inout RenderState) -> OutputFile {
        let path = SitePaths.start
        let diagnoses: [TemplateValue] = model.diagnoses.map { diagnosis in
            .object([
                "title": .text(diagnosis.title),
                "summary": .text(diagnosis.summary),
                "version": .text(diagnosis.version),
                "approved": .text(diagnosis.approved.swedishText),
                "href": .text(SitePaths.relative(from: path, to: SitePaths.diagnosis(diagnosis.id))),
            ])
        }
        return page(path, template: "index", title: model.config.title, breadcrumb: [], diagnosis: nil,
                    description: "Information om cancer, vård och behandling för patienter och närstående.",
                    fields: ["diagnoses": .list(diagnoses)], &state)
    }

    private func renderNotFound(_ state: inout RenderState) -> OutputFile {
        // A 404 page is served at any address, so its links start from the site root.
        let root = baseURL.map(Self.pathOfURL) ?? "/"
        let content = renderTemplate("404", .object(["root": .text(root), "site_title": .text(model.config.title)]), &state)
        let context = baseContext(title: "Sidan finns inte", root: root, breadcrumb: [], diagnosis: nil,
                                  description: nil, canonical: nil, content: content)
        return OutputFile(path: SitePaths.notFound, text: renderTemplate("base", context, &state))
    }

    private func renderDiagnosis(_ diagnosis: Diagnosis, onlySteps: Set<String>?, _ state: inout RenderState) -> [OutputFile] {
        var files: [OutputFile] = []
        let resolver = LinkResolver(diagnosis: diagnosis)
        let diagnosisPath = SitePaths.diagnosis(diagnosis.id)
        let info = diagnosisInfo(diagnosis, from: diagnosisPath, resolver: resolver)
        let crumbsToStart: (String) -> [TemplateValue] = { from in
            [Self.crumb(self.model.config.title, SitePaths.relative(from: from, to: SitePaths.start))]
        }

        // Diagnosis page.
        let modules: [TemplateValue] = diagnosis.modules.map { module in
            .object([
                "title": .text(module.title),
                "summary": module.summary.map(TemplateValue.text) ?? .null,
                "href": .text(SitePaths.relative(from: diagnosisPath, to: SitePaths.module(diagnosis.id, module.id))),
                "step_count": .int(module.steps.count),
                "is_form": .bool(module.kind == .form),
            ])
        }
        files.append(page(diagnosisPath, template: "diagnosis", title: diagnosis.title,
                          breadcrumb: crumbsToStart(diagnosisPath), diagnosis: diagnosis,
                          description: diagnosis.summary, fields: [
                            "diagnosis": info, "modules": .list(modules),
                            "staff_href": .text(SitePaths.relative(from: diagnosisPath, to: SitePaths.staffOverview(diagnosis.id))),
                          ], &state))

        // Staff overview.
        files.append(renderStaffOverview(diagnosis, info: info, crumbs: crumbsToStart, &state))

        // The nurse's page: tailor and print a plan in the browser.
        files.append(OutputFile(path: SitePaths.nursePage(diagnosis.id),
                                text: NursePageRenderer(diagnosis: diagnosis, config: model.config, templates: templates)
                                    .render(diagnostics: &state.diagnostics, usage: &state.usage)))

        // Module pages and step pages.
        let allSteps = diagnosis.modules.flatMap { module in module.steps.map { (module, $0) } }
        for (moduleIndex, module) in diagnosis.modules.enumerated() {
            let modulePath = SitePaths.module(diagnosis.id, module.id)
            let moduleCrumbs = crumbsToStart(modulePath) + [
                Self.crumb(diagnosis.title, SitePaths.relative(from: modulePath, to: diagnosisPath)),
            ]
            let sections: [TemplateValue] = module.sections.map { section in
                .object([
                    "id": .text(section.id),
                    "title": .text(section.title),
                    "intro": section.intro.map { .html(renderBody($0, page: modulePath, headingBase: 2, resolver: resolver)) } ?? .null,
                    "steps": .list(section.steps.map { step in
                        .object([
                            "title": .text(step.title),
                            "href": .text(SitePaths.relative(from: modulePath, to: SitePaths.step(diagnosis.id, module.id, step.id))),
                        ])
                    }),
                ])
            }
            let previous = moduleIndex > 0 ? diagnosis.modules[moduleIndex - 1] : nil
            let next = moduleIndex + 1 < diagnosis.modules.count ? diagnosis.modules[moduleIndex + 1] : nil
            files.append(page(modulePath, template: "module", title: module.title, breadcrumb: moduleCrumbs,
                              diagnosis: diagnosis, description: module.summary, fields: [
                                "diagnosis": info,
                                "module": moduleInfo(module, page: modulePath, resolver: resolver),
                                "sections": .list(sections),
                              ].merging(pager(
                                previous.map { ($0.title, SitePaths.relative(from: modulePath, to: SitePaths.module(diagnosis.id, $0.id))) },
                                next.map { ($0.title, SitePaths.relative(from: modulePath, to: SitePaths.module(diagnosis.id, $0.id))) }
                              )) { a, _ in a }, &state))
        }
        for (index, (module, step)) in allSteps.enumerated() {
            if let onlySteps, !onlySteps.contains(step.id) { continue }
            let stepPath = SitePaths.step(diagnosis.id, module.id, step.id)
            let modulePath = SitePaths.module(diagnosis.id, module.id)
            let section = module.sections.first { $0.steps.contains { $0.id == step.id } }!
            let crumbs = crumbsToStart(stepPath) + [
                Self.crumb(diagnosis.title, SitePaths.relative(from: stepPath, to: diagnosisPath)),
                Self.crumb(module.title, SitePaths.relative(from: stepPath, to: modulePath)),
            ]
            let link: ((Module, Step)) -> (String, String) = { pair in
                (pair.1.title, SitePaths.relative(from: stepPath, to: SitePaths.step(diagnosis.id, pair.0.id, pair.1.id)))
            }
            let previous = index > 0 ? link(allSteps[index - 1]) : nil
            let next = index + 1 < allSteps.count ? link(allSteps[index + 1]) : nil
            let body = renderBody(step.body, page: stepPath, headingBase: 1, resolver: resolver)
            files.append(page(stepPath, template: "step", title: step.title, breadcrumb: crumbs,
                              diagnosis: diagnosis, description: nil, fields: [
                                "diagnosis": info,
                                "module": .object(["title": .text(module.title),
                                                   "href": .text(SitePaths.relative(from: stepPath, to: modulePath))]),
                                "section": .object(["title": .text(section.title), "id": .text(section.id)]),
                                "step": .object(["title": .text(step.title), "id": .text(step.id), "body": .html(body)]),
                              ].merging(pager(previous, next)) { a, _ in a }, &state))
        }
        return files
    }

    private func renderStaffOverview(_ diagnosis: Diagnosis, info: TemplateValue,
                                     crumbs: (String) -> [TemplateValue], _ state: inout RenderState) -> OutputFile {
        let path = SitePaths.staffOverview(diagnosis.id)
        let modules: [TemplateValue] = diagnosis.modules.map { module in
            let visible = module.steps.count { $0.visibleByDefault }
            return .object([
                "id": .text(module.id),
                "title": .text(module.title),
                "status": .text(module.activeAtStart ? "Aktuell" : "Kommande"),
                "is_form": .bool(module.kind == .form),
                "is_general": .bool(module.isGeneral),
                "visible_count": .int(visible),
                "step_count": .int(module.steps.count),
                "sections": .list(module.sections.map { section in
                    .object([
                        "id": .text(section.id),
                        "title": .text(section.title),
                        "visible_count": .int(section.steps.count { $0.visibleByDefault }),
                        "step_count": .int(section.steps.count),
                        "steps": .list(section.steps.map { step in
                            .object([
                                "id": .text(step.id),
                                "title": .text(step.title),
                                "visible": .bool(step.visibleByDefault),
                                "lix": .int(ReadabilityChecker.index(of: step.body).rounded),
                                "href": .text(SitePaths.relative(from: path, to: SitePaths.step(diagnosis.id, module.id, step.id))),
                            ])
                        }),
                    ])
                }),
            ])
        }
        let steps = diagnosis.steps
        return page(path, template: "staff", title: "Översikt för vårdpersonal",
                    breadcrumb: crumbs(path) + [Self.crumb(diagnosis.title, SitePaths.relative(from: path, to: SitePaths.diagnosis(diagnosis.id)))],
                    diagnosis: diagnosis, description: nil, fields: [
                        "diagnosis": info, "modules": .list(modules),
                        "nurse_page_href": .text(SitePaths.relative(from: path, to: SitePaths.nursePage(diagnosis.id))),
                        "visible_count": .int(steps.count { $0.visibleByDefault }), "step_count": .int(steps.count),
                    ], &state)
    }

    private func renderSitemap(paths: [String], _ state: inout RenderState) -> OutputFile? {
        guard let baseURL else { return nil }
        let urls: [TemplateValue] = paths.filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound && !$0.hasSuffix("/personal.html") && !$0.hasSuffix("/utskrift.html") }
            .sorted()
            .map { .object(["loc": .text(baseURL + $0)]) }
        return OutputFile(path: SitePaths.sitemap, text: renderTemplate("sitemap", .object(["urls": .list(urls)]), &state))
    }

    // MARK: - Contexts

    private func page(_ path: String, template: String, title: String, breadcrumb: [TemplateValue],
                      diagnosis: Diagnosis?, description: String?, fields: [String: TemplateValue],
                      _ state: inout RenderState) -> OutputFile {
        let root = SitePaths.root(from: path)
        var pageFields = fields
        pageFields["root"] = .text(root)
        pageFields["site_title"] = .text(model.config.title)
        let content = renderTemplate(template, .object(pageFields), &state)
        let context = baseContext(title: title, root: root, breadcrumb: breadcrumb, diagnosis: diagnosis,
                                  description: description, canonical: baseURL.map { $0 + path }, content: content)
        return OutputFile(path: path, text: renderTemplate("base", context, &state))
    }

    private func baseContext(title: String, root: String, breadcrumb: [TemplateValue], diagnosis: Diagnosis?,
                             description: String?, canonical: String?, content: String) -> TemplateValue {
        .object([
            "lang": .text(model.config.language),
            "site_title": .text(model.config.title),
            "page_title": .text(title),
            "root": .text(root),
            "description": description.map(TemplateValue.text) ?? .null,
            "canonical": canonical.map(TemplateValue.text) ?? .null,
            "breadcrumb": .list(breadcrumb),
            "has_breadcrumb": .bool(!breadcrumb.isEmpty),
            "diagnosis": diagnosis.map(Self.footerInfo) ?? .null,
            "content": .html(SafeHTML(trusted: content)),
        ])
    }

    private func diagnosisInfo(_ diagnosis: Diagnosis, from page: String, resolver: LinkResolver) -> TemplateValue {
        var fields = Self.footerFields(diagnosis)
        fields["summary"] = .text(diagnosis.summary)
        fields["id"] = .text(diagnosis.id)
        fields["intro"] = diagnosis.intro.map { .html(renderBody($0, page: page, headingBase: 1, resolver: resolver)) } ?? .null
        return .object(fields)
    }

    private func moduleInfo(_ module: Module, page: String, resolver: LinkResolver) -> TemplateValue {
        .object([
            "id": .text(module.id),
            "title": .text(module.title),
            "is_form": .bool(module.kind == .form),
            "intro": module.intro.map { .html(renderBody($0, page: page, headingBase: 1, resolver: resolver)) } ?? .null,
        ])
    }

    private static func footerFields(_ diagnosis: Diagnosis) -> [String: TemplateValue] {
        [
            "title": .text(diagnosis.title),
            "version": .text(diagnosis.version),
            "approved": .text(diagnosis.approved.swedishText),
            "next_review": .text(diagnosis.nextReview.swedishText),
            "publisher": .text(diagnosis.publisher),
        ]
    }

    private static func footerInfo(_ diagnosis: Diagnosis) -> TemplateValue { .object(footerFields(diagnosis)) }

    private static func crumb(_ title: String, _ href: String) -> TemplateValue {
        .object(["title": .text(title), "href": .text(href)])
    }

    private func pager(_ previous: (String, String)?, _ next: (String, String)?) -> [String: TemplateValue] {
        [
            "has_pager": .bool(previous != nil || next != nil),
            "previous": previous.map { Self.crumb($0.0, $0.1) } ?? .null,
            "next": next.map { Self.crumb($0.0, $0.1) } ?? .null,
        ]
    }

    /// Renders a Markdown body for a page, with links resolved relative to that page.
    func renderBody(_ document: MarkdownDocument, page: String, headingBase: Int, resolver: LinkResolver) -> SafeHTML {
        BodyRenderer.render(document, headingBase: headingBase, printLinkAddresses: false) { destination, location in
            switch resolver.resolve(destination, from: location.path) {
            case .page(let path, let fragment):
                return SitePaths.relative(from: page, to: path) + (fragment.map { "#" + $0 } ?? "")
            case .external, .broken:
                return nil
            }
        }
    }

    /// `https://example.org/mvp/` → `/mvp/`.
    static func pathOfURL(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "/" }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
