import Foundation
import Testing
@testable import VardplanCore

@Suite("The content model")
struct ModelBuilderTests {
    @Test("ids come from names without the ordering prefix; order from the prefix")
    func idsAndOrder() throws {
        let model = try #require(SampleTree.model())
        let diagnosis = try #require(model.diagnosis(withID: "brostcancer"))
        #expect(diagnosis.modules.map(\.id) == ["utredning", "mina-rattigheter"])
        #expect(diagnosis.modules.map(\.order) == [4, 10])
        #expect(diagnosis.steps.map(\.id) == ["mammografi", "mr", "patientlagen"])
        #expect(diagnosis.steps.map(\.visibleByDefault) == [true, false, true])
        #expect(diagnosis.modules[1].isGeneral)
        #expect(diagnosis.version == "2025.1")
        #expect(diagnosis.approved == SimpleDate(year: 2025, month: 3, day: 1))
    }

    @Test("diagnoses are built on every core; their problems still come in folder order")
    func diagnosesInFolderOrder() {
        // Twelve copies of the sample diagnosis, each with a problem in its metadata,
        // a module and a step.
        var files = SampleTree.files.filter { !$0.key.hasPrefix("diagnoses/") }
        let names = (1...12).map { "diagnos-\(String(format: "%02d", $0))" }
        for name in names {
            for (path, text) in SampleTree.files where path.hasPrefix("diagnoses/brostcancer/") {
                files[path.replacingOccurrences(of: "diagnoses/brostcancer/", with: "diagnoses/\(name)/")] = text
                    .replacingOccurrences(of: "active: true", with: "active: kanske")
                    .replacingOccurrences(of: "phases: [utredning]", with: "phases: [utredning]\nokand: 1")
                    .replacingOccurrences(of: "version: \"2025.1\"", with: "version: \"2025.1\"\nokand: 1")
            }
        }
        let lines = SampleTree.check(files).filter { $0.contains("error") }
        let order = lines.compactMap { line in names.firstIndex { line.contains("diagnoses/\($0)/") } }
        #expect(lines.count >= 3 * names.count, "\(lines)")
        #expect(order.count == lines.count)
        #expect(order == order.sorted(), "\(lines)")
        // And the same lines as one diagnosis alone gives, for each.
        let one = SampleTree.check(files.filter { !$0.key.hasPrefix("diagnoses/") || $0.key.hasPrefix("diagnoses/diagnos-01/") })
            .filter { $0.contains("error") }
        #expect(lines.filter { $0.contains("diagnoses/diagnos-01/") } == one)
    }

    @Test("a diagnosis's modules are built on every core; their problems are added in folder order")
    func modulesInFolderOrder() {
        // Twelve copies of the sample module in one diagnosis (steps renamed so that
        // ids stay unique), each with a problem in its metadata and in a step.
        var files = SampleTree.files.filter { !$0.key.hasPrefix("diagnoses/brostcancer/04-utredning/") }
        let numbers = Array(1...12)
        let folder = { (n: Int) in String(format: "%02d-modul-%d", n, n) }
        for n in numbers {
            for (path, text) in SampleTree.files where path.hasPrefix("diagnoses/brostcancer/04-utredning/") {
                let copy = path.replacingOccurrences(of: "/04-utredning/", with: "/\(folder(n))/")
                    .replacingOccurrences(of: "/01-mammografi.md", with: "/01-mammografi-\(n).md")
                    .replacingOccurrences(of: "/02-mr.md", with: "/02-mr-\(n).md")
                files[copy] = text
                    .replacingOccurrences(of: "active: true", with: "active: kanske")
                    .replacingOccurrences(of: "phases: [utredning]", with: "phases: [utredning]\nokand: 1")
                    .replacingOccurrences(of: "(steg:mr)", with: "(steg:mr-\(n))")
            }
        }
        // In the order they were added, not as printed (the formatter sorts by place).
        let result = ContentPipeline.run(fileSystem: InMemoryFileSystem(files), displayRoot: "content", today: SampleTree.today)
        let paths = result.diagnostics.all.filter { $0.severity == .error }.compactMap { $0.location?.path }
        let order = paths.compactMap { path in numbers.first { path.contains("/\(folder($0))/") } }
        #expect(paths.count == 2 * numbers.count, "\(paths)")
        #expect(order.count == paths.count)
        #expect(order == order.sorted(), "\(paths)")
        #expect(result.model?.diagnoses.first?.modules.filter { !$0.isGeneral }.map(\.id) == numbers.map { "modul-\($0)" })
    }

    @Test("reordering a folder keeps its id; an explicit id and aliases win")
    func reorderingKeepsIDs() throws {
        var files: [String: String] = [:]
        for (path, text) in SampleTree.files {
            files[path.replacingOccurrences(of: "04-utredning", with: "11-utredning")] = text
        }
        files["diagnoses/brostcancer/11-utredning/01-rontgen/02-mr.md"] =
            "---\ntitle: MR\nid: magnetkamera\naliases: [mr]\n---\n\nText.\n"
        files["diagnoses/brostcancer/11-utredning/01-rontgen/01-mammografi.md"] =
            "---\ntitle: Mammografi\n---\n\nSe [MR](steg:mr).\n"
        let model = try #require(SampleTree.model(files))
        let diagnosis = try #require(model.diagnosis(withID: "brostcancer"))
        #expect(diagnosis.modules.map(\.id) == ["mina-rattigheter", "utredning"])
        #expect(diagnosis.steps.map(\.id) == ["patientlagen", "mammografi", "magnetkamera"])
        #expect(diagnosis.steps.last?.aliases == ["mr"])
        #expect(SampleTree.check(files) == [])
    }

    @Test("an explicit order key overrides the name prefix")
    func explicitOrder() throws {
        let files = SampleTree.with([
            "diagnoses/brostcancer/04-utredning/_module.md": "---\ntitle: Utredning\norder: 20\n---\n",
        ])
        let diagnosis = try #require(SampleTree.model(files)?.diagnoses.first)
        #expect(diagnosis.modules.map(\.id) == ["mina-rattigheter", "utredning"])
    }

    @Test("general_modules chooses which general modules a diagnosis includes")
    func generalModulesSelection() throws {
        let text = SampleTree.files["diagnoses/brostcancer/_diagnosis.md"]!
            .replacingOccurrences(of: "summary:", with: "general_modules: []\nsummary:")
        let diagnosis = try #require(SampleTree.model(SampleTree.with(["diagnoses/brostcancer/_diagnosis.md": text]))?.diagnoses.first)
        #expect(diagnosis.modules.map(\.id) == ["utredning"])

        let typo = text.replacingOccurrences(of: "general_modules: []", with: "general_modules: [mina-rattighete]")
        #expect(SampleTree.check(SampleTree.with(["diagnoses/brostcancer/_diagnosis.md": typo])) == [
            "content/diagnoses/brostcancer/_diagnosis.md:7:19: error: there is no general module 'mina-rattighete' in 'general/'; did you mean 'mina-rattigheter'?",
        ])
    }

    @Test("a name that gives no valid id asks for an ASCII name")
    func invalidName() {
        let tree = SampleTree.with([
            "diagnoses/brostcancer/04-utredning/01-rontgen/03-röntgen.md": "---\ntitle: Röntgen\n---\n\nText.\n",
        ])
        #expect(SampleTree.check(tree) == [
            "content/diagnoses/brostcancer/04-utredning/01-rontgen/03-röntgen.md:1:1: error: the name '03-röntgen' does not give a valid id; rename it to 'rontgen' (a-z, digits and dashes; å, ä → a, ö → o) or set 'id:'",
        ])
    }

    @Test("translations are found beside their step and checked")
    func translations() throws {
        let files = SampleTree.with([
            "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.en.md": "---\ntitle: Mammography\nsource_hash: dbc32e05\n---\n\nText.\n",
        ])
        let diagnosis = try #require(SampleTree.model(files)?.diagnoses.first)
        #expect(diagnosis.steps.first?.translationLanguages == ["en"])
        #expect(SampleTree.check(files) == [])

        let unknown = SampleTree.with([
            "diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.de.md": "---\ntitle: Mammographie\n---\n\nText.\n",
        ])
        #expect(SampleTree.check(unknown) == [
            "content/diagnoses/brostcancer/04-utredning/01-rontgen/01-mammografi.de.md:1:1: error: 'de' is not a translation language of this site; add it to 'languages' in site.yaml or rename the file",
        ])
    }

    @Test("the summary counts diagnoses, modules, sections, steps and words")
    func summary() throws {
        let summary = ContentSummary(try #require(SampleTree.model()))
        #expect(summary.line == "1 diagnosis, 2 modules, 2 sections, 3 steps, 25 words")
    }
}

@Suite("Dates")
struct SimpleDateTests {
    @Test("only dates that exist parse", arguments: [
        ("2024-02-29", true), ("2025-02-29", false), ("2025-02-30", false), ("2025-04-31", false),
        ("2025-12-31", true), ("2025-13-01", false), ("2025-1-01", false), ("25-01-01", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((SimpleDate(parsing: text) != nil) == valid)
    }

    @Test("day numbers round-trip and count days")
    func dayNumbers() throws {
        let start = try #require(SimpleDate(parsing: "2024-11-23"))
        #expect(SimpleDate(dayNumber: start.dayNumber) == start)
        #expect(start.adding(days: 730) == SimpleDate(parsing: "2026-11-23"))
        #expect(SimpleDate(parsing: "1970-01-01")?.dayNumber == 0)
    }
}

@Suite("Ids")
struct ContentIDTests {
    @Test("names give ids", arguments: [
        ("04-utredning", "utredning"), ("02-magnetkameraundersokning-mr.md", "magnetkameraundersokning-mr"),
        ("patientlagen.md", "patientlagen"), ("2025-plan", "plan"), ("3d-bilder", "3d-bilder"),
    ])
    func fromName(name: String, id: String) {
        #expect(ContentID.fromName(name) == id)
    }

    @Test("names and ids on bytes answer as the rules on characters do, for every kind of name")
    func bytesAgreeWithCharacters() {
        // The rules as first written, on `Character`s: the reference.
        func prefix(_ name: String) -> (Int, Substring)? {
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 6, name.dropFirst(digits.count).first == "-",
                  name.count > digits.count + 1, let value = Int(digits) else { return nil }
            return (value, digits)
        }
        func id(_ name: String) -> String {
            var base = Substring(name)
            if base.hasSuffix(".md") { base = base.dropLast(3) }
            if let found = prefix(String(base)) { base = base.dropFirst(String(found.1).count + 1) }
            return String(base)
        }
        func valid(_ id: String) -> Bool {
            guard !id.isEmpty, id.first != "-", id.last != "-", !id.contains("--") else { return false }
            return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        }
        var names = ["", "-", "--", "0", "03", "03-", "03-.md", "03-x", "0000001-x", "000001-x", "1-2-3", "a--b", "a-",
                     "-a", ".md", "x.md", "x.MD", "03-x.md", "03-.md.md", "3d-bilder", "é", "03-é.md", "0\u{301}3-x",
                     "03-\u{301}x", "\u{600}.md", "a\r\n-b", "03-\r\n", "plan", "z9-9z"]
        let alphabet: [String] = ["0", "3", "9", "-", "a", "z", ".", "m", "d", "é", "\r\n", "\u{301}", "A", "_"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            names.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
        for name in names {
            #expect(ContentID.fromName(name) == id(name), "\(name.debugDescription)")
            #expect(ContentID.orderPrefix(of: name)?.value == prefix(name)?.0, "\(name.debugDescription)")
            #expect(ContentID.orderPrefix(of: name)?.digits == prefix(name)?.1, "\(name.debugDescription)")
            #expect(ContentID.isValid(name) == valid(name), "\(name.debugDescription)")
        }
    }

    @Test("suggested ids replace Swedish letters", arguments: [
        ("Röntgen och MR", "rontgen-och-mr"), ("Ärftlighet", "arftlighet"), ("Å!", "a"),
    ])
    func suggestion(text: String, id: String) {
        #expect(ContentID.suggestion(for: text) == id)
        #expect(ContentID.isValid(id))
    }
}
