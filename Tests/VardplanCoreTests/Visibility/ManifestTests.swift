import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// Lines a YAML manifest in a test needs but does not test: the required start date and
/// a contact (without one, `print` warns). Added at the end, so positions stay as written.
private func completed(_ text: String) -> String {
    guard !text.hasPrefix("{") else { return text }
    var text = text
    if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
    if !text.contains("start_date") { text += "start_date: 2026-09-01\n" }
    if !text.contains("contacts") { text += "contacts:\n  - name: Anna Lind\n    role: Kontaktsjuksköterska\n" }
    return text
}

/// Reads a manifest written in the test (completed with `completed(_:)` unless `asWritten`)
/// and resolves it against the fixture site.
private func resolve(_ text: String, path: String = "plan.yaml", today: SimpleDate = Fixtures.today, asWritten: Bool = false)
    -> (plan: PatientPlan?, lines: [String]) {
    var diagnostics = Diagnostics()
    let file = SourceFile(path: path, text: asWritten ? text : completed(text))
    let model = Fixtures.siteModel().model!
    var plan: PatientPlan?
    if let manifest = ManifestReader.read(file, diagnostics: &diagnostics) {
        plan = PlanResolver(model: model, today: today).resolve(manifest, diagnostics: &diagnostics)
    }
    let lines = DiagnosticFormatter.format(diagnostics).split(separator: "\n").map(String.init)
    return (diagnostics.hasErrors ? nil : plan, lines)
}

@Suite("Manifests: the staff tool's merge rules")
struct PlanMergeTests {
    @Test("defaults: modules active at start are current, steps visible by default are shown")
    func defaults() throws {
        let plan = try #require(resolve("diagnosis: testcancer\n").plan)
        #expect(plan.patientModules.map(\.module.id) == ["vad-ar-viktigt-for-mig", "utredning", "mina-rattigheter"])
        #expect(plan.visibleSteps.map(\.step.id) == ["vad-ar-viktigt", "datortomografi", "patientlagen"])
        let utredning = try #require(plan.modules.first { $0.module.id == "utredning" })
        #expect((utredning.visibleCount, utredning.stepCount) == (1, 2))
    }

    @Test("statuses and show/hide lists override the defaults")
    func overrides() throws {
        let plan = try #require(resolve("""
            diagnosis: testcancer
            modules:
              utredning: avklarad
              behandling: aktuell
            show: [magnetkamera, ny-medicinsk-bedomning]
            hide: [patientlagen]
            """).plan)
        #expect(plan.patientModules.map(\.module.id) == ["vad-ar-viktigt-for-mig", "behandling", "mina-rattigheter"])
        #expect(plan.visibleSteps.map(\.step.id) == ["vad-ar-viktigt", "cytostatika", "ny-medicinsk-bedomning"])
    }

    @Test("a section whose steps are all hidden disappears, and a module with nothing visible too")
    func emptySectionsAndModulesDisappear() throws {
        let plan = try #require(resolve("""
            diagnosis: testcancer
            hide: [datortomografi, patientlagen]
            """).plan)
        #expect(plan.patientModules.map(\.module.id) == ["vad-ar-viktigt-for-mig"])
        let rights = try #require(plan.modules.first { $0.module.id == "mina-rattigheter" })
        #expect(rights.visibleSections.isEmpty)
        #expect((rights.visibleCount, rights.stepCount) == (0, 2))
    }
}

@Suite("Manifests: every bad input has a message at its position")
struct ManifestErrorTests {
    @Test("an unknown diagnosis suggests the nearest one")
    func unknownDiagnosis() {
        #expect(resolve("diagnosis: testcancr\n").lines == [
            "plan.yaml:1:12: error: there is no diagnosis with this id; did you mean 'testcancer'?",
        ])
    }

    @Test("unknown module and step ids suggest the nearest ones")
    func unknownIDs() {
        #expect(resolve("diagnosis: testcancer\nmodules:\n  behandlng: aktuell\nshow: [cytostatica]\n").lines == [
            "plan.yaml:3:3: error: there is no module with this id in 'testcancer'; did you mean 'behandling'?",
            "plan.yaml:4:8: error: there is no step with this id in 'testcancer'; did you mean 'cytostatika'?",
        ])
    }

    @Test("an unknown status names the three that exist")
    func unknownStatus() {
        #expect(resolve("diagnosis: testcancer\nmodules:\n  behandling: aktiv\n").lines == [
            "plan.yaml:3:15: error: unknown module status; write aktuell, kommande or avklarad",
        ])
    }

    @Test("a date that does not exist, and a bad month")
    func badDates() {
        #expect(resolve("diagnosis: testcancer\nstart_date: 2026-02-30\nplanning:\n  - month: 2026-13\n    what: Besök\n").lines == [
            "plan.yaml:2:13: error: the 'start_date' is not a date that exists; check the month and the day",
            "plan.yaml:4:12: error: 'month' must be written YYYY-MM with a month 01–12, such as 2027-02",
        ])
    }

    @Test("a plan older than 730 days must be ended and purged")
    func planTooOld() {
        #expect(resolve("diagnosis: testcancer\nstart_date: 2024-11-22\n").lines == [
            "plan.yaml:2:13: error: the plan started 731 days ago; a plan must be ended and purged within 730 days, so end this one and start a new plan with the patient",
        ])
        #expect(resolve("diagnosis: testcancer\nstart_date: 2024-11-23\n").lines == [])
    }

    @Test("text that looks like a personal identity number is refused, wherever it is")
    func personalNumber() {
        #expect(resolve("diagnosis: testcancer\nwhat_matters: Mitt nummer är 19121212-1212\n").lines == [
            "plan.yaml:2:15: error: this looks like a personal identity number; a manifest must not hold one (the printout has a blank line for the name): remove it",
        ])
        #expect(resolve("diagnosis: testcancer\ncontacts:\n  - name: Ann\n    role: Kurator\n    note: 121212-1212\n").lines.count == 1)
    }

    @Test("an unknown key suggests the nearest one")
    func unknownKey() {
        #expect(resolve("diagnosis: testcancer\ncontact: []\n").lines == [
            "plan.yaml:2:1: error: unknown key in the manifest; did you mean 'contacts'?",
        ])
    }

    @Test("a step both shown and hidden")
    func shownAndHidden() {
        #expect(resolve("diagnosis: testcancer\nshow: [magnetkamera]\nhide: [magnetkamera]\n").lines == [
            "plan.yaml:3:8: error: the step 'magnetkamera' is both in 'show' and in 'hide'; keep it in one of them",
            "plan.yaml:2:8: note: 'magnetkamera' is shown here",
        ])
    }

    @Test("a manifest made against an older version warns with the steps changed since")
    func olderVersion() {
        #expect(resolve("diagnosis: testcancer\ncontent_version: \"2025.1\"\n").lines == [
            "plan.yaml:2:18: warning: the manifest was made against an older version, the content is 2025.2; since then changed: cytostatika; removed: gammal-undersokning. Review those steps with the patient and set 'content_version: \"2025.2\"'",
        ])
    }

    @Test("JSON manifests are read too, with positions")
    func json() {
        #expect(resolve("{\n  \"diagnosis\": \"testcancer\",\n  \"show\": [\"nope\"],\n  \"start_date\": \"2026-09-01\",\n  \"contacts\": [{\"name\": \"Anna Lind\", \"role\": \"Kontaktsjuksköterska\"}]\n}\n", path: "plan.json").lines == [
            "plan.json:3:12: error: there is no step with this id in 'testcancer'",
        ])
    }
}

@Suite("Manifests: start_date is required, and traps are made loud")
struct ManifestRuleTests {
    @Test("a manifest without start_date is refused at its top, saying what to add")
    func startDateRequired() {
        #expect(resolve("diagnosis: testcancer\ncontacts:\n  - name: A\n    role: B\n", asWritten: true).lines == [
            "plan.yaml:1:1: error: missing required key 'start_date'; add a line 'start_date: YYYY-MM-DD' to the manifest, the day the plan was started (a plan must be ended within 730 days of it)",
        ])
    }

    @Test("a step in 'show' whose module is not current warns at the entry")
    func shownInModuleNotCurrent() {
        #expect(resolve("diagnosis: testcancer\nmodules:\n  behandling: kommande\nshow: [cytostatika]\n").lines == [
            "plan.yaml:4:8: warning: the step 'cytostatika' is in 'show', but its module 'behandling' is kommande, so it is not printed; set 'behandling: aktuell' under 'modules' to print it, or remove it from 'show'",
        ])
    }

    @Test("a plan with no contact warns at the manifest's top")
    func noContact() {
        #expect(resolve("diagnosis: testcancer\nstart_date: 2026-09-01\n", asWritten: true).lines == [
            "plan.yaml:1:1: warning: the plan has no contact; add one under 'contacts' (name, role and phone of the contact nurse) so the patient knows whom to call",
        ])
    }

    @Test("planning dates and months already past warn at the date; today and this month do not")
    func pastPlanning() {
        #expect(resolve("""
            diagnosis: testcancer
            planning:
              - date: 2026-11-22
                what: Igår
              - date: 2026-11-23
                what: Idag
              - month: 2026-10
                what: Förra månaden
              - month: 2026-11
                what: Den här månaden
              - when: i våras
                what: Fritext
            """).lines == [
            "plan.yaml:3:11: warning: this planning date is already past (today is 2026-11-23); update the planning or remove the entry",
            "plan.yaml:7:12: warning: this planning month is already past (today is 2026-11-23); update the planning or remove the entry",
        ])
    }
}

@Suite("Personal identity numbers")
struct PersonalNumberDetectorTests {
    @Test("numbers with a valid date and check digit are found", arguments: [
        "19121212-1212", "121212-1212", "1212121212", "191212121212", "tel 811218-9876 ok", "121272-1219",
        // split over lines, spaced, other dashes
        "121212-\n1212", "121212\n-1212", "121212 \n 1212", "121212 1212", "19121212 - 1212",
        "121212\u{2013}1212", "121212\u{2014}1212", "121212\u{2010}1212", "121212\u{2011}1212", "121212\u{2212}1212",
        "121212+1212", "20000229-1235", "000229-1235",
    ])
    func found(text: String) {
        #expect(PersonalNumberDetector.containsMatch(in: text))
    }

    @Test("phone numbers, dates and wrong check digits are not", arguments: [
        "031-123 45 67", "2026-04-01", "121212-1213", "Operation i början av april", "123456", "991332-1234",
        // dates that do not exist; two separators; a century that is not 18, 19 or 20
        "190231-1230", "19000229-1235", "121212--1212", "21121212-1212", "1212121-1212",
    ])
    func notFound(text: String) {
        #expect(!PersonalNumberDetector.containsMatch(in: text))
    }

    @Test("in a phone field the separated forms and 12-digit runs count, a bare 10-digit run does not")
    func phoneField() {
        for text in ["19121212-1212", "121212-1212", "121212\u{2013}1212", "191212121212", "121212\n1212"] {
            #expect(PersonalNumberDetector.containsMatch(in: text, field: .phone), "\(text)")
        }
        // 0701234569 passes the date and Luhn checks, but is an ordinary mobile number.
        for text in ["0701234569", "031-342 10 00", "+46 70 123 45 67"] {
            #expect(!PersonalNumberDetector.containsMatch(in: text, field: .phone), "\(text)")
            _ = text
        }
        #expect(PersonalNumberDetector.containsMatch(in: "0701234569"))
    }

    @Test("a manifest with a personal identity number in the phone field, split over lines or with an en dash is refused")
    func manifestForms() {
        let refused = "this looks like a personal identity number"
        #expect(resolve("diagnosis: testcancer\ncontacts:\n  - name: A\n    role: B\n    phone: 19121212-1212\n").lines.first { $0.contains(refused) }
                == "plan.yaml:5:12: error: this looks like a personal identity number; a manifest must not hold one (the printout has a blank line for the name): remove it")
        #expect(resolve("diagnosis: testcancer\nwhat_matters: |\n  Mitt nummer 121212-\n  1212\n").lines.contains { $0.contains(refused) })
        #expect(resolve("diagnosis: testcancer\nwhat_matters: Mitt nummer 121212\n  -1212\n").lines.contains { $0.contains(refused) })
        #expect(resolve("diagnosis: testcancer\nwelcome: \"121212\u{2013}1212\"\n").lines.contains { $0.contains(refused) })
        #expect(resolve("diagnosis: testcancer\ncontacts:\n  - name: A\n    role: B\n    phone: \"0701234569\"\n").lines.isEmpty)
    }
}
