import Testing

/// Every diagnostic code is written once in the sources, as the value of one named
/// constant (`static let … = DiagnosticCode("VPnnn")`), so one number never stands
/// for two kinds of problem and every call site uses a name.
@Suite("Diagnostic codes: each number declared once")
struct DiagnosticCodeDeclarationTests {
    @Test("the sources declare codes at all (the scan finds the files)")
    func scanFindsCodes() {
        #expect(DeclaredDiagnosticCodes.all.count > 50)
    }

    @Test("every code is VP and three digits")
    func codeShape() {
        let malformed = DeclaredDiagnosticCodes.all.filter { use in
            use.code.count != 5 || !use.code.hasPrefix("VP") || !use.code.dropFirst(2).allSatisfy(\.isASCII)
                || !use.code.dropFirst(2).allSatisfy(\.isNumber)
        }
        #expect(malformed.isEmpty, "\(malformed)")
    }

    @Test("a code is written only as a named constant, never inline at a call site")
    func onlyNamedConstants() {
        let inline = DeclaredDiagnosticCodes.all.filter { !($0.text.contains("static let ") && $0.text.contains(" = DiagnosticCode(")) }
        #expect(inline.isEmpty, "\(inline)")
    }

    @Test("no two constants declare the same code")
    func noNumberTwice() {
        let byCode = Dictionary(grouping: DeclaredDiagnosticCodes.all, by: \.code)
        let twice = byCode.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        #expect(twice.isEmpty, "\(twice.map { "\($0.key): \($0.value)" })")
    }
}
