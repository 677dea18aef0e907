import Testing
@testable import VardplanCore

/// A step with no translation may be indexed by its front matter alone (its body is
/// read only when it is printed); one with a translation is read whole, for the drift check.
@Suite("untranslated files: listed, not a translation, none beside them")
struct UntranslatedFileTests {
    static let folder = "diagnoses/x/01-utredning/01-bilder"
    static let entries = [
        DirectoryEntry(name: "01-dt.md", isDirectory: false),
        DirectoryEntry(name: "01-dt.en.md", isDirectory: false),
        DirectoryEntry(name: "02-mr.md", isDirectory: false),
        DirectoryEntry(name: "03-pet.ar.md", isDirectory: false),
        DirectoryEntry(name: "_section.md", isDirectory: false),
        DirectoryEntry(name: "bild.png", isDirectory: false),
        DirectoryEntry(name: "04-undermapp.md", isDirectory: true),
        DirectoryEntry(name: ".md", isDirectory: false),
    ]

    var listed: [Substring: Set<Substring>] {
        [Self.folder[...]: IndexedFileSystem.translatedStems(Self.entries)]
    }

    @Test("a step with a translation beside it, and the translations themselves, are not untranslated")
    func translated() {
        #expect(IndexedFileSystem.translatedStems(Self.entries) == ["01-dt", "03-pet"])
        for name in ["01-dt.md", "01-dt.en.md", "03-pet.ar.md"] {
            #expect(!IndexedFileSystem.isUntranslated(Self.folder + "/" + name, listed: listed), "\(name)")
        }
    }

    @Test("a step or metadata file without a translation is untranslated")
    func untranslated() {
        for name in ["02-mr.md", "_section.md"] {
            #expect(IndexedFileSystem.isUntranslated(Self.folder + "/" + name, listed: listed), "\(name)")
        }
    }

    @Test("a file in a folder not listed yet, or not a .md file, is not untranslated")
    func unknown() {
        #expect(!IndexedFileSystem.isUntranslated("diagnoses/x/01-utredning/02-prover/02-mr.md", listed: listed))
        #expect(!IndexedFileSystem.isUntranslated(Self.folder + "/bild.png", listed: listed))
        #expect(!IndexedFileSystem.isUntranslated(Self.folder + "/.md", listed: listed))
        #expect(!IndexedFileSystem.isUntranslated("02-mr.md", listed: listed))
        #expect(IndexedFileSystem.isUntranslated("02-mr.md", listed: [""[...]: []]))
    }
}
