import Testing
@testable import VardplanCore
import VardplanDiagnostics

@Suite("Content given by an absolute path")
struct AbsoluteContentPathTests {
    /// Regression: `check --content /abs/content` reported relative `.md` links as
    /// broken, because resolving `..` dropped the leading '/'.
    @Test("relative .md links resolve when the content folder is an absolute path")
    func absoluteRoot() {
        let result = ContentPipeline.run(fileSystem: DiskFileSystem(root: Fixtures.siteContent), displayRoot: Fixtures.siteContent,
                                         today: Fixtures.today)
        #expect(DiagnosticFormatter.format(result.diagnostics) == "")
        #expect(LinkResolver.normalize("/srv/content/a/b", "../c.md") == "/srv/content/a/c.md")
        #expect(LinkResolver.normalize("content/a/b", "../c.md") == "content/a/c.md")
    }

    /// Regression: with an absolute content folder, every image beside its text was
    /// reported missing, because finding the text's folder dropped the leading '/'.
    @Test("an image beside its text is found when the content folder is an absolute path")
    func absoluteRootImages() {
        let image = ContentImage(relativePath: "diagnoses/x/bild.png", displayPath: "/srv/content/diagnoses/x/bild.png")
        let images = ["/srv/content/diagnoses/x/bild.png": image, "content/diagnoses/x/bild.png": image]
        #expect(ImageChecker.image("bild.png", from: "/srv/content/diagnoses/x/steg.md", in: images) != nil)
        #expect(ImageChecker.image("../x/bild.png", from: "/srv/content/diagnoses/x/steg.md", in: images) != nil)
        #expect(ImageChecker.image("bild.png", from: "content/diagnoses/x/steg.md", in: images) != nil)
        #expect(ImageChecker.image("bild.png", from: "/srv/content/diagnoses/y/steg.md", in: images) == nil)
    }
}
