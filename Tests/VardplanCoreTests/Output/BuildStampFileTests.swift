import Testing
@testable import VardplanCore

/// The stamp a build writes from its pages and their owners, without making a
/// `BuildStamp` first, is the stamp's own file.
@Suite("Build stamp file")
struct BuildStampFileTests {
    @Test("the stamp's file from unsorted pages with owners equals the file of the stamp made from them")
    func fileFromPages() {
        let inputs = ["content/site.yaml": "00000000000000aa", "templates/a b.mustache": "00000000000000bb"]
        let pages: [(path: String, size: Int, owner: String?)] = [
            ("x/index.html", 20, "x"), ("index.html", 10, nil), ("en/x/a b/index.html", 7, "x"), ("y/index.html", 3, "y"),
        ]
        let stamp = BuildStamp(fingerprint: "0123456789abcdef", settings: "fedcba9876543210", inputs: inputs,
                               files: pages.map { ($0.path, $0.size) },
                               owners: ["x/index.html": "x", "en/x/a b/index.html": "x", "y/index.html": "y"])
        let file = BuildStamp.outputFile(fingerprint: "0123456789abcdef", settings: "fedcba9876543210", inputs: inputs,
                                         files: pages)
        #expect(file.path == BuildStamp.fileName)
        #expect(file.bytes == stamp.outputFile.bytes)
        #expect(BuildStamp.parse(file.bytes) == stamp)
    }
}
