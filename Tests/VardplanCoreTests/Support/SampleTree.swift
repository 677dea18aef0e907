@testable import VardplanCore
import VardplanDiagnostics

/// A small, valid content tree written out in full, for tests to copy and break.
enum SampleTree {
    static let today = SimpleDate(year: 2026, month: 11, day: 23)!

    static let files: [String: String] = [
        "site.yaml": """
            title: Min vårdplan
            language: sv
            languages: [sv, en]
            base_url: https://example.org/mvp/

            """,
        "general/10-mina-rattigheter/_module.md": """
            ---
            title: Mina rättigheter som patient
            active: true
            ---

            """,
        "general/10-mina-rattigheter/01-lagar/_section.md": "---\ntitle: Lagar som skyddar dig\n---\n",
        "general/10-mina-rattigheter/01-lagar/01-patientlagen.md": """
            ---
            title: Patientlagen
            ---

            Patientlagen ger dig rätt till information.

            """,
        "diagnoses/brostcancer/_diagnosis.md": """
            ---
            title: Bröstcancer
            version: "2025.1"
            approved: 2025-03-01
            next_review: 2027-03-01
            publisher: Regionala cancercentrum i samverkan
            summary: Information till dig som utreds för bröstcancer.
            ---

            """,
        "diagnoses/brostcancer/04-utredning/_module.md": """
            ---
            title: Utredning
            active: true
            ---

            """,
        "diagnoses/brostcancer/04-utredning/01-rontgen/_section.md": "---\ntitle: Röntgen och bilddiagnostik\n---\n",
        "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.md": """
            ---
            title: Mammografi
            phases: [utredning]
            ---

            Mammografi är en röntgen av brösten. Läs också om [MR](steg:mr).

            """,
        "diagnoses/brostcancer/04-utredning/01-rontgen/02-mr.md": """
            ---
            title: Magnetkameraundersökning – MR
            visible: false
            ---

            Vid en MR tas bilder med ett starkt magnetfält.

            """,
    ]

    /// Runs the whole check on a tree and returns the printed diagnostics, one per line.
    static func check(_ files: [String: String], today: SimpleDate = today) -> [String] {
        let result = ContentPipeline.run(fileSystem: InMemoryFileSystem(files), displayRoot: "content", today: today)
        return DiagnosticFormatter.format(result.diagnostics).split(separator: "\n").map(String.init)
    }

    /// The sample tree with some files replaced (`nil` removes a file).
    static func with(_ changes: [String: String?]) -> [String: String] {
        var copy = files
        for (path, text) in changes { copy[path] = text }
        return copy
    }

    static func model(_ files: [String: String] = files) -> SiteModel? {
        ContentPipeline.run(fileSystem: InMemoryFileSystem(files), displayRoot: "content", today: today).model
    }
}
