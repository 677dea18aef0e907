@testable import VardplanCore
@testable import VardplanFrontMatter
@testable import VardplanDiagnostics

// Fuzz target `yaml`: the YAML subset of front matter, site.yaml and YAML manifests,
// parsed the way `ModelBuilder` and `ManifestReader` parse a whole file.

func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    let file = fuzzSourceFile(data, size, path: "fuzz.yaml")
    var diagnostics = Diagnostics()
    _ = YAMLParser.parse(file, range: 0..<file.bytes.count, diagnostics: &diagnostics)
    checkDiagnostics(diagnostics, in: file)
}
