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

    @Test("the listed files by folder: a folder whose files the sort splits is one folder, a name with two sizes is -1")
    func filesByFolder() {
        // Sorted, `a/b`'s files come before and after those of `a/b/e`.
        let stamp = BuildStamp(fingerprint: "", files: [
            ("a/b/c.html", 1), ("a/b/e/f.html", 2), ("a/b/g.html", 3), ("index.html", 4), ("a/b/c.html", 1),
            ("a/b/d.html", 5), ("a/b/d.html", 6), ("sitemap.xml", 7), ("a/b/g.html", 8), ("å/ö.html", 9),
        ])
        #expect(stamp.filesByFolder == [
            "": ["index.html": 4, "sitemap.xml": 7],
            "a/b": ["c.html": 1, "d.html": -1, "g.html": -1],
            "a/b/e": ["f.html": 2],
            "å": ["ö.html": 9],
        ])
    }
}
