import VardplanDiagnostics
import VardplanHTML
import VardplanTemplates

/// Renders the nurse's page for one diagnosis (`<diagnosis>/utskrift.html`): the
/// controls to tailor a plan, and the diagnosis's whole printout rendered once by
/// `PrintRenderer` and `print.mustache` — every module, section and step, as a plan
/// where everything is shown. The page's script only shows, hides and fills in.
///
/// The page holds no patient data. Its Content-Security-Policy allows no network
/// request: only its own inline script and style, by their SHA-256 hash.
public struct NursePageRenderer: Sendable {
    /// The templates the page needs (besides `print`'s partials).
    public static let requiredTemplates = ["nurse", "partials/print-body", "partials/print-style",
                                           "partials/nurse-style", "partials/nurse-script"]

    /// Swedish names of the care phases the bundled `site.yaml` lists; others are shown
    /// as written, with a capital first letter.
    static let phaseNames = [
        "utredning": "Utredning", "diagnos": "Diagnos", "behandling": "Behandling",
        "uppfoljning": "Uppföljning", "rehabilitering": "Rehabilitering", "palliativ": "Palliativ vård",
    ]

    /// Swedish names of common language codes, for the language control.
    static let languageNames = [
        "sv": "svenska", "en": "engelska", "fi": "finska", "ar": "arabiska", "so": "somaliska",
        "fa": "persiska", "ti": "tigrinja", "pl": "polska", "bs": "bosniska", "tr": "turkiska",
    ]

    let diagnosis: Diagnosis
    let config: SiteConfig
    let templates: TemplateLibrary
    /// The templates' fixed words; the page's printout is in the national language.
    let strings: InterfaceStrings
    /// Printed step bodies kept between renders (the preview).
    let bodyCache: PrintBodyCache?
    /// The general modules' printed step bodies, shared by every diagnosis's page of one
    /// build (`SiteRenderer` sets them).
    var generalBodies: RenderedBodies?

    public init(diagnosis: Diagnosis, config: SiteConfig, templates: TemplateLibrary,
                strings: InterfaceStrings = InterfaceStrings(), bodyCache: PrintBodyCache? = nil) {
        self.diagnosis = diagnosis
        self.config = config
        self.templates = templates
        self.strings = strings
        self.bodyCache = bodyCache
    }

    /// The plan the page starts from: every module current and every step shown, so the
    /// printout in the page holds everything a plan can print.
    func everythingShown() -> PatientPlan {
        let manifest = Manifest(file: SourceFile(path: SitePaths.nursePage(diagnosis.id), bytes: []),
                                diagnosis: Located(diagnosis.id, at: diagnosis.location))
        let modules = diagnosis.modules.map { module in
            PatientPlan.PlanModule(
                module: module, status: .aktuell,
                sections: module.sections.map { section in
                    PatientPlan.PlanSection(section: section, steps: section.steps.map {
                        PatientPlan.PlanStep(step: $0, isVisible: true, comments: [])
                    })
                },
                comments: [])
        }
        return PatientPlan(diagnosis: diagnosis, manifest: manifest, modules: modules)
    }

    /// The page's context: the printout's fields (with `tailoring` set, so the template
    /// adds the empty places the script fills in) and the controls' fields.
    func context(staffHref: String) -> TemplateObject {
        // The print date is the browser's: the script puts it in (the page is the same every day).
        var options = PrintRenderer.Options(largePrint: false, printDate: diagnosis.approved, tailoring: true,
                                            bodyCache: bodyCache)
        options.generalBodies = generalBodies
        let printout = PrintRenderer(plan: everythingShown(), config: config, templates: templates, options: options,
                                     language: PageLanguage(code: config.language, config: config, strings: strings)).context()
        guard case .object(var fields) = printout else { return [:] }
        fields["tailoring"] = .bool(true)
        fields["has_contacts"] = .bool(true)
        fields["has_planning"] = .bool(true)
        fields["has_what_matters"] = .bool(true)
        fields["staff_href"] = .text(staffHref)
        fields["diagnosis_id"] = .text(diagnosis.id)
        fields["content_version"] = .text(diagnosis.version)
        fields["max_plan_age"] = .int(PlanResolver.maximumPlanAge)
        fields["languages"] = .list(config.languages.map { code in
            .object(["code": .text(code), "name": .text(Self.languageNames[code].map { "\($0) (\(code))" } ?? code)])
        })
        fields["phases"] = .list(config.phases.map { phase in
            .object(["id": .text(phase), "title": .text(Self.phaseNames[phase] ?? phase.capitalizedFirst)])
        })
        fields["tool_modules"] = StepTreeFields.modules(of: diagnosis, module: { module in
            [
                "aliases": .text(module.aliases.joined(separator: " ")),
                "default_status": .text(module.activeAtStart ? ModuleStatus.aktuell.rawValue : ModuleStatus.kommande.rawValue),
                "active": .bool(module.activeAtStart),
            ]
        }, step: { _, step in
            [
                "aliases": .text(step.aliases.joined(separator: " ")),
                "phases": .text(step.phases.joined(separator: " ")),
            ]
        })
        let steps = diagnosis.steps
        fields["visible_count"] = .int(steps.count { $0.visibleByDefault })
        fields["step_count"] = .int(steps.count)
        return fields
    }

    /// The page as UTF-8 bytes, rendered straight into them: the nurse's page is a
    /// diagnosis's largest (≈ 3 MB at 100 diagnoses), which a `String` made into a file's
    /// bytes held twice. Problems in the templates go to `diagnostics`, found variables
    /// to `usage`.
    public func renderBytes(diagnostics: inout Diagnostics, usage: inout TemplateUsage) -> [UInt8] {
        let path = SitePaths.nursePage(diagnosis.id)
        var fields = context(staffHref: SitePaths.relative(from: path, to: SitePaths.staffOverview(diagnosis.id)))
        let shared = TemplateValue.object(fields)
        var style = ""
        templates.render("partials/print-style", shared, into: &style, diagnostics: &diagnostics, usage: &usage)
        style += "\n"
        templates.render("partials/nurse-style", shared, into: &style, diagnostics: &diagnostics, usage: &usage)
        var script = ""
        templates.render("partials/nurse-script", shared, into: &script, diagnostics: &diagnostics, usage: &usage)
        fields["style"] = .html(SafeHTML(trusted: style))
        fields["script"] = .html(SafeHTML(trusted: script))
        fields["content_security_policy"] = .text(Self.contentSecurityPolicy(script: script, style: style))
        var page: [UInt8] = []
        page.reserveCapacity(script.utf8.count + style.utf8.count + (1 << 16))
        templates.render("nurse", .object(fields), into: &page, diagnostics: &diagnostics, usage: &usage)
        return page
    }

    /// No network request of any kind: nothing but the page's own script and style.
    static func contentSecurityPolicy(script: String, style: String) -> String {
        "default-src 'none'; script-src \(SHA256.cspSource(for: script)); style-src \(SHA256.cspSource(for: style)); "
            + "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
            + "frame-src 'none'; worker-src 'none'; manifest-src 'none'; form-action 'none'; base-uri 'none'"
    }
}
