import Foundation
import Testing
@testable import VardplanCore

@Suite("One build at a time per output")
struct OutputLockTests {
    @Test("while one build holds the output, a second fails at once and says who has it; then it may go")
    func secondBuildFails() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let output = scratch.root + "/out"
        let first = try SiteWriter(outputPath: output).begin()
        #expect(scratch.names.contains(".out.lock"))
        let error = #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter(outputPath: output).write(.pages(["index.html": "second"]))
        }
        #expect(error?.description == "another build into '\(output)' is running (process \(getpid())); run this one when it has finished")
        #expect(error?.isRefusal == false)
        let pages = [OutputFile].pages(["index.html": "first"])
        _ = try first.accept(pages)
        _ = try first.accept([BuildStamp(fingerprint: "", files: pages).outputFile])
        _ = try first.commit(paths: ["index.html", ".vardplan-build"])
        #expect(scratch.names == ["out"], "the lock file goes with the lock")
        _ = try SiteWriter(outputPath: output).write(.pages(["index.html": "second"]))
        #expect(scratch.read("out/index.html") == "second")
    }

    @Test("a build through a symbolic link and one into its target share the lock")
    func linkSharesLock() throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        scratch.folder("site")
        symlink("site", scratch.root + "/link")
        let first = try SiteWriter(outputPath: scratch.root + "/site").begin()
        defer { first.abort() }
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter(outputPath: scratch.root + "/link").begin() }
    }

    @Test("builds racing from two threads never publish a mix: the output is always one whole site")
    func racingThreads() async throws {
        let scratch = OutputScratch()
        defer { scratch.remove() }
        let output = scratch.root + "/out"
        let sites = (0..<2).map { side in
            [OutputFile].pages(Dictionary(uniqueKeysWithValues: (0..<40).map { ("p\($0).html", "site \(side)") }))
        }
        let published = await withTaskGroup(of: Int.self) { group in
            for side in 0..<2 {
                group.addTask {
                    var count = 0
                    for _ in 0..<25 {
                        if (try? SiteWriter(outputPath: output).write(sites[side])) != nil { count += 1 }
                    }
                    return count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(published >= 1)
        let contents = Set((0..<40).compactMap { scratch.read("out/p\($0).html") })
        #expect(contents.count == 1)
        #expect(scratch.names == [".out.spare", "out"])
    }
}
