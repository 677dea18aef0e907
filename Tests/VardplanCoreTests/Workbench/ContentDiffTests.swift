import Testing
@testable import VardplanCore

/// `vardplan diff`: two versions of a content tree, the yearly revision in small.
@Suite("Content diff")
struct ContentDiffTests {
    static let biopsy = "diagnoses/brostcancer/04-utredning/01-rontgen/03-biopsi.md"

    /// Last year's text: the sample tree with one more step.
    static let old = SampleTree.with([
        biopsy: "---\ntitle: Biopsi\n---\n\nEn biopsi är ett vävnadsprov.\n",
    ])

    /// This year's: a new version, a changed body, a step renamed with an alias (and
    /// now visible), a step added, one removed, titles changed at every level.
    static let new = SampleTree.with([
        biopsy: nil,
        "diagnoses/brostcancer/_diagnosis.md": SampleTree.files["diagnoses/brostcancer/_diagnosis.md"]!
            .replacingOccurrences(of: "\"2025.1\"", with: "\"2026.1\""),
        "diagnoses/brostcancer/04-utredning/_module.md": "---\ntitle: Utredning\nactive: false\n---\n",
        "diagnoses/brostcancer/04-utredning/01-rontgen/_section.md": "---\ntitle: Röntgen och andra bilder\n---\n",
        "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.md":
            "---\ntitle: Mammografi\nphases: [utredning]\n---\n\nMammografi är en röntgen av brösten. Den tar tio minuter. Läs också om [MR](steg:mr).\n",
        "diagnoses/brostcancer/04-utredning/01-rontgen/02-mr.md": nil,
        "diagnoses/brostcancer/04-utredning/01-rontgen/02-magnetkamera.md":
            "---\ntitle: Magnetkameraundersökning – MR\naliases: [mr]\n---\n\nVid en MR tas bilder med ett starkt magnetfält.\n",
        "diagnoses/brostcancer/04-utredning/01-rontgen/04-ultraljud.md": "---\ntitle: Ultraljud\n---\n\nUltraljud gör inte ont.\n",
        "general/10-mina-rattigheter/01-lagar/01-patientlagen.md": "---\ntitle: Patientlagen (2014:821)\n---\n\nPatientlagen ger dig rätt till information.\n",
    ])

    static func diff() throws -> ContentDiff {
        let before = try #require(SampleTree.model(old))
        let after = try #require(SampleTree.model(new))
        return ContentDiff(old: before, new: after)
    }

    @Test("both fixture versions check clean")
    func fixturesAreValid() {
        #expect(SampleTree.check(Self.old) == [])
        #expect(SampleTree.check(Self.new) == [])
    }

    @Test("the text lists each difference once, in reading order")
    func text() throws {
        #expect(ContentDiffFormatter.text(try Self.diff()) == """
            brostcancer (2025.1 → 2026.1)
              changed  module   utredning: active
              changed  section  utredning/rontgen: title
              changed  step     utredning/rontgen/mammografi: body
              renamed  step     utredning/rontgen/magnetkamera (was 'mr'): visible
              removed  step     utredning/rontgen/biopsi 'Biopsi'
              added    step     utredning/rontgen/ultraljud 'Ultraljud'
              changed  step     mina-rattigheter/lagar/patientlagen: title
            """)
    }

    @Test("JSON for tools, with the changes entry, matches its golden file")
    func json() throws {
        let json = ContentDiffFormatter.json(try Self.diff())
        Golden.check([OutputFile(path: "diff.json", text: json + "\n")], folder: "diff")
    }

    @Test("the changes entry lists steps whose text changed and steps removed")
    func changesEntry() throws {
        let diagnosis = try #require(try Self.diff().diagnoses.first)
        #expect(diagnosis.contentChange == ContentChange(version: "2026.1", changed: ["mammografi", "patientlagen"], removed: ["biopsi"]))
        #expect(ContentDiffFormatter.changesEntry(diagnosis.contentChange) == """
              - version: "2026.1"
                changed: [mammografi, patientlagen]
                removed: [biopsi]
            """)
    }

    @Test("the same tree twice has no entries; a diagnosis only in one version is added or removed")
    func sameAndMissing() throws {
        let model = try #require(SampleTree.model())
        let same = ContentDiff(old: model, new: model)
        #expect(same.diagnoses.map(\.entries.count) == [0])
        #expect(ContentDiffFormatter.text(same) == "brostcancer (2025.1 → 2025.1): no changes")
        var empty = model
        empty.diagnoses = []
        #expect(ContentDiffFormatter.text(ContentDiff(old: empty, new: model)) == "brostcancer (2025.1): added")
        #expect(ContentDiffFormatter.text(ContentDiff(old: model, new: empty)) == "brostcancer (2025.1): removed")
    }
}

/// Writing the `changes:` entry into `_diagnosis.md`.
@Suite("Changes entry writer")
struct ChangesEntryWriterTests {
    let change = ContentChange(version: "2026.1", changed: ["mammografi"], removed: ["biopsi"])

    @Test("without 'changes:' the list is added at the end of the front matter; the model reads it back")
    func addsList() throws {
        let original = SampleTree.files["diagnoses/brostcancer/_diagnosis.md"]!
        let written = try ChangesEntryWriter.insert(change, into: original)
        #expect(written.hasSuffix("""
            summary: Information till dig som utreds för bröstcancer.
            changes:
              - version: "2026.1"
                changed: [mammografi]
                removed: [biopsi]
            ---

            """))
        let model = try #require(SampleTree.model(SampleTree.with([
            "diagnoses/brostcancer/_diagnosis.md": written.replacingOccurrences(of: "\"2025.1\"", with: "\"2026.1\""),
            "diagnoses/brostcancer/04-utredning/01-rontgen/03-biopsi.md": nil,
        ])))
        #expect(model.diagnoses.first?.changes == [change])
    }

    @Test("an existing list gets the entry first, with its own indentation")
    func insertsFirst() throws {
        let text = "---\ntitle: X\nchanges:\n    - version: \"2025.1\"\n      changed: [a]\n      removed: []\n---\n"
        #expect(try ChangesEntryWriter.insert(change, into: text) == """
            ---
            title: X
            changes:
                - version: "2026.1"
                  changed: [mammografi]
                  removed: [biopsi]
                - version: "2025.1"
                  changed: [a]
                  removed: []
            ---

            """)
    }

    @Test("refusals", arguments: [
        ("no front matter\n", ChangesEntryWriter.Problem.noFrontMatter),
        ("---\nchanges:\n  - version: '2026.1'\n    changed: []\n---\n", .versionAlreadyListed("2026.1")),
        ("---\nchanges: [{version: \"2025.1\"}]\n---\n", .unusualChangesList),
    ])
    func refusals(text: String, problem: ChangesEntryWriter.Problem) {
        #expect(throws: problem) { try ChangesEntryWriter.insert(change, into: text) }
    }
}
