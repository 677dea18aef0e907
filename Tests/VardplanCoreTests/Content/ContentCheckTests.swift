import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// One test per check that `vardplan check` makes, each with the exact printed lines.
@Suite("vardplan check")
struct ContentCheckTests {
    let step = "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.md"
    let diagnosis = "diagnoses/brostcancer/_diagnosis.md"

    @Test("the sample tree has no problems")
    func sampleIsClean() {
        #expect(SampleTree.check(SampleTree.files) == [])
    }

    @Test("a missing required key is reported at the top of the file")
    func missingRequiredKey() {
        let tree = SampleTree.with([step: "---\nphases: [utredning]\n---\n\nText.\n"])
        #expect(SampleTree.check(tree) == [
            "content/\(step):1:1: error: missing required key 'title'; add a line 'title: Magnetkameraundersökning – MR' to the front matter",
        ])
    }

    @Test("a value of the wrong type names the key and the value")
    func wrongType() {
        let tree = SampleTree.with([step: "---\ntitle: Mammografi\nvisible: yes\n---\n\nText.\n"])
        #expect(SampleTree.check(tree) == [
            "content/\(step):3:10: error: 'visible' must be true or false, found 'yes'",
        ])
    }

    @Test("an unknown key suggests the nearest known one")
    func unknownKey() {
        let tree = SampleTree.with([step: "---\ntitle: Mammografi\nvisibel: true\n---\n\nText.\n"])
        #expect(SampleTree.check(tree) == [
            "content/\(step):3:1: error: unknown key 'visibel'; did you mean 'visible'?",
        ])
    }

    @Test("columns count characters: å, ä and ö are one column each")
    func columnsCountCharacters() {
        let tree = SampleTree.with([step: "---\ntitle: Mammografi\nphases: [åäö, utredning]\n---\n\nText.\n"])
        #expect(SampleTree.check(tree) == [
            "content/\(step):3:10: error: unknown care phase 'åäö'; 'phases' in site.yaml lists utredning, diagnos, behandling, uppfoljning, rehabilitering, palliativ",
        ])
        let after = SampleTree.with([step: "---\ntitle: Mammografi åäö\nvisibel: true\n---\n\nText.\n"])
        #expect(SampleTree.check(after).first?.hasPrefix("content/\(step):3:1:") == true)
    }

    @Test("a duplicate step id points at the first use")
    func duplicateStepID() {
        let tree = SampleTree.with([
            "diagnoses/brostcancer/04-utredning/01-rontgen/03-mammografi.md": "---\ntitle: Igen\n---\n\nText.\n",
        ])
        #expect(SampleTree.check(tree) == [
            "content/diagnoses/brostcancer/04-utredning/01-rontgen/03-mammografi.md:1:1: error: duplicate step id 'mammografi'; step ids must be unique within the diagnosis 'brostcancer' (its general modules included)",
            "content/\(step):1:1: note: 'mammografi' is first used here",
        ])
    }

    @Test("a step id may not repeat one of a general module")
    func duplicateWithGeneralModule() {
        let tree = SampleTree.with([
            "diagnoses/brostcancer/04-utredning/01-rontgen/03-patientlagen.md": "---\ntitle: Lag\n---\n\nText.\n",
        ])
        let lines = SampleTree.check(tree)
        #expect(lines.count == 2)
        #expect(lines.first?.contains("duplicate step id 'patientlagen'") == true)
    }

    @Test("a folder without its metadata file is an error naming the file to create")
    func folderWithoutMetadata() {
        let tree = SampleTree.with(["diagnoses/brostcancer/04-utredning/01-rontgen/_section.md": nil])
        #expect(SampleTree.check(tree) == [
            "content/diagnoses/brostcancer/04-utredning/01-rontgen/_section.md:1:1: error: the section folder '01-rontgen' has no '_section.md'; create it with at least a 'title'",
        ])
    }

    @Test("an empty step body is an error where the body starts")
    func emptyStepBody() {
        let tree = SampleTree.with([step: "---\ntitle: Mammografi\n---\n\n  \n"])
        #expect(SampleTree.check(tree) == [
            "content/\(step):4:1: error: the step 'mammografi' has no text; write the patient text below the front matter",
        ])
    }

    @Test("a date that does not exist is an error at the value")
    func impossibleDate() {
        let text = SampleTree.files[diagnosis]!.replacingOccurrences(of: "2025-03-01", with: "2025-02-30")
        #expect(SampleTree.check(SampleTree.with([diagnosis: text])) == [
            "content/\(diagnosis):4:11: error: '2025-02-30' is not a date that exists; check the month and the day",
        ])
    }

    @Test("a review date in the past is a warning, not an error")
    func reviewDatePassed() {
        let lines = SampleTree.check(SampleTree.files, today: SimpleDate(year: 2027, month: 3, day: 2)!)
        #expect(lines == [
            "content/\(diagnosis):5:14: warning: the review date 2027-03-01 has passed (today is 2027-03-02); review the text and set a new 'next_review'",
        ])
    }

    @Test("an empty section and an empty module are errors")
    func emptySectionAndModule() {
        let tree = SampleTree.with([
            "diagnoses/brostcancer/05-tom/_module.md": "---\ntitle: Tom modul\n---\n",
            "diagnoses/brostcancer/04-utredning/02-tomt/_section.md": "---\ntitle: Tomt avsnitt\n---\n",
        ])
        #expect(SampleTree.check(tree) == [
            "content/diagnoses/brostcancer/04-utredning/02-tomt/_section.md:1:1: error: the section 'tomt' has no steps, so the patient would see an empty heading; add a step file ('01-namn.md') to it",
            "content/diagnoses/brostcancer/05-tom/_module.md:1:1: error: the module 'tom' has no sections, so the patient would see an empty heading; add a section folder with a '_section.md' and a step",
        ])
    }

    @Test("invalid UTF-8 is reported at the first bad byte")
    func invalidUTF8() {
        var files = SampleTree.files.mapValues { Array($0.utf8) }
        files[step] = Array("---\ntitle: Mamm".utf8) + [0xE5] + Array("ografi\n---\n\nText.\n".utf8)
        let result = ContentPipeline.run(fileSystem: InMemoryFileSystem(files: files), displayRoot: "content",
                                         today: SampleTree.today)
        #expect(DiagnosticFormatter.format(result.diagnostics)
            == "content/\(step):2:12: error: file is not valid UTF-8 (byte 0xE5); save it as UTF-8")
    }

    @Test("binary garbage and a 5 MB file give one diagnostic each, never a crash")
    func binaryAndHugeFiles() {
        var generator = SystemRandomNumberGenerator()
        var files = SampleTree.files.mapValues { Array($0.utf8) }
        files[step] = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        files["diagnoses/brostcancer/04-utredning/01-rontgen/02-mr.md"] =
            Array("---\ntitle: Stor\n---\n\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 5_000_000)
        let result = ContentPipeline.run(fileSystem: InMemoryFileSystem(files: files), displayRoot: "content",
                                         today: SampleTree.today)
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.count == 2)
        #expect(errors.contains { $0.message.contains("larger than the 1 MB") })
        #expect(errors.contains { $0.message.contains("NUL byte") || $0.message.contains("not valid UTF-8") })
    }

    @Test("malformed front matter is reported by the YAML parser with its position")
    func malformedFrontMatter() {
        let tree = SampleTree.with([step: "---\ntitle: \"Mammografi\n---\n\nText.\n"])
        let lines = SampleTree.check(tree)
        #expect(lines.first?.hasPrefix("content/\(step):2:8: error:") == true, "\(lines)")
    }

    @Test("front matter that is never closed is an error at the opening fence")
    func unclosedFrontMatter() {
        let tree = SampleTree.with([step: "---\ntitle: Mammografi\n\nText.\n"])
        let lines = SampleTree.check(tree)
        #expect(lines.first?.hasPrefix("content/\(step):1:1: error:") == true, "\(lines)")
    }

    @Test("every problem of a run is reported at once, sorted by file and position")
    func everyProblemAtOnce() {
        let tree = SampleTree.with([
            step: "---\ntitel: Mammografi\nvisible: nej\n---\n\nText.\n",
            "diagnoses/brostcancer/04-utredning/01-rontgen/02-mr.md": "---\ntitle: MR\norder: först\n---\n",
        ])
        #expect(SampleTree.check(tree) == [
            "content/\(step):1:1: error: missing required key 'title'; add a line 'title: Magnetkameraundersökning – MR' to the front matter",
            "content/\(step):2:1: error: unknown key 'titel'; did you mean 'title'?",
            "content/\(step):3:10: error: 'visible' must be true or false, found 'nej'",
            "content/diagnoses/brostcancer/04-utredning/01-rontgen/02-mr.md:3:8: error: 'order' must be a whole number, found 'först'",
            "content/diagnoses/brostcancer/04-utredning/01-rontgen/02-mr.md:5:1: error: the step 'mr' has no text; write the patient text below the front matter",
        ])
    }
}
