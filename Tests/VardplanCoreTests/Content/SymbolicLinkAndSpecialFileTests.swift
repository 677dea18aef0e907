import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// The rules of docs/content-format.md, "Symbolic links and special files", on a real
/// folder: links are followed only inside their root, each real folder is entered
/// once, special files are never opened, sizes are measured before reading.
@Suite("Symbolic links and special files", .serialized)
struct SymbolicLinkAndSpecialFileTests {
    /// A copy of the fixture site in `content/` and of the bundled templates in
    /// `templates/`, in a new temporary folder.
    final class Workspace {
        let folder: String
        var content: String { folder + "/content" }
        var templates: String { folder + "/templates" }
        let section = "diagnoses/testcancer/04-utredning/01-bilder"

        init() throws {
            folder = NSTemporaryDirectory() + "vardplan-links-" + UUID().uuidString
            let manager = FileManager.default
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try manager.copyItem(atPath: Fixtures.siteContent, toPath: content)
            try manager.copyItem(atPath: Fixtures.templates, toPath: templates)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func link(_ path: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }

        /// `check` on the content folder: its errors, formatted.
        func checkErrors() -> [String] {
            let result = ContentPipeline.run(fileSystem: DiskFileSystem(root: content), displayRoot: "content",
                                             today: Fixtures.today)
            return formatted(result.diagnostics).filter { $0.contains(": error: ") }
        }

        /// The templates folder loaded: its errors and asset paths.
        func loadTemplates() -> (errors: [String], assets: [String]) {
            var diagnostics = Diagnostics()
            let loaded = TemplateFolderLoader(fileSystem: DiskFileSystem(root: templates), displayRoot: "templates")
                .loadAll(required: SiteRenderer.requiredTemplates, diagnostics: &diagnostics)
            return (formatted(diagnostics).filter { $0.contains(": error: ") }, loaded.assets.map(\.path))
        }
    }

    @Test("the copied fixture site has no errors")
    func cleanCopy() throws {
        let workspace = try Workspace()
        #expect(workspace.checkErrors() == [])
        #expect(workspace.loadTemplates().errors == [])
    }

    @Test("two links to '.' are errors at each link, and the walk enters every real folder once")
    func linksToTheSameFolder() throws {
        let workspace = try Workspace()
        let diagnosis = workspace.content + "/diagnoses/testcancer"
        let before = DiskFileSystem(root: workspace.content).filePaths().count
        try workspace.link(diagnosis + "/a", to: ".")
        try workspace.link(diagnosis + "/b", to: ".")
        try workspace.link(workspace.content + "/x", to: ".")
        try workspace.link(workspace.content + "/y", to: ".")
        let again = "this folder is 'content/diagnoses/testcancer' again (a symbolic link to a folder above it, or a "
            + "second link to the same folder); remove the link, or copy the folder"
        #expect(workspace.checkErrors() == [
            "content/diagnoses/testcancer/a:1:1: error: \(again)",
            "content/diagnoses/testcancer/b:1:1: error: \(again)",
        ])
        // The four links, each listed once, none entered.
        #expect(DiskFileSystem(root: workspace.content).filePaths().count == before + 4)
    }

    @Test("links in templates/ to '.' do not multiply the folder")
    func templateLinksToTheSameFolder() throws {
        let workspace = try Workspace()
        for name in ["a", "b", "c"] { try workspace.link(workspace.templates + "/partials/" + name, to: "..") }
        let (errors, assets) = workspace.loadTemplates()
        #expect(errors.count == 3)
        #expect(errors.first?.hasPrefix("templates/partials/a:1:1: error: this folder is 'templates' again") == true)
        #expect(assets == ["assets/vardplan.css"])
    }

    @Test("a link in assets/ to a file outside templates/ is an error and is not published")
    func linkOutOfTemplates() throws {
        let workspace = try Workspace()
        try workspace.link(workspace.templates + "/assets/passwd", to: "/etc/passwd")
        let (errors, assets) = workspace.loadTemplates()
        #expect(errors == [
            "templates/assets/passwd:1:1: error: symbolic link to '/etc/passwd', which lies outside 'templates'; "
                + "copy the file or folder into 'templates' instead of linking to it",
        ])
        #expect(assets == ["assets/vardplan.css"])
    }

    @Test("links that stay inside their root are followed")
    func linksInside() throws {
        let workspace = try Workspace()
        try workspace.link(workspace.templates + "/assets/copy.css", to: "vardplan.css")
        let (errors, assets) = workspace.loadTemplates()
        #expect(errors == [])
        #expect(assets == ["assets/copy.css", "assets/vardplan.css"])
        // A step that is a link to a file elsewhere in content/.
        let section = workspace.content + "/" + workspace.section
        try FileManager.default.moveItem(atPath: section + "/01-datortomografi.md", toPath: workspace.content + "/rontgen.txt")
        try workspace.link(section + "/01-datortomografi.md", to: "../../../../rontgen.txt")
        #expect(workspace.checkErrors() == [])
    }

    @Test("links out of content/, dangling links and link loops are errors at the link")
    func badLinksInContent() throws {
        let workspace = try Workspace()
        let section = workspace.content + "/" + workspace.section
        try workspace.link(section + "/03-ut.md", to: "/etc/passwd")
        try workspace.link(section + "/04-borta.md", to: "finns-inte.md")
        try workspace.link(section + "/05-slinga.md", to: "06-slinga.md")
        try workspace.link(section + "/06-slinga.md", to: "05-slinga.md")
        try workspace.link(workspace.content + "/diagnoses/testcancer/99-ute", to: NSTemporaryDirectory())
        let at = "content/" + workspace.section
        #expect(workspace.checkErrors() == [
            "\(at)/03-ut.md:1:1: error: symbolic link to '/etc/passwd', which lies outside 'content'; copy the file or "
                + "folder into 'content' instead of linking to it",
            "\(at)/04-borta.md:1:1: error: symbolic link to 'finns-inte.md', which does not exist; fix the link or remove it",
            "\(at)/05-slinga.md:1:1: error: symbolic link to '06-slinga.md' leads round in a loop of links; remove the link",
            "\(at)/06-slinga.md:1:1: error: symbolic link to '05-slinga.md' leads round in a loop of links; remove the link",
            "content/diagnoses/testcancer/99-ute:1:1: error: symbolic link to '\(NSTemporaryDirectory())', which lies "
                + "outside 'content'; copy the file or folder into 'content' instead of linking to it",
        ])
    }

    @Test("a named pipe is an error and is never opened (the check does not wait for a writer)")
    func namedPipe() throws {
        let workspace = try Workspace()
        let path = workspace.content + "/" + workspace.section + "/03-ror.md"
        #expect(mkfifo(path, 0o644) == 0)
        #expect(workspace.checkErrors() == [
            "content/\(workspace.section)/03-ror.md:1:1: error: this is a named pipe (FIFO), not a file; only regular "
                + "files and folders belong here, so remove it",
        ])
        #expect(mkfifo(workspace.templates + "/partials/ror.mustache", 0o644) == 0)
        #expect(workspace.loadTemplates().errors == [
            "templates/partials/ror.mustache:1:1: error: this is a named pipe (FIFO), not a file; only regular files "
                + "and folders belong here, so remove it",
        ])
    }

    @Test("a sparse 4 GiB step is refused by its size before it is read")
    func hugeSparseStep() throws {
        let workspace = try Workspace()
        let path = workspace.content + "/" + workspace.section + "/03-stor.md"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("---\ntitle: Stor\n---\n".utf8)))
        #expect(truncate(path, 4 << 30) == 0)
        #expect(workspace.checkErrors() == [
            "content/\(workspace.section)/03-stor.md:1:1: error: file is 4096.0 MB, larger than the 1 MB a content file "
                + "may be; split it into several steps",
        ])
        #expect(throws: FileProblem.tooLarge(size: 4 << 30, limit: 1 << 20)) {
            try DiskFileSystem(root: workspace.content).contents(of: workspace.section + "/03-stor.md", maximumSize: 1 << 20)
        }
    }

    @Test("an asset above 10 MB is refused by its size")
    func hugeAsset() throws {
        let workspace = try Workspace()
        let path = workspace.templates + "/assets/film.mp4"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(truncate(path, 11 << 20) == 0)
        #expect(workspace.loadTemplates().errors == [
            "templates/assets/film.mp4:1:1: error: file is 11 MB, larger than the 10 MB a file here may be; make it smaller",
        ])
    }

    @Test("a build with links to '.' in both folders stops with the errors, quickly")
    func buildWithLoops() throws {
        let workspace = try Workspace()
        for name in ["l1", "l2"] {
            try workspace.link(workspace.content + "/diagnoses/testcancer/07-behandling/" + name, to: "..")
            try workspace.link(workspace.templates + "/" + name, to: ".")
        }
        let result = SiteBuild.run(content: DiskFileSystem(root: workspace.content), contentDisplay: "content",
                                   templates: DiskFileSystem(root: workspace.templates), templatesDisplay: "templates",
                                   today: Fixtures.today, options: SiteRenderer.Options())
        #expect(result.files.isEmpty)
        #expect(formatted(result.diagnostics).filter { $0.contains(": error: ") }.map { $0.prefix { $0 != " " } } == [
            "content/diagnoses/testcancer/07-behandling/l1:1:1:",
            "content/diagnoses/testcancer/07-behandling/l2:1:1:",
            "templates/l1:1:1:",
            "templates/l2:1:1:",
        ])
    }
}
