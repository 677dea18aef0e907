import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// Images beside the Markdown: checked, copied to the site, embedded in printouts.
@Suite("Images")
struct ImageTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
    static let folder = "diagnoses/brostcancer/04-utredning/01-rontgen/"

    static func check(_ body: String, files: [String: [UInt8]] = [:]) -> [String] {
        var tree = SampleTree.with([folder + "01-mammografi.md": "---\ntitle: Mammografi\n---\n\n" + body + "\n"])
            .mapValues { Array($0.utf8) }
        for (path, bytes) in files { tree[folder + path] = bytes }
        let result = ContentPipeline.run(fileSystem: InMemoryFileSystem(files: tree), displayRoot: "content", today: SampleTree.today)
        return DiagnosticFormatter.format(result.diagnostics).split(separator: "\n").map(String.init)
    }

    @Test("an image beside the step with an alt text is fine")
    func good() {
        #expect(Self.check("![Så ser apparaten ut](bild.png)", files: ["bild.png": Self.png]) == [])
    }

    @Test("a missing file, an empty alt, an unsupported type and a file over 1 MB are errors at the image", arguments: [
        ("![Apparaten](bilden.png)", [:] as [String: [UInt8]],
         "content/\(ImageTests.folder)01-mammografi.md:5:1: error: there is no image file 'bilden.png' beside this file; put the image in the same folder as the Markdown file, or correct the name"),
        ("![](bild.png)", ["bild.png": ImageTests.png],
         "content/\(ImageTests.folder)01-mammografi.md:5:1: error: the image 'bild.png' has no alt text; write what it shows between the brackets, ![like this](bild.png), for readers who cannot see it"),
        ("![Apparaten](bild.bmp)", ["bild.bmp": ImageTests.png],
         "content/\(ImageTests.folder)01-mammografi.md:5:1: error: 'bild.bmp' is not an image type pages and printouts can show; save it as one of gif, jpeg, jpg, png, svg, webp"),
        ("![Apparaten](stor.png)", ["stor.png": [UInt8](repeating: 0, count: ContentImage.maximumSize + 1)],
         "content/\(ImageTests.folder)01-mammografi.md:5:1: error: the image 'stor.png' is 1024 KB, over the limit of 1024 KB; scale it down (about 1600 pixels wide is plenty) or save it compressed"),
    ])
    func problems(body: String, files: [String: [UInt8]], expected: String) {
        let lines = Self.check(body, files: files)
        #expect(lines.contains(expected), "\(lines)")
    }

    @Test("the site copies the image under bilder/ and every language's page links to it")
    func site() throws {
        let result = LanguageTests.buildLanguagesSite()
        let image = try #require(result.files.first { $0.path == "bilder/diagnoses/testcancer/04-utredning/01-bilder/dt.png" })
        #expect(image.bytes.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
        #expect(LanguageTests.page(result, "en/testcancer/utredning/datortomografi.html").contains(
            "<img src=\"../../../bilder/diagnoses/testcancer/04-utredning/01-bilder/dt.png\" alt=\"A person lies on a table that slides into a round ring.\" />"))
    }

    @Test("a printout embeds the image, so it stays one file")
    func printout() throws {
        let result = PrintJob.run(
            manifest: Fixtures.manifest("english.yaml"), content: DiskFileSystem(root: Fixtures.languagesContent),
            contentDisplay: "site", templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
            today: Fixtures.today, largePrint: false)
        let html = try #require(result.html)
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"))
        #expect(!html.contains("dt.png"))
    }

    @Test("base64 as RFC 4648 writes it", arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")])
    func base64(input: String, expected: String) {
        #expect(Base64.encode(Array(input.utf8)) == expected)
    }
}
