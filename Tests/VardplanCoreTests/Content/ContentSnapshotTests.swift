import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// The inputs of a run are read once, into a snapshot; every stage after it reads the
/// snapshot, and the paths it keys files by are relative to the folder.
@Suite struct ContentSnapshotTests {
    /// A file system that counts how often each folder is listed and each file read.
    final class CountingFileSystem: ContentFileSystem, @unchecked Sendable {
        let base: any ContentFileSystem
        private let lock = NSLock()
        private(set) var listings: [String: Int] = [:]
        private(set) var reads: [String: Int] = [:]

        init(_ base: any ContentFileSystem) { self.base = base }

        func entries(of directory: String) throws -> [DirectoryEntry] {
            lock.withLock { listings[directory, default: 0] += 1 }
            return try base.entries(of: directory)
        }

        func contents(of file: String) throws -> [UInt8] {
            lock.withLock { reads[file, default: 0] += 1 }
            return try base.contents(of: file)
        }

        func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }
    }

    /// A build reads every file once for what the model needs, and each step file a
    /// second time, for its body, when its diagnosis's pass gets to it.
    @Test func aBuildListsEveryFolderOnceReadsEveryFileOnceAndStepFilesAgainForTheirBodies() throws {
        let content = CountingFileSystem(InMemoryFileSystem(SampleTree.files))
        let templates = CountingFileSystem(DiskFileSystem(root: Fixtures.templates))
        let result = SiteBuild.run(content: content, contentDisplay: "content", templates: templates,
                                   templatesDisplay: "templates", today: SampleTree.today, options: .init())
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticFormatter.format(result.diagnostics))")
        #expect(!result.files.isEmpty)
        for counter in [content, templates] {
            #expect(!counter.reads.isEmpty)
            #expect(counter.listings.values.allSatisfy { $0 == 1 }, "\(counter.listings.filter { $0.value != 1 })")
        }
        #expect(templates.reads.values.allSatisfy { $0 == 1 }, "\(templates.reads.filter { $0.value != 1 })")
        #expect(content.reads.count == SampleTree.files.count)
        let steps: Set = ["general/10-mina-rattigheter/01-lagar/01-patientlagen.md",
                          "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.md",
                          "diagnoses/brostcancer/04-utredning/01-rontgen/02-mr.md"]
        for (path, count) in content.reads {
            #expect(count == (steps.contains(path) ? 2 : 1), "\(path) read \(count) times")
        }
    }

    @Test func checkReadsEveryFileOnce() {
        let content = CountingFileSystem(InMemoryFileSystem(SampleTree.files))
        let result = ContentPipeline.run(fileSystem: content, displayRoot: "content", today: SampleTree.today)
        #expect(result.model != nil)
        #expect(content.reads.count == SampleTree.files.count)
        #expect(content.reads.values.allSatisfy { $0 == 1 })
        #expect(content.listings.values.allSatisfy { $0 == 1 })
    }

    @Test func filesAreKeyedByTheirPathInsideTheFolderAndShownUnderIt() throws {
        let snapshot = ContentSnapshot(reading: InMemoryFileSystem(["site.yaml": "title: x\n", "general/a/_module.md": "x"]),
                                       displayRoot: "innehåll")
        #expect(snapshot.bytes(of: "site.yaml") == Array("title: x\n".utf8))
        #expect(snapshot.bytes(of: "innehåll/site.yaml") == nil)
        #expect(snapshot.display("general/a/_module.md") == "innehåll/general/a/_module.md")
        #expect(snapshot.filePaths() == ["general/a/_module.md", "site.yaml"])
        #expect(snapshot.isDirectory("general/a"))
        #expect(try snapshot.entries(of: "general").map(\.name) == ["a"])
        #expect(throws: ContentFileSystemError.self) { try snapshot.entries(of: "saknas") }
    }

    /// A file over a reader's limit is refused with that reader's limit, as reading
    /// it from the folder would be.
    @Test func aFileOverTheAskedLimitIsRefusedWithItsSize() {
        let snapshot = ContentSnapshot(reading: InMemoryFileSystem(files: ["stor.png": [UInt8](repeating: 1, count: 3000)]),
                                       displayRoot: "content")
        #expect(throws: FileProblem.tooLarge(size: 3000, limit: 1000)) { try snapshot.contents(of: "stor.png", maximumSize: 1000) }
        #expect((try? snapshot.contents(of: "stor.png", maximumSize: 3000))?.count == 3000)
    }

    @Test(arguments: [
        (FileProblem.linkOutsideRoot(target: "/x"), "VP015"),
        (.danglingLink(target: "x"), "VP016"),
        (.linkLoop(target: "x"), "VP017"),
        (.folderReachedTwice(first: "content/x"), "VP018"),
        (.notRegularFile(kind: "named pipe"), "VP019"),
        (.tooLarge(size: 2, limit: 1), "VP020"),
    ])
    func everyFileProblemCarriesItsCode(problem: FileProblem, code: String) {
        let diagnostic = Diagnostic.fileProblem(problem, root: "content", at: SourceLocation(path: "content/x", line: 1, column: 1))
        #expect(diagnostic.code.rawValue == code)
        #expect(diagnostic.message == problem.message(root: "content"))
    }

    @Test func contentDiagnosticsCarryTheirCodes() {
        let files = SampleTree.with(["site.yaml": nil, "diagnoses/brostcancer/04-utredning/01-rontgen/_section.md": nil,
                                     "anteckningar.txt": "x"])
        var diagnostics = Diagnostics()
        _ = ContentLoader(fileSystem: InMemoryFileSystem(files), displayRoot: "content").load(diagnostics: &diagnostics)
        let codes = Set(diagnostics.all.map(\.code.rawValue))
        #expect(codes.isSuperset(of: ["VP001", "VP003", "VP008"]), "\(DiagnosticFormatter.format(diagnostics))")
    }

    /// The two ways of asking for a region the content lacks keep their own words and
    /// share one code.
    @Test func anUnknownRegionIsOneCodeInTwoWordings() {
        let here = SourceLocation(path: "anna.yaml", line: 3, column: 9)
        let manifest = Diagnostic.unknownRegion("skåne", known: ["skane", "vgr"], requestedBy: .manifest(here))
        let option = Diagnostic.unknownRegion("skåne", known: [], requestedBy: .option)
        #expect(manifest.code == option.code)
        #expect(manifest.message == "the 'region' is not a region of this content; did you mean 'skane'?; the content has 'skane', 'vgr'")
        #expect(option.message == "there is no region 'skåne'; the content has no regions ('regions/<region>/_region.md')")
        #expect(option.location == nil)
    }
}
