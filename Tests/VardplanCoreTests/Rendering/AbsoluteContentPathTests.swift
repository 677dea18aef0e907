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
}
