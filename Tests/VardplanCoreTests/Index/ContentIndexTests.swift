import Testing
@testable import VardplanCore
import VardplanSystem

@Suite("the content index file: what an entry keeps, and a reader that takes any bytes")
struct ContentIndexTests {
    static let header = ContentIndex.Header(toolVersion: "vardplan 1.0", contentRoot: "/srv/content", area: "shared")

    static func stamp(_ n: UInt64) -> FileStamp {
        FileStamp(device: 1, inode: n, size: n * 10, modified: Int64(n) * 1_000_000_007, changed: -Int64(n))
    }

    static let sample = ContentIndex(entries: [
        "site.yaml": ContentIndexEntry(stamp: stamp(1), kind: .whole, bytes: Array("title: Min vårdplan\n".utf8)),
        "general/a/b/01-steg.md": ContentIndexEntry(stamp: stamp(2), kind: .frontMatter, bytes: Array("---\ntitle: Å\n---\nÖ".utf8),
                                                   stepBody: .init(fingerprint: 0x0123_4567_89AB_CDEF, words: 42)),
        "general/a/_module.md": ContentIndexEntry(stamp: stamp(3), kind: .whole, bytes: []),
    ], folders: [
        "": ContentIndexFolder(stamp: stamp(4), entries: [
            DirectoryEntry(name: "general", isDirectory: true, identity: FileIdentity(device: 1, inode: 5)),
            DirectoryEntry(name: "site.yaml", isDirectory: false),
        ]),
        "general/a/b": ContentIndexFolder(stamp: stamp(6), entries: []),
    ])

    @Test("an index (files and folder listings) reads back as written, and only with the header it was written with")
    func roundTrip() {
        let bytes = Self.sample.encoded(Self.header)
        #expect(ContentIndex.decode(bytes, expecting: Self.header) == Self.sample)
        for other in [ContentIndex.Header(toolVersion: "vardplan 1.1", contentRoot: "/srv/content", area: "shared"),
                      ContentIndex.Header(toolVersion: "vardplan 1.0", contentRoot: "/srv/other", area: "shared"),
                      ContentIndex.Header(toolVersion: "vardplan 1.0", contentRoot: "/srv/content", area: "d-00")] {
            #expect(ContentIndex.decode(bytes, expecting: other) == nil)
        }
    }

    @Test("every truncation, every flipped byte and seeded garbage read as no index, never a crash")
    func garbage() {
        let bytes = Self.sample.encoded(Self.header)
        for count in 0..<bytes.count {
            #expect(ContentIndex.decode(Array(bytes.prefix(count)), expecting: Self.header) == nil)
        }
        for offset in bytes.indices {
            var flipped = bytes
            flipped[offset] ^= 0x40
            #expect(ContentIndex.decode(flipped, expecting: Self.header) == nil)
        }
        var generator = SplitMix64(seed: 15)  // the same garbage in every run
        for _ in 0..<2_000 {
            var noise = (0..<Int(generator.next() % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if generator.next() % 2 == 0 { noise = Array(bytes.prefix(Int(generator.next() % 60))) + noise }
            #expect(ContentIndex.decode(noise, expecting: Self.header) == nil)
        }
    }

    @Test("a step keeps its front matter and its body's first whole character",
          arguments: [
              ("---\ntitle: Steg\n---\n\nÅtta veckor.\n", "---\ntitle: Steg\n---\n\nÅ"),
              ("\u{FEFF}---\r\ntitle: Steg\r\n---\r\n\r\n  Text\r\n", "\u{FEFF}---\r\ntitle: Steg\r\n---\r\n\r\n  T"),
              ("---\ntitle: Tom\n---\n\n  \n", "---\ntitle: Tom\n---\n\n  \n"),
          ])
    func frontMatterPrefix(file: String, kept: String) {
        let path = "general/a/b/01-steg.md"
        let entry = ContentIndexEntry(stamp: Self.stamp(1), bytes: Array(file.utf8), path: path, mayShorten: true)
        #expect(entry.bytes == Array(kept.utf8))
        #expect(entry.kind == (kept == file ? .whole : .frontMatter))
        // What a build needs of the body it did not keep: the whole file's fingerprint and
        // the body's words, as reading the file whole gives them (`DetachedBody`).
        if entry.kind == .frontMatter {
            let whole = DetachedBody.detach(Array(file.utf8), path: path, stamp: nil,
                                            fingerprint: DetachedBody.fingerprint(path: path, bytes: Array(file.utf8)))
            #expect(entry.stepBody == ContentIndexEntry.StepBody(fingerprint: whole?.body.fingerprintValue ?? 0,
                                                                 words: UInt32(whole?.body.wordCount ?? -1)))
        } else {
            #expect(entry.stepBody == nil)
        }
    }

    @Test("a file with unclosed front matter, none at all, a NUL byte or invalid UTF-8 is kept whole",
          arguments: ["---\ntitle: Öppen\n\nText\n", "Bara text\n", "---\ntitle: A\n---\nText\u{0}\n"])
    func keptWhole(file: String) {
        let entry = ContentIndexEntry(stamp: Self.stamp(1), bytes: Array(file.utf8), path: "general/a/b/01-steg.md", mayShorten: true)
        #expect(entry.kind == .whole)
        #expect(entry.bytes == Array(file.utf8))
        let invalid = Array("---\ntitle: A\n---\nText ".utf8) + [0xC3, 0x28]
        #expect(ContentIndexEntry(stamp: Self.stamp(1), bytes: invalid, path: "general/a/b/01-steg.md", mayShorten: true).bytes == invalid)
    }

    @Test("which paths are step files that may be shortened", arguments: [
        ("general/m/s/01-steg.md", true), ("diagnoses/d/m/s/01-steg.md", true),
        ("diagnoses/d/m/s/_section.md", false), ("diagnoses/d/m/s/01-steg.en.md", false),
        ("diagnoses/d/m/_module.md", false), ("regions/r/text.md", false), ("site.yaml", false),
        ("diagnoses/d/m/s/01-steg.yaml", false), ("diagnoses/d/m/s/.md", false), ("diagnoses/d/m/s/md", false),
        ("general/m/s/01-steg.e.md", true), ("general/m/s/01-steg.engl.md", true), ("general/m/s/01-steg.EN.md", true),
        ("general/m/s/01-steg.sv.md", false), ("general/m/s/åtgärder.md", true), ("general/m/s/åtgärder.fi.md", false),
        ("diagnoses/d/m/s/x/01.md", false), ("general/m/01.md", false), ("general", false), ("", false),
        ("general/m/s/01-steg.md/", false), ("diagnoses//m/s/01.md", true), ("generalx/m/s/01.md", false),
        ("Diagnoses/d/m/s/01.md", false), ("general/m/s/01.Md", false), ("general/m/s/ö.md", true),
    ])
    func stepPaths(path: String, isStep: Bool) {
        #expect(ContentIndexEntry.isStepPath(path) == isStep)
    }

    @Test("files of a diagnosis's folder belong to its area; every other file to the shared one")
    func areas() {
        #expect(ContentIndex.area(of: "diagnoses/brostcancer/_diagnosis.md") == ContentIndex.area(ofDiagnosisFolder: "brostcancer"))
        #expect(ContentIndex.area(of: "diagnoses/brostcancer/a/b/c.md") == ContentIndex.area(ofDiagnosisFolder: "brostcancer"))
        #expect(ContentIndex.area(ofDiagnosisFolder: "brostcancer") != ContentIndex.area(ofDiagnosisFolder: "lungcancer"))
        for path in ["site.yaml", "general/a/_module.md", "regions/vgr/_region.md", "diagnoses", "diagnoses/x"] {
            #expect(ContentIndex.area(of: path) == "shared")
        }
    }
}
