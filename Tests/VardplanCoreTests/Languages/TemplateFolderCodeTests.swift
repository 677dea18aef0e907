import Testing

@testable import VardplanCore
import VardplanDiagnostics

/// The codes of the interface strings (VP440–444) and the templates folder (VP460–462):
/// each kind of problem with its code and the exact line it prints.
@Suite("Interface strings and templates folder codes")
struct TemplateFolderCodeTests {
    /// Loads `files` as a templates folder needing `base`, checks the strings for Swedish
    /// and English, and returns each diagnostic as `code line`.
    static func load(_ files: [String: String]) -> [String] {
        var diagnostics = Diagnostics()
        let loaded = TemplateFolderLoader(fileSystem: InMemoryFileSystem(files), displayRoot: "templates")
            .loadAll(required: ["base"], diagnostics: &diagnostics)
        loaded.strings.check(languages: ["sv", "en"], reference: "sv", diagnostics: &diagnostics)
        return diagnostics.sorted.map { "\($0.code) " + formatted(Diagnostics([$0]))[0] }
    }

    @Test("every kind of problem has its code")
    func codes() {
        #expect(Self.load([
            "page.mustache": "x",
            "notes.txt": "x",
            "strings/sv.yaml": "next: Nästa\nback:\n  - Tillbaka\n",
            "strings/en.yaml": "- next\n",
        ]) == [
            "VP460 templates/base.mustache:1:1: error: the template 'base.mustache' is missing; every site needs it (copy it from the bundled templates/)",
            "VP462 templates/notes.txt:1:1: warning: 'notes.txt' is ignored; templates end in '.mustache' and other files belong in 'assets/'",
            "VP440 templates/strings/en.yaml:1:1: error: a strings file is a list of 'key: text' lines, found a list",
            "VP443 templates/strings/en.yaml:2:1: error: the language 'en' lacks the string 'next' (in sv: 'Nästa'); add 'next: …' to this file",
            "VP441 templates/strings/sv.yaml:3:3: error: the string 'back' must be text; write it as 'key: text'",
        ])
        #expect(Self.load([
            "base.mustache": "x",
            "strings/sv.yaml": "next: Nästa\n",
            "strings/en.yaml": "nxt: Next\nnext: Next\n",
        ]) == [
            "VP444 templates/strings/en.yaml:1:1: warning: 'nxt' is not a string of the templates; did you mean 'next'?; it is never shown",
        ])
        #expect(Self.load(["base.mustache": "x", "strings/en.yaml": "next: Next\n"]) == [
            "VP442 templates/strings/sv.yaml:1:1: error: there is no strings file for the site's language 'sv'; create "
                + "'templates/strings/sv.yaml' with the templates' fixed words (copy the bundled templates/strings/)",
        ])
    }

    @Test("a templates folder that cannot be read")
    func unreadableFolder() {
        var diagnostics = Diagnostics()
        _ = TemplateFolderLoader(fileSystem: DiskFileSystem(root: Fixtures.packageRoot + "/no-such-templates"), displayRoot: "templates")
            .loadAll(required: [], diagnostics: &diagnostics)
        #expect(diagnostics.sorted.map { "\($0.code) " + formatted(Diagnostics([$0]))[0] } == [
            "VP461 templates/:1:1: error: cannot read the templates folder 'templates/'; check that it exists",
        ])
    }
}
