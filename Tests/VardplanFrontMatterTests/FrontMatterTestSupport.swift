@testable import VardplanFrontMatter
import VardplanDiagnostics

/// Helpers shared by the front matter tests.
enum FrontMatterTestSupport {
    static let path = "content/steg.md"

    static func yaml(_ text: String) -> (YAMLNode?, Diagnostics) {
        yaml(bytes: Array(text.utf8))
    }

    static func yaml(bytes: [UInt8], range: Range<Int>? = nil) -> (YAMLNode?, Diagnostics) {
        var diagnostics = Diagnostics()
        let node = YAMLParser.parse(SourceFile(path: path, bytes: bytes), range: range, diagnostics: &diagnostics)
        return (node, diagnostics)
    }

    static func json(_ text: String) -> (YAMLNode?, Diagnostics) {
        var diagnostics = Diagnostics()
        let node = JSONParser.parse(SourceFile(path: path, text: text), diagnostics: &diagnostics)
        return (node, diagnostics)
    }

    /// A tree written compactly with every position, e.g.
    /// `{title@1:1: "Hej"@1:8, tags@2:1: ["a"@2:8]@2:7}@1:1`. Scalars are `"text"` with a style
    /// prefix: none for plain, `s` single-quoted, `d` double-quoted, `|` literal, `>` folded.
    static func dump(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.location.position)"
        switch node.kind {
        case .scalar(let scalar):
            let prefix: String
            switch scalar.style {
            case .plain: prefix = ""
            case .singleQuoted: prefix = "s"
            case .doubleQuoted: prefix = "d"
            case .literal: prefix = "|"
            case .folded: prefix = ">"
            }
            return "\(prefix)\"\(escape(scalar.text))\"\(at)"
        case .sequence(let items):
            return "[\(items.map { dump($0) }.joined(separator: ", "))]\(at)"
        case .mapping(let pairs):
            let shown = pairs.map { "\($0.key)@\($0.keyLocation.position): \(dump($0.value))" }
            return "{\(shown.joined(separator: ", "))}\(at)"
        }
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The diagnostics as `line:column: message` lines (path dropped), notes indented.
    static func describe(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.all.flatMap { diagnostic in
            ["\(diagnostic.location?.position.description ?? "-"): \(diagnostic.message)"]
                + diagnostic.notes.map { "  note \($0.location?.position.description ?? "-"): \($0.message)" }
        }
    }
}
