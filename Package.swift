// swift-tools-version:6.0
import PackageDescription

// The pipeline's layers as targets, so the compiler enforces them:
//
//   VardplanDiagnostics   positions, source files, diagnostics with codes (no dependencies)
//   VardplanHTML          escaping text into HTML (no dependencies)
//   VardplanSystem        POSIX file access and parallel map (no dependencies)
//   VardplanCore          content → front matter → model → manifest → render → write
//   vardplan              the thin command-line interface
let package = Package(
    name: "vardplan",
    products: [
        .executable(name: "vardplan", targets: ["vardplan"]),
        .library(name: "VardplanCore", targets: ["VardplanCore"]),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "VardplanDiagnostics"),
        .target(name: "VardplanHTML"),
        .target(name: "VardplanSystem"),
        .target(name: "VardplanCore", dependencies: ["VardplanDiagnostics", "VardplanHTML", "VardplanSystem", "Ccmark"]),
        .executableTarget(name: "vardplan", dependencies: ["VardplanCore", "VardplanDiagnostics", "VardplanSystem"]),
        .testTarget(name: "VardplanDiagnosticsTests", dependencies: ["VardplanDiagnostics"]),
        .testTarget(name: "VardplanCoreTests", dependencies: ["VardplanCore", "VardplanDiagnostics", "VardplanHTML", "VardplanSystem"], exclude: ["Fixtures"]),
    ]
)
