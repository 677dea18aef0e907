import Foundation

/// The diagnostic codes as the sources write them: every `DiagnosticCode("VPnnn")`
/// in Sources/, with the file and line it is written on. Read from the files, so a
/// test can check what the compiler cannot (two names for one number).
enum DeclaredDiagnosticCodes {
    struct Use: Hashable, CustomStringConvertible {
        var code: String
        /// The path from the package root.
        var path: String
        var line: Int
        /// The line as written, trimmed.
        var text: String

        var description: String { "\(path):\(line): \(text)" }
    }

    /// Every `DiagnosticCode("…")` written in a Swift file under Sources/, in path order.
    static let all: [Use] = {
        let sources = Fixtures.packageRoot + "/Sources"
        let manager = FileManager.default
        let paths = (manager.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }
            .sorted()
        let pattern = try! NSRegularExpression(pattern: #"DiagnosticCode\("([^"]*)"\)"#)
        var result: [Use] = []
        for path in paths {
            guard let text = try? String(contentsOfFile: sources + "/" + path, encoding: .utf8) else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                let range = NSRange(line.startIndex..., in: line)
                for match in pattern.matches(in: line, range: range) {
                    guard let code = Range(match.range(at: 1), in: line).map({ String(line[$0]) }) else { continue }
                    result.append(Use(code: code, path: "Sources/" + path, line: index + 1,
                                      text: line.trimmingCharacters(in: .whitespaces)))
                }
            }
        }
        return result
    }()

    /// The codes declared in a range, such as `"VP5"` for VP500–VP599.
    static func codes(withPrefix prefix: String) -> Set<String> {
        Set(all.map(\.code).filter { $0.hasPrefix(prefix) })
    }
}
