// swift-tools-version:6.0
import PackageDescription

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
        // The pipeline: content → front matter → model → manifest → render → write.
        .target(name: "VardplanCore", dependencies: ["Ccmark"]),
        // The thin command-line interface over the core.
        .executableTarget(name: "vardplan", dependencies: ["VardplanCore"]),
        .testTarget(name: "VardplanCoreTests", dependencies: ["VardplanCore"], exclude: ["Fixtures"]),
    ]
)
