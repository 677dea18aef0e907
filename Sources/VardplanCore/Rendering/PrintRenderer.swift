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

        public init(largePrint: Bool = false, printDate: SimpleDate) {
            self.largePrint = largePrint
            self.printDate = printDate
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
                "title": .text(module.module.title),
                "anchor": .text("modul-" + module.module.id),
                "sections": .list(module.visibleSections.map { section in
                    .object([
                        "title": .text(section.section.title),
                        "steps": .list(section.visibleSteps.map { step in
                            .object(["title": .text(step.step.title), "anchor": .text("steg-" + step.step.id)])
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
                    .object([
                        "id": .text(section.section.id),
                        "title": .text(section.section.title),
                        "steps": .list(section.visibleSteps.map { step in
                            .object([
                                "id": .text(step.step.id),
                                "title": .text(step.step.title),
                                "body": .html(body(step.step.body, headingBase: 4, resolver: resolver, visible: visibleStepIDs)),
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
    /// this printout become in-document anchors; links to ones not printed lose their
    /// link and keep their text.
    private func body(_ document: MarkdownDocument, headingBase: Int, resolver: LinkResolver, visible: Set<String>) -> SafeHTML {
        let printedModules = Set(plan.patientModules.map(\.module.id))
        let diagnosisID = plan.diagnosis.id
        return BodyRenderer.render(document, headingBase: headingBase, printLinkAddresses: true) { destination, location in
            guard case .page(let path, _) = resolver.resolve(destination, from: location.path) else { return nil }
            // Output paths are `<diagnosis>/<module>/<step>.html` or `<diagnosis>/<module>/index.html`.
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 3, parts[0] == diagnosisID else { return "" }
            if parts[2] == "index.html" {
                return printedModules.contains(parts[1]) ? "#modul-" + parts[1] : ""
            }
            let stepID = String(parts[2].dropLast(".html".count))
            return visible.contains(stepID) ? "#steg-" + stepID : ""
        }
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
