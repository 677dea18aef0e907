import Foundation
import Testing
@testable import VardplanCore
import VardplanDiagnostics

/// Paths to the test fixtures and the project's own folders, found from this file.
enum Fixtures {
    /// `Tests/VardplanCoreTests/Fixtures`.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // Support
        url.deleteLastPathComponent()  // VardplanCoreTests
        return url.appendingPathComponent("Fixtures").path
    }()

    /// The package root (where Package.swift is).
    static let packageRoot: String = {
        URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    static let siteContent = root + "/site"
    /// The fixture site with English and Arabic translations and two regions.
    static let languagesContent = root + "/site-languages"
    static let manifests = root + "/manifests"
    static let golden = root + "/golden"
    static let templates = packageRoot + "/templates"
    static let realContent = packageRoot + "/content"
    /// `../shared/conformance` beside the project, if present.
    static let conformance = packageRoot + "/../shared/conformance"

    static let today = SimpleDate(year: 2026, month: 11, day: 23)!

    static func manifest(_ name: String) -> SourceFile {
        let path = manifests + "/" + name
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        return SourceFile(path: "manifests/" + name, bytes: bytes)
    }

    /// The fixture site checked and modelled.
    static func siteModel() -> ContentPipeline.Result {
        ContentPipeline.run(fileSystem: DiskFileSystem(root: siteContent), displayRoot: "site", today: today)
    }
}

/// Golden-file comparison: whole files, re-recorded with `VARDPLAN_RECORD=1`.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["VARDPLAN_RECORD"] == "1" }

    /// Compares files with the golden folder `name`: the same paths, the same bytes.
    static func check(_ files: [OutputFile], folder name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let folder = Fixtures.golden + "/" + name
        let manager = FileManager.default
        if recording {
            try? manager.removeItem(atPath: folder)
            for file in files {
                let path = folder + "/" + file.path
                try? manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                manager.createFile(atPath: path, contents: Data(file.bytes))
            }
            return
        }
        var expected: [String] = []
        if let enumerator = manager.enumerator(atPath: folder) {
            while let path = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    expected.append(path)
                }
            }
        }
        #expect(files.map(\.path).sorted() == expected.sorted(),
                "the set of files differs from \(name); run with VARDPLAN_RECORD=1 to re-record", sourceLocation: sourceLocation)
        for file in files {
            let golden = manager.contents(atPath: folder + "/" + file.path).map { String(decoding: $0, as: UTF8.self) }
            let actual = String(decoding: file.bytes, as: UTF8.self)
            #expect(actual == golden, "\(name)/\(file.path) differs from its golden file", sourceLocation: sourceLocation)
        }
    }
}
