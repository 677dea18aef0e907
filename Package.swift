// swift-tools-version:6.0
import PackageDescription

// The pipeline's layers as targets, so the compiler enforces them:
//
//   VardplanDiagnostics   positions, source files, diagnostics with codes (no dependencies)
//   VardplanHTML          escaping text into HTML (no dependencies)
//   VardplanSystem        POSIX file access and parallel map (no dependencies)
//   CSystemCalls          system calls Swift's Glibc module lacks (renameat2), header-only
//   VardplanFrontMatter   the front matter grammars: the `---` fences, the YAML subset, JSON
//   VardplanMarkdown      Markdown bodies: libcmark + our extensions → Swift values → HTML
//                         (the only target that links libcmark)
//   VardplanTemplates     the Mustache template engine (diagnostics, HTML)
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
        // System calls Swift's Glibc module does not declare (renameat2), header-only.
        .systemLibrary(name: "CSystemCalls"),
        .target(name: "VardplanDiagnostics"),
        .target(name: "VardplanHTML"),
        .target(name: "VardplanSystem"),
        .target(name: "VardplanFrontMatter", dependencies: ["VardplanDiagnostics"]),
        .target(name: "VardplanMarkdown", dependencies: ["VardplanDiagnostics", "VardplanHTML", "Ccmark"]),
        .target(name: "VardplanTemplates", dependencies: ["VardplanDiagnostics", "VardplanHTML"]),
        .target(name: "VardplanCore",
                dependencies: ["VardplanDiagnostics", "VardplanHTML", "VardplanSystem", "VardplanFrontMatter", "VardplanMarkdown", "VardplanTemplates",
                               "CSystemCalls"]),
        .executableTarget(name: "vardplan", dependencies: ["VardplanCore", "VardplanDiagnostics", "VardplanSystem", "VardplanMarkdown"]),
        .testTarget(name: "VardplanDiagnosticsTests", dependencies: ["VardplanDiagnostics"]),
        .testTarget(name: "VardplanFrontMatterTests", dependencies: ["VardplanFrontMatter", "VardplanDiagnostics"]),
        .testTarget(name: "VardplanMarkdownTests", dependencies: ["VardplanMarkdown", "VardplanDiagnostics", "VardplanHTML"]),
        .testTarget(name: "VardplanTemplatesTests", dependencies: ["VardplanTemplates", "VardplanDiagnostics", "VardplanHTML"]),
        .testTarget(name: "VardplanCoreTests",
                    dependencies: ["VardplanCore", "VardplanDiagnostics", "VardplanHTML", "VardplanSystem", "VardplanFrontMatter", "VardplanMarkdown", "VardplanTemplates"],
                    exclude: ["Fixtures"]),
    ]
)
