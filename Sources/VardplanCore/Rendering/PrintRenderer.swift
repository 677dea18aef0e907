import VardplanDiagnostics
import VardplanHTML
import VardplanMarkdown
import VardplanSystem
import VardplanTemplates

/// Renders one patient's plan as a single self-contained HTML file laid out for A4:
/// a first page with the overview, a table of contents, then modules → sections →
/// steps; the nurse's comments set apart; forms as fill-in pages.
///
/// Everything from the manifest is text and is escaped by the templates.
public struct PrintRenderer: Sendable {
    public struct Options: Sendable {
        /// Body text of at least 16 pt, for readers with low vision.
        public var largePrint: Bool
        /// The date printed in the footer.
        public var printDate: SimpleDate
        /// The pages of the headings, when known (a PDF's layout): shown in the table of
        /// contents and after in-document references. Nil: no page numbers at all.
        public var pageNumbers: PageNumbers?

        /// For the nurse's page: every reference carries the note for when its target is
        /// hidden, hidden until the page's script shows it.
        public var tailoring: Bool

        /// For the nurse's page in the preview: printed step bodies kept between renders.
        public var bodyCache: PrintBodyCache?

        /// For the nurse's pages of a build: the general modules' step bodies as the
        /// Markdown renderer wrote them, shared by every diagnosis (checked per use).
        var generalBodies: RenderedBodies?

        public init(largePrint: Bool = false, printDate: SimpleDate, pageNumbers: PageNumbers? = nil, tailoring: Bool = false,
                    bodyCache: PrintBodyCache? = nil) {
            self.largePrint = largePrint
            self.printDate = printDate
            self.pageNumbers = pageNumbers
            self.tailoring = tailoring
            self.bodyCache = bodyCache
        }
    }

    /// The templates a printout needs.
    public static let requiredTemplates = ["print"]

    public static let defaultWelcome = """
        Det här är din vårdplan. Den har du och din kontaktsjuksköterska gjort tillsammans. \
        Här finns information om din utredning, behandling och uppföljning, och råd om vad du själv kan göra. \
        Ta med vårdplanen när du går på besök, och fråga gärna om något är oklart.
        """

    let plan: PatientPlan
    let config: SiteConfig
    let templates: TemplateLibrary
    let options: Options
    /// The patient's language: translations where they exist, else Swedish marked as such.
    let language: PageLanguage
    /// The content's images, embedded where a text shows one.
    let images: [String: ContentImage]

    public init(plan: PatientPlan, config: SiteConfig, templates: TemplateLibrary, options: Options,
                language: PageLanguage? = nil, images: [String: ContentImage] = [:]) {
        self.images = images
        self.plan = plan
        self.config = config
        self.templates = templates
        self.options = options
        self.language = language ?? PageLanguage(code: config.language, config: config, strings: InterfaceStrings())
    }

    /// Renders the printout, appending the templates' render-time errors (a partial
    /// that includes itself without end, an unknown partial) to `diagnostics`; a
    /// printout rendered with an error is incomplete and must not be written.
    public func render(diagnostics: inout Diagnostics) -> String {
        String(decoding: renderBytes(diagnostics: &diagnostics), as: UTF8.self)
    }

    /// The printout as UTF-8 bytes, as `render(diagnostics:)` makes it (rendering into a
    /// `String` made one for every escaped text and appended piece by piece): what is
    /// written to a file, without checking 100 KB of UTF-8 again on the way.
    public func renderBytes(diagnostics: inout Diagnostics) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128 * 1024)
        templates.render("print", context(), into: &bytes, diagnostics: &diagnostics)
        // Templates and content are checked UTF-8, and every value comes from a `String`:
        // the bytes are valid. Should they ever not be, they are repaired as a `String` would.
        if SourceText.firstInvalidUTF8Offset(bytes) != nil {
            return Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        return bytes
    }

    func context() -> TemplateValue {
        let manifest = plan.manifest
        let diagnosis = plan.diagnosis
        let links = PrintLinkTargets(plan: plan, tailoring: options.tailoring)
        let modules = plan.patientModules

        let toc: [TemplateValue] = modules.map { module in
            let moduleTitle = language.pick(module.module.title, module.module.translations) { $0.title }
            return .object([
                "id": .text(module.module.id),
                "title": .text(moduleTitle.text),
                "title_lang": moduleTitle.langValue,
                "anchor": .text("rubrik-modul-" + module.module.id),
                "page": page("rubrik-modul-" + module.module.id),
                "sections": .list(module.visibleSections.map { section in
                    let sectionTitle = language.pick(section.section.title, section.section.translations) { $0.title }
                    return .object([
                        "id": .text(section.section.id),
                        "title": .text(sectionTitle.text),
                        "title_lang": sectionTitle.langValue,
                        "anchor": .text("avsnitt-" + section.section.id),
                        "page": page("avsnitt-" + section.section.id),
                        "merged": .bool(Self.headingOnce(section.section)),
                        "steps": .list(section.visibleSteps.map { step in
                            let title = language.pick(step.step.title, step.step.translations) { $0.title }
                            return .object(["id": .text(step.step.id), "title": .text(title.text), "title_lang": title.langValue,
                                            "anchor": .text("rubrik-steg-" + step.step.id),
                                            "page": page("rubrik-steg-" + step.step.id)])
                        }),
                    ])
                }),
            ])
        }

        // The step bodies first, on every core: they are most of a printout's rendering.
        let bodies = printedBodies(modules, links: links)
        let moduleValues: [TemplateValue] = zip(modules, bodies).map { module, moduleBodies in
            let isForm = module.module.kind == .form
            let moduleTitle = language.pick(module.module.title, module.module.translations) { $0.title }
            return .object([
                "id": .text(module.module.id),
                "title": .text(moduleTitle.text),
                "title_lang": moduleTitle.langValue,
                "is_form": .bool(isForm),
                "intro": intro(module.module.intro, module.module.translations, headingBase: 2, links: links),
                "comments": comments(module.comments),
                "sections": .list(zip(module.visibleSections, moduleBodies).map { section, sectionBodies in
                    let sectionTitle = language.pick(section.section.title, section.section.translations) { $0.title }
                    let merged = Self.headingOnce(section.section)
                    return .object([
                        "id": .text(section.section.id),
                        "title": .text(sectionTitle.text),
                        "title_lang": sectionTitle.langValue,
                        "merged": .bool(merged),
                        "steps": .list(zip(section.visibleSteps, sectionBodies).map { step, body in
                            let title = language.pick(step.step.title, step.step.translations) { $0.title }
                            let translated = translation(of: step.step)
                            return .object([
                                "id": .text(step.step.id),
                                "title": .text(title.text),
                                "title_lang": title.langValue,
                                "body": .html(body),
                                "body_lang": !language.isNational && translated == nil ? .text(config.language) : .null,
                                "only_in_national_language": .bool(!language.isNational && translated == nil),
                                "region": step.step.regionName.map(TemplateValue.text) ?? .null,
                                "supplements_before": supplements(step.step.supplements, \.before, links: links),
                                "supplements_after": supplements(step.step.supplements, \.after, links: links),
                                "comments": comments(step.comments),
                            ])
                        }),
                    ])
                }),
            ])
        }

        let contacts: [TemplateValue] = manifest.contacts.map { contact in
            .object([
                "name": .text(contact.name), "role": .text(contact.role),
                "phone": contact.phone.map(TemplateValue.text) ?? .null,
                "note": contact.note.map(TemplateValue.text) ?? .null,
            ])
        }
        let planning: [TemplateValue] = PlanningOrder.sorted(manifest.planning).map { entry in
            .object(["when": .text(PlanningOrder.text(entry.when, language: language)), "what": .text(entry.what)])
        }
        let welcome = Self.paragraphs(manifest.welcome ?? language.string("print_welcome_text", default: Self.defaultWelcome))
        let diagnosisTitle = language.pick(diagnosis.title, diagnosis.translations) { $0.title }

        return .object([
            "t": language.strings,
            "rtl": .bool(language.isRightToLeft),
            // The nurse writes in Swedish: her texts (and Swedish names such as the
            // publisher) are marked Swedish in another language's printout.
            "nurse_lang": language.isNational ? .null : .text(config.language),
            "national_lang": language.isNational ? .null : .text(config.language),
            "lang": .text(language.code),
            "welcome_lang": manifest.welcome != nil && !language.isNational ? .text(config.language) : .null,
            "site_title": .text(config.title),
            "large_print": .bool(options.largePrint),
            "page_numbers": .bool(options.pageNumbers != nil),
            "diagnosis": .object([
                "title": .text(diagnosisTitle.text),
                "title_lang": diagnosisTitle.langValue,
                "version": .text(diagnosis.version),
                "approved": .text(language.dateText(diagnosis.approved)),
                "publisher": .text(diagnosis.publisher),
            ]),
            "print_date": .text(language.dateText(options.printDate)),
            "print_date_iso": .text(options.printDate.description),
            "contacts": .list(contacts),
            "has_contacts": .bool(!contacts.isEmpty),
            "planning": .list(planning),
            "has_planning": .bool(!planning.isEmpty),
            "welcome": .list(welcome),
            "what_matters": .list(manifest.whatMatters.map(Self.paragraphs) ?? []),
            "has_what_matters": .bool(manifest.whatMatters != nil),
            "toc": .list(toc),
            "modules": .list(moduleValues),
        ])
    }

    /// The printed bodies of the visible steps of `modules`, by module, visible section and
    /// visible step, all rendered at once on every core.
    private func printedBodies(_ modules: [PatientPlan.PlanModule], links: PrintLinkTargets) -> [[[SafeHTML]]] {
        var jobs: [(step: Step, headingBase: Int, general: Bool)] = []
        for module in modules {
            for section in module.visibleSections {
                let headingBase = Self.headingOnce(section.section) ? 3 : 4
                jobs += section.visibleSteps.map { ($0.step, headingBase, module.module.isGeneral) }
            }
        }
        var rendered = ParallelMap.map(jobs, minimumCount: 2) { job in
            stepBody(job.step, translation(of: job.step), headingBase: job.headingBase, links: links, general: job.general)
        }[...]
        return modules.map { module in
            module.visibleSections.map { section in
                defer { rendered = rendered.dropFirst(section.visibleSteps.count) }
                return Array(rendered.prefix(section.visibleSteps.count))
            }
        }
    }

    /// A step's body in the page's language, or nil when the page is in the national
    /// language or the step has no translation into it.
    private func translation(of step: Step) -> MarkdownDocument? {
        language.isNational ? nil : step.translations[language.code]?.body
    }

    /// A step's printed body; kept in `options.bodyCache` when there is one.
    private func stepBody(_ step: Step, _ translated: MarkdownDocument?, headingBase: Int, links: PrintLinkTargets,
                          general: Bool) -> SafeHTML {
        let render = {
            body(translated ?? step.body, headingBase: headingBase, links: links,
                 inSwedish: !language.isNational && translated == nil,
                 shared: general ? options.generalBodies : nil)
        }
        guard let cache = options.bodyCache, language.isNational else { return render() }
        return cache.body(.init(diagnosis: plan.diagnosis.id, step: step.source.relativePath, headingBase: headingBase), render: render)
    }

    /// The page of a heading as text for the template, or null without page numbers.
    private func page(_ id: String) -> TemplateValue {
        options.pageNumbers?.page(of: id).map { .text(String($0)) } ?? .null
    }

    /// A section that holds one step with the section's own title prints its heading
    /// once: the step's, at the section's level. Decided on the content (every step of
    /// the section, shown or not), so a printout and the nurse's page agree.
    static func headingOnce(_ section: Section) -> Bool {
        section.steps.count == 1 && section.steps[0].title.trimmingSpaces == section.title.trimmingSpaces
    }

    /// A nurse's text as paragraphs: blank lines separate them, line breaks inside
    /// one become spaces. Each is text, escaped by the template.
    static func paragraphs(_ text: String) -> [TemplateValue] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .split(whereSeparator: { String($0).trimmingSpaces.isEmpty })
            .map { .text($0.map { String($0).trimmingSpaces }.joined(separator: " ")) }
    }

    private func comments(_ comments: [Manifest.PageComment]) -> TemplateValue {
        .list(comments.map { comment in
            .object([
                // A title the nurse wrote is hers (Swedish); the default is in the patient's language.
                "title": .text(comment.title ?? language.string("print_comment", default: "Kommentar från din kontaktsjuksköterska")),
                "title_lang": comment.title != nil && !language.isNational ? .text(config.language) : .null,
                "paragraphs": .list(Self.paragraphs(comment.text)),
            ])
        })
    }

    /// A region's texts shown with a step, marked with the region's name (Swedish).
    private func supplements(_ supplements: StepSupplements?, _ which: KeyPath<StepSupplements, [Supplement]>,
                             links: PrintLinkTargets) -> TemplateValue {
        guard let supplements else { return .list([]) }
        return .list(supplements[keyPath: which].map { supplement in
            .object([
                "region": .text(supplements.regionName),
                "title": supplement.title.map(TemplateValue.text) ?? .null,
                "body": .html(body(supplement.body, headingBase: 5, links: links,
                                   inSwedish: !language.isNational)),
            ])
        })
    }

    /// An intro in the patient's language, or the Swedish one marked as Swedish.
    private func intro(_ swedish: MarkdownDocument?, _ translations: [String: Translation], headingBase: Int,
                       links: PrintLinkTargets) -> TemplateValue {
        if !language.isNational, let translation = translations[language.code] {
            return translation.body.map { .html(body($0, headingBase: headingBase, links: links)) } ?? .null
        }
        guard let swedish else { return .null }
        let html = body(swedish, headingBase: headingBase, links: links, inSwedish: !language.isNational)
        if language.isNational { return .html(html) }
        return .html(SafeHTML(trusted: "<div lang=\"\(config.language)\" dir=\"ltr\">\n" + html.rawValue + "</div>\n"))
    }

    /// A step body for paper: link addresses printed; links to steps and modules in
    /// this printout become in-document anchors with their page when known; links to
    /// ones not printed keep their text and say where to find them (`PrintReferences`).
    /// Images are embedded, so the printout stays one self-contained file.
    private func body(_ document: MarkdownDocument, headingBase: Int, links: PrintLinkTargets, inSwedish: Bool = false,
                      shared: RenderedBodies? = nil) -> SafeHTML {
        let diagnosisID = plan.diagnosis.id
        let configuration = BodyRenderer.configuration(
            headingBase: headingBase, printLinkAddresses: true,
            labels: inSwedish ? [:] : language.markdownLabels) { [images, file = document.sourcePath] destination, _ in
            if let image = ImageChecker.image(destination, from: file, in: images) { return image.dataURI ?? "" }
            guard case .page(let path, _) = links.resolver.resolve(destination, from: file) else { return nil }
            // Output paths are `<diagnosis>/<module>/<step>.html` or `<diagnosis>/<module>/index.html`.
            // Split as bytes (a `Character` split and count was half of this closure).
            let parts = path.pathParts()
            guard parts.count == 3, parts[0] == diagnosisID else { return "" }
            if parts[2] == "index.html" {
                let moduleID = String(parts[1])
                return links.printedModules.contains(moduleID) ? concatenated("#modul-", moduleID)
                    : concatenated(PrintReferences.leftOutPrefix, path)
            }
            let stepID = String(Substring(parts[2].utf8.dropLast(".html".utf8.count)))
            return links.visibleSteps.contains(stepID) ? concatenated("#steg-", stepID)
                : concatenated(PrintReferences.leftOutPrefix, path)
        }
        let html = shared?.html(document, configuration) ?? MarkdownHTMLRenderer(configuration: configuration).renderUTF8(document)
        let references = PrintReferences(pageNumbers: options.pageNumbers, baseURL: config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" },
                                         addresses: links.addresses)
        return SafeHTML(trustedUTF8: references.finish(utf8: html))
    }
}

/// Orders planning entries (dated ones by date, then free text in the written order)
/// and words them in Swedish.
public enum PlanningOrder {
    public static func sorted(_ entries: [Manifest.PlanningEntry]) -> [Manifest.PlanningEntry] {
        let indexed = entries.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            let ka = key(a.1.when), kb = key(b.1.when)
            if ka != kb { return ka < kb }
            return a.0 < b.0
        }.map(\.1)
    }

    /// Day number for sorting; a month sorts on its first day; free text last.
    private static func key(_ when: Manifest.When) -> Int {
        switch when {
        case .date(let date): return date.dayNumber
        case .month(let year, let month): return SimpleDate(year: year, month: month, day: 1)?.dayNumber ?? Int.max
        case .text: return Int.max
        }
    }

    public static func text(_ when: Manifest.When) -> String {
        switch when {
        case .date(let date): return date.swedishText
        case .month(let year, let month):
            return SimpleDate(year: year, month: month, day: 1).map { $0.swedishMonthText.capitalizedFirst } ?? ""
        case .text(let text): return text.capitalizedFirst
        }
    }

    /// The same in the printout's language (month names from its strings).
    public static func text(_ when: Manifest.When, language: PageLanguage) -> String {
        guard !language.isNational else { return text(when) }
        switch when {
        case .date(let date): return language.dateText(date)
        case .month(let year, let month):
            return "\(language.string("month_\(month)").capitalizedFirst) \(year)"
        case .text(let text): return text.capitalizedFirst
        }
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
