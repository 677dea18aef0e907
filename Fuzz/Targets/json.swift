@testable import VardplanCore
@testable import VardplanFrontMatter
@testable import VardplanDiagnostics

// Fuzz target `json`: the JSON reader of manifests (`formular.json`), as `ManifestReader`
// calls it.

func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    let file = fuzzSourceFile(data, size, path: "fuzz.json")
    var diagnostics = Diagnostics()
    _ = JSONParser.parse(file, diagnostics: &diagnostics)
    checkDiagnostics(diagnostics, in: file)
}
