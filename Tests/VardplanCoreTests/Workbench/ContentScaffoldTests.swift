import Testing
@testable import VardplanCore

/// `vardplan new`: valid front matter and the next free order prefix.
@Suite("New content items")
struct ContentScaffoldTests {
    @Test("the next prefix follows the largest one, two digits wide", arguments: [
        ([String](), "01"),
        (["_section.md", "01-a.md", "02-b.md"], "03"),
        (["01-a.md", "07-b", ".hidden", "notes.txt"], "08"),
        (["09-a.md"], "10"),
        (["12-a.md", "3-b.md"], "13"),
    ])
    func nextPrefix(siblings: [String], prefix: String) {
        #expect(ContentScaffold.nextPrefix(siblings) == prefix)
    }

    @Test("a step is a file with its title quoted and a body to replace; it checks clean")
    func step() throws {
        let plan = try ContentScaffold.plan(kind: .step, name: "ultraljud", title: " Ultraljud \"UL\" ",
                                            siblings: ["_section.md", "01-mammografi.md", "02-mr.md"])
        #expect(plan == ContentScaffold.Plan(relativePath: "03-ultraljud.md", folder: nil,
                                             text: "---\ntitle: \"Ultraljud \\\"UL\\\"\"\n---\n\nSkriv stegets text här.\n"))
        let tree = SampleTree.with(["diagnoses/brostcancer/04-utredning/01-rontgen/" + plan.relativePath: plan.text])
        #expect(SampleTree.check(tree) == [])
        #expect(SampleTree.model(tree)?.diagnoses.first?.steps.first { $0.id == "ultraljud" }?.title == "Ultraljud \"UL\"")
    }

    @Test("a section and a module are folders with their metadata file; a given prefix is kept")
    func folders() throws {
        #expect(try ContentScaffold.plan(kind: .section, name: "ultraljud", title: "Ultraljud", siblings: ["_module.md", "01-rontgen"])
            == .init(relativePath: "02-ultraljud/_section.md", folder: "02-ultraljud", text: "---\ntitle: \"Ultraljud\"\n---\n"))
        let module = try ContentScaffold.plan(kind: .module, name: "05-diagnos", title: "Diagnos", siblings: ["04-utredning"])
        #expect(module.relativePath == "05-diagnos/_module.md")
        let tree = SampleTree.with([
            "diagnoses/brostcancer/" + module.relativePath: module.text,
            "diagnoses/brostcancer/05-diagnos/01-besked/_section.md": "---\ntitle: Besked\n---\n",
            "diagnoses/brostcancer/05-diagnos/01-besked/01-samtal.md": "---\ntitle: Samtal\n---\n\nText.\n",
        ])
        #expect(SampleTree.check(tree) == [])
    }

    @Test("refusals: a name that is no id, an empty title, an id already used")
    func refusals() {
        #expect(throws: ContentScaffold.Problem.invalidName("Röntgen", suggestion: "rontgen")) {
            try ContentScaffold.plan(kind: .step, name: "Röntgen", title: "Röntgen", siblings: [])
        }
        #expect(throws: ContentScaffold.Problem.emptyTitle) {
            try ContentScaffold.plan(kind: .step, name: "a", title: "  ", siblings: [])
        }
        #expect(throws: ContentScaffold.Problem.exists("mr")) {
            try ContentScaffold.plan(kind: .step, name: "mr", title: "MR", siblings: ["02-mr.md"])
        }
    }
}
