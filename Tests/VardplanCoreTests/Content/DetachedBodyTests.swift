import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// A build's snapshot keeps only the front matter of step files; each body is read
/// again for its diagnosis's pass, and a file that changed in between stops the build.
@Suite struct DetachedBodyTests {
    static let mammografi = "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.md"

    /// Gives other bytes for one file from its second read on: an editor saving it
    /// while the build runs.
    final class ChangingFileSystem: ContentFileSystem, @unchecked Sendable {
        let base: InMemoryFileSystem
        let path: String
        let later: [UInt8]
        private let lock = NSLock()
        private var reads = 0

        init(_ files: [String: String], changing path: String, to text: String) {
            base = InMemoryFileSystem(files)
            self.path = path
            later = Array(text.utf8)
        }

        func entries(of directory: String) throws -> [DirectoryEntry] { try base.entries(of: directory) }
        func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }
        func contents(of file: String) throws -> [UInt8] {
            guard file == path else { return try base.contents(of: file) }
            let first = lock.withLock { reads += 1; return reads == 1 }
            return first ? try base.contents(of: file) : later
        }
    }

    @Test func aStepFileChangedBeforeItsPassStopsTheBuildWithNothingBuilt() {
        let edited = SampleTree.files[Self.mammografi]! + "En mening till.\n"
        let content = ChangingFileSystem(SampleTree.files, changing: Self.mammografi, to: edited)
        let result = SiteBuild.run(content: content, contentDisplay: "content",
                                   templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                                   today: SampleTree.today, options: .init())
        #expect(result.files.isEmpty)
        #expect(DiagnosticFormatter.format(result.diagnostics).split(separator: "\n").map(String.init) == [
            "content/\(Self.mammografi):1:1: error: the file changed while the build was running, so nothing was written; run the build again",
        ])
        #expect(result.diagnostics.all.map(\.code) == [.stepFileChanged])
    }

    @Test func aStepFileSavedAgainWithTheSameBytesIsTheSameFile() {
        let same = SampleTree.files[Self.mammografi]!
        let content = ChangingFileSystem(SampleTree.files, changing: Self.mammografi, to: same)
        let result = SiteBuild.run(content: content, contentDisplay: "content",
                                   templates: DiskFileSystem(root: Fixtures.templates), templatesDisplay: "templates",
                                   today: SampleTree.today, options: .init())
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticFormatter.format(result.diagnostics))")
        #expect(!result.files.isEmpty)
    }

    @Test func theSnapshotKeepsAStepsFrontMatterAndWhatTheModelNeedsOfItsBody() throws {
        let snapshot = ContentSnapshot(reading: InMemoryFileSystem(SampleTree.files), displayRoot: "content",
                                       detachingStepBodies: true)
        let whole = Array(SampleTree.files[Self.mammografi]!.utf8)
        let frontMatter = "---\ntitle: Mammografi\nphases: [utredning]\n---\n"
        #expect(snapshot.bytes(of: Self.mammografi) == Array(frontMatter.utf8))
        let record = try #require(snapshot.stepBodies.record(of: Self.mammografi))
        #expect(record.range == frontMatter.utf8.count..<whole.count)
        #expect(record.firstLine == 5)
        #expect(record.wordCount == ContentFileParser.wordCount(whole[record.range]))
        #expect(!record.isEmpty)
        // The whole file's fingerprint, and its front matter's after a `+` (BuildChanges tells a body-only change by it).
        #expect(snapshot.fingerprint(of: Self.mammografi)
            == InputFingerprint.hex(DetachedBody.fingerprint(path: Self.mammografi, bytes: whole)) + "+"
            + InputFingerprint.hex(DetachedBody.fingerprint(path: Self.mammografi, bytes: Array(frontMatter.utf8))))
        #expect(snapshot.fingerprint(of: "site.yaml")
            == InputFingerprint.hex(DetachedBody.fingerprint(path: "site.yaml", bytes: Array(SampleTree.files["site.yaml"]!.utf8))))
        // Metadata files and site.yaml are kept whole.
        #expect(snapshot.bytes(of: "site.yaml") == Array(SampleTree.files["site.yaml"]!.utf8))
        #expect(snapshot.stepBodies.record(of: "diagnoses/brostcancer/_diagnosis.md") == nil)
        #expect(try snapshot.stepBodies.wholeFile(Self.mammografi)?.bytes == whole)
    }

    /// The model of a detached snapshot equals the model of the whole files: the same
    /// words, body ranges and first lines, and the same diagnostics.
    @Test func theModelIsTheSameWithBodiesDetached() throws {
        let files = SampleTree.with([
            "diagnoses/brostcancer/04-utredning/01-rontgen/03-tom.md": "---\ntitle: Tom\n---\n\n  \n",
            "diagnoses/brostcancer/04-utredning/01-rontgen/04-utan.md": "Ingen front matter här.\n",
        ])
        var wholeDiagnostics = Diagnostics(), detachedDiagnostics = Diagnostics()
        let whole = ContentSnapshot(reading: InMemoryFileSystem(files), displayRoot: "content")
        let detached = ContentSnapshot(reading: InMemoryFileSystem(files), displayRoot: "content", detachingStepBodies: true)
        let a = try #require(ModelBuilder(today: SampleTree.today)
            .build(ContentLoader(snapshot: whole).load(diagnostics: &wholeDiagnostics), diagnostics: &wholeDiagnostics))
        let b = try #require(ModelBuilder(today: SampleTree.today)
            .build(ContentLoader(snapshot: detached).load(diagnostics: &detachedDiagnostics), diagnostics: &detachedDiagnostics))
        #expect(DiagnosticFormatter.format(wholeDiagnostics) == DiagnosticFormatter.format(detachedDiagnostics))
        #expect(!wholeDiagnostics.isEmpty)
        let stepsA = a.diagnoses.flatMap(\.steps), stepsB = b.diagnoses.flatMap(\.steps)
        #expect(stepsA.map(\.wordCount) == stepsB.map(\.wordCount))
        #expect(stepsA.map(\.bodyRange) == stepsB.map(\.bodyRange))
        #expect(stepsA.map(\.bodyFirstLine) == stepsB.map(\.bodyFirstLine))
        // A body of white space is detached too (its emptiness is recorded); a file
        // without front matter is kept whole.
        #expect(detached.stepBodies.record(of: "diagnoses/brostcancer/04-utredning/01-rontgen/03-tom.md")?.isEmpty == true)
        #expect(detached.stepBodies.record(of: "diagnoses/brostcancer/04-utredning/01-rontgen/04-utan.md") == nil)
    }

    @Test func aTranslatedStepIsKeptWhole() {
        let files = SampleTree.with([
            "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.en.md": "---\ntitle: Mammography\n---\n\nText.\n",
        ])
        let snapshot = ContentSnapshot(reading: InMemoryFileSystem(files), displayRoot: "content", detachingStepBodies: true)
        #expect(snapshot.stepBodies.record(of: Self.mammografi) == nil)
        #expect(snapshot.stepBodies.record(of: "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.en.md") == nil)
        #expect(snapshot.stepBodies.record(of: "diagnoses/brostcancer/04-utredning/01-rontgen/02-mr.md") != nil)
    }

    /// On disk, the stamp of the open file tells a file read again from one rewritten.
    @Test func onDiskARewrittenStepFileIsNoLongerTheFileRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vardplan-detached-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in SampleTree.files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let snapshot = ContentSnapshot(reading: DiskFileSystem(root: root), displayRoot: "content", detachingStepBodies: true)
        let record = try #require(snapshot.stepBodies.record(of: Self.mammografi))
        #expect(record.stamp != nil)
        #expect(try snapshot.stepBodies.wholeFile(Self.mammografi)?.bytes == Array(SampleTree.files[Self.mammografi]!.utf8))
        try Data((SampleTree.files[Self.mammografi]! + "Mer text.\n").utf8).write(to: URL(fileURLWithPath: root + "/" + Self.mammografi))
        #expect(throws: DiagnosticError.self) { try snapshot.stepBodies.wholeFile(Self.mammografi) }
        try FileManager.default.removeItem(atPath: root + "/" + Self.mammografi)
        #expect(throws: DiagnosticError.self) { try snapshot.stepBodies.wholeFile(Self.mammografi) }
    }
}
