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

        public init(largePrint: Bool = false, printDate: SimpleDate, pageNumbers: PageNumbers? = nil, tailoring: Bool = false) {
            self.largePrint = largePrint
            self.printDate = printDate
            self.pageNumbers = pageNumbers
            self.tailoring = tailoring
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

    public init(plan: PatientPlan, config: SiteConfig, templates: TemplateLibrary, options: Options) {
        self.plan = plan
        self.config = config
        self.templates = templates
        self.options = options
    }

    /// Renders the printout, appending the templates' render-time errors (a partial
    /// that includes itself without end, an unknown partial) to `diagnostics`; a
    /// printout rendered with an error is incomplete and must not be written.
    public func render(diagnostics: inout Diagnostics) -> String {
        templates.render("print", context(), diagnostics: &diagnostics)
    }

    func context() -> TemplateValue {
        let manifest = plan.manifest
        let diagnosis = plan.diagnosis
        let resolver = LinkResolver(diagnosis: diagnosis)
        let modules = plan.patientModules
        let visibleStepIDs = Set(plan.visibleSteps.map(\.step.id))

        let toc: [TemplateValue] = modules.map { module in
            .object([
                "id": .text(module.module.id),
                "title": .text(module.module.title),
                "anchor": .text("rubrik-modul-" + module.module.id),
                "page": page("rubrik-modul-" + module.module.id),
                "sections": .list(module.visibleSections.map { section in
                    .object([
                        "id": .text(section.section.id),
                        "title": .text(section.section.title),
                        "anchor": .text("avsnitt-" + section.section.id),
                        "page": page("avsnitt-" + section.section.id),
                        "merged": .bool(Self.headingOnce(section.section)),
                        "steps": .list(section.visibleSteps.map { step in
                            .object(["id": .text(step.step.id), "title": .text(step.step.title),
                                     "anchor": .text("rubrik-steg-" + step.step.id),
                                     "page": page("rubrik-steg-" + step.step.id)])
                        }),
                    ])
                }),
            ])
        }

        let moduleValues: [TemplateValue] = modules.map { module in
            let isForm = module.module.kind == .form
            return .object([
                "id": .text(module.module.id),
                "title": .text(module.module.title),
                "is_form": .bool(isForm),
                "intro": module.module.intro.map { .html(body($0, headingBase: 2, resolver: resolver, visible: visibleStepIDs)) } ?? .null,
                "comments": comments(module.comments),
                "sections": .list(module.visibleSections.map { section in
                    let merged = Self.headingOnce(section.section)
                    return .object([
                        "id": .text(section.section.id),
                        "title": .text(section.section.title),
                        "merged": .bool(merged),
                        "steps": .list(section.visibleSteps.map { step in
                            .object([
                                "id": .text(step.step.id),
                                "title": .text(step.step.title),
                                "body": .html(body(step.step.body, headingBase: merged ? 3 : 4, resolver: resolver, visible: visibleStepIDs)),
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
            .object(["when": .text(PlanningOrder.text(entry.when)), "what": .text(entry.what)])
        }
        let welcome = Self.paragraphs(manifest.welcome ?? Self.defaultWelcome)

        return .object([
            "lang": .text(config.language),
            "site_title": .text(config.title),
            "large_print": .bool(options.largePrint),
            "page_numbers": .bool(options.pageNumbers != nil),
            "diagnosis": .object([
                "title": .text(diagnosis.title),
                "version": .text(diagnosis.version),
                "approved": .text(diagnosis.approved.swedishText),
                "publisher": .text(diagnosis.publisher),
            ]),
            "print_date": .text(options.printDate.swedishText),
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
            .split(whereSeparator: { $0.trimmingSpaces.isEmpty })
            .map { .text($0.map { $0.trimmingSpaces }.joined(separator: " ")) }
    }

    private func comments(_ comments: [Manifest.PageComment]) -> TemplateValue {
        .list(comments.map { comment in
            .object([
                "title": .text(comment.title ?? "Kommentar från din kontaktsjuksköterska"),
                "paragraphs": .list(Self.paragraphs(comment.text)),
            ])
        })
    }

    /// A step body for paper: link addresses printed; links to steps and modules in
    /// this printout become in-document anchors with their page when known; links to
    /// ones not printed keep their text and say where to find them (`PrintReferences`).
    private func body(_ document: MarkdownDocument, headingBase: Int, resolver: LinkResolver, visible: Set<String>) -> SafeHTML {
        let printedModules = Set(plan.patientModules.map(\.module.id))
        let diagnosisID = plan.diagnosis.id
        let html = BodyRenderer.render(document, headingBase: headingBase, printLinkAddresses: true) { destination, location in
            guard case .page(let path, _) = resolver.resolve(destination, from: location.path) else { return nil }
            // Output paths are `<diagnosis>/<module>/<step>.html` or `<diagnosis>/<module>/index.html`.
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 3, parts[0] == diagnosisID else { return "" }
            if parts[2] == "index.html" {
                return printedModules.contains(parts[1]) ? "#modul-" + parts[1] : PrintReferences.leftOutPrefix + path
            }
            let stepID = String(parts[2].dropLast(".html".count))
            return visible.contains(stepID) ? "#steg-" + stepID : PrintReferences.leftOutPrefix + path
        }
        var addresses: [String: String]?
        if options.tailoring {
            var all: [String: String] = [:]
            for module in plan.diagnosis.modules {
                all["modul-" + module.id] = SitePaths.module(diagnosisID, module.id)
                for step in module.steps { all["steg-" + step.id] = SitePaths.step(diagnosisID, module.id, step.id) }
            }
            addresses = all
        }
        let references = PrintReferences(pageNumbers: options.pageNumbers, baseURL: config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" },
                                         addresses: addresses)
        return SafeHTML(trusted: references.finish(html.rawValue))
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
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
