import Foundation
import Testing

/// docs/diagnostics.md is the documented list of codes; this keeps it honest against
/// the sources.
@Suite("The documented list of diagnostic codes")
struct DiagnosticCodeListTests {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // VardplanDiagnosticsTests
        url.deleteLastPathComponent()  // Tests
        return url.deletingLastPathComponent().path
    }()

    /// Every `DiagnosticCode("VPnnn")` in Sources, with the file that declares it.
    static func declaredCodes() -> [(code: String, file: String)] {
        let sources = packageRoot + "/Sources"
        var found: [(String, String)] = []
        let pattern = try! NSRegularExpression(pattern: #"DiagnosticCode\("(VP[0-9]{3})"\)"#)
        let enumerator = FileManager.default.enumerator(atPath: sources)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"), let data = FileManager.default.contents(atPath: sources + "/" + path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.append((String(text[Range(match.range(at: 1), in: text)!]), path))
            }
        }
        return found
    }

    /// Every table row of docs/diagnostics.md that starts with a code: code, meaning, example.
    static func listedCodes() -> [(code: String, meaning: String, example: String)] {
        guard let data = FileManager.default.contents(atPath: packageRoot + "/docs/diagnostics.md") else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| VP") else { return nil }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { return (cells.first ?? "", "", "") }
            return (cells[0], cells[1], cells.dropFirst(2).joined(separator: "|"))
        }
    }

    @Test("the sources declare codes, and the docs list them")
    func bothFound() {
        #expect(!Self.declaredCodes().isEmpty, "no DiagnosticCode(\"VPnnn\") found under \(Self.packageRoot)/Sources")
        #expect(!Self.listedCodes().isEmpty, "no code rows found in docs/diagnostics.md")
    }

    @Test("every code is declared once in the sources")
    func declaredOnce() {
        let declared = Dictionary(grouping: Self.declaredCodes(), by: \.code)
        for (code, places) in declared.sorted(by: { $0.key < $1.key }) where places.count > 1 {
            Issue.record("\(code) is declared \(places.count) times: \(places.map(\.file).joined(separator: ", "))")
        }
    }

    @Test("every declared code is listed once in docs/diagnostics.md, with a meaning and an example as printed")
    func listedOnce() {
        let listed = Dictionary(grouping: Self.listedCodes(), by: \.code)
        for code in Set(Self.declaredCodes().map(\.code)).sorted() {
            guard let rows = listed[code] else {
                Issue.record("\(code) is declared but not listed in docs/diagnostics.md")
                continue
            }
            #expect(rows.count == 1, "\(code) is listed \(rows.count) times in docs/diagnostics.md")
            for row in rows {
                #expect(!row.meaning.isEmpty, "\(code) has no meaning in docs/diagnostics.md")
                #expect(row.example.contains("error: ") || row.example.contains("warning: "),
                        "\(code)'s example in docs/diagnostics.md is not a message as printed: \(row.example)")
            }
        }
    }

    @Test("every listed code is declared in the sources, and listed in its range's section")
    func listedAreDeclared() {
        let declared = Set(Self.declaredCodes().map(\.code))
        for row in Self.listedCodes() {
            #expect(row.code.count == 5 && row.code.dropFirst(2).allSatisfy(\.isNumber), "'\(row.code)' is not a code (VP and three digits)")
            #expect(declared.contains(row.code), "\(row.code) is listed in docs/diagnostics.md but declared nowhere in Sources")
        }
        // Each row sits under the `## VPnxx` heading of its hundred.
        guard let data = FileManager.default.contents(atPath: Self.packageRoot + "/docs/diagnostics.md") else { return }
        var section = ""
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("## VP") { section = String(line.dropFirst(5).prefix(1)) }
            if line.hasPrefix("| VP") {
                let hundred = String(line.dropFirst(4).prefix(1))
                #expect(hundred == section, "\(line.prefix(7)) is listed under the VP\(section)xx section")
            }
        }
    }
}
