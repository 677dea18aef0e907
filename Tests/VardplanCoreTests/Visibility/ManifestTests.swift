import Testing
@testable import VardplanCore

/// Reads a manifest written in the test and resolves it against the fixture site.
private func resolve(_ text: String, path: String = "plan.yaml", today: SimpleDate = Fixtures.today)
    -> (plan: PatientPlan?, lines: [String]) {
    var diagnostics = Diagnostics()
    let file = SourceFile(path: path, text: text)
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
            "plan.yaml:1:12: error: there is no diagnosis 'testcancr'; did you mean 'testcancer'?",
        ])
    }

    @Test("unknown module and step ids suggest the nearest ones")
    func unknownIDs() {
        #expect(resolve("diagnosis: testcancer\nmodules:\n  behandlng: aktuell\nshow: [cytostatica]\n").lines == [
            "plan.yaml:3:3: error: there is no module 'behandlng' in 'testcancer'; did you mean 'behandling'?",
            "plan.yaml:4:8: error: there is no step 'cytostatica' in 'testcancer'; did you mean 'cytostatika'?",
        ])
    }

    @Test("an unknown status names the three that exist")
    func unknownStatus() {
        #expect(resolve("diagnosis: testcancer\nmodules:\n  behandling: aktiv\n").lines == [
            "plan.yaml:3:15: error: unknown status 'aktiv' for module 'behandling'; write aktuell, kommande or avklarad",
        ])
    }

    @Test("a date that does not exist, and a bad month")
    func badDates() {
        #expect(resolve("diagnosis: testcancer\nstart_date: 2026-02-30\nplanning:\n  - month: 2026-13\n    what: Besök\n").lines == [
            "plan.yaml:2:13: error: '2026-02-30' is not a date that exists; check the month and the day",
            "plan.yaml:4:12: error: 'month' must be written YYYY-MM with a month 01–12, found '2026-13'",
        ])
    }

    @Test("a plan older than 730 days must be ended and purged")
    func planTooOld() {
        #expect(resolve("diagnosis: testcancer\nstart_date: 2024-11-22\n").lines == [
            "plan.yaml:2:13: error: the plan started 2024-11-22, 731 days ago; a plan must be ended and purged within 730 days, so end this one and start a new plan with the patient",
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
            "plan.yaml:2:1: error: unknown key 'contact'; did you mean 'contacts'?",
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
            "plan.yaml:2:18: warning: the manifest was made against version 2025.1, the content is 2025.2; since then changed: cytostatika; removed: gammal-undersokning. Review those steps with the patient and set 'content_version: \"2025.2\"'",
        ])
    }

    @Test("JSON manifests are read too, with positions")
    func json() {
        #expect(resolve("{\n  \"diagnosis\": \"testcancer\",\n  \"show\": [\"nope\"]\n}\n", path: "plan.json").lines == [
            "plan.json:3:12: error: there is no step 'nope' in 'testcancer'",
        ])
    }
}

@Suite("Personal identity numbers")
struct PersonalNumberDetectorTests {
    @Test("numbers with a valid date and check digit are found", arguments: [
        "19121212-1212", "121212-1212", "1212121212", "191212121212", "tel 811218-9876 ok", "121272-1219",
    ])
    func found(text: String) {
        #expect(PersonalNumberDetector.firstMatch(in: text) != nil)
    }

    @Test("phone numbers, dates and wrong check digits are not", arguments: [
        "031-123 45 67", "2026-04-01", "121212-1213", "Operation i början av april", "123456", "991332-1234",
    ])
    func notFound(text: String) {
        #expect(PersonalNumberDetector.firstMatch(in: text) == nil)
    }
}
