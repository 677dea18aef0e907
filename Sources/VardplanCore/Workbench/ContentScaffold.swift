/// What `vardplan new` writes: a step file, or a section or module folder with its
/// metadata file, named with the next free order prefix among its siblings.
public enum ContentScaffold {
    /// The level of the new item.
    public enum Kind: String, Sendable, CaseIterable {
        case step, section, module
    }

    /// A file to create, relative to the parent folder.
    public struct Plan: Equatable, Sendable {
        /// `03-mammografi.md` or `03-mammografi/_section.md`.
        public var relativePath: String
        /// The folder to create first (sections and modules), relative to the parent.
        public var folder: String?
        public var text: String
    }

    /// A reason the item cannot be made, in words for the user.
    public enum Problem: Error, Equatable, Sendable {
        case invalidName(String, suggestion: String)
        case emptyTitle
        case exists(String)

        public var message: String {
            switch self {
            case .invalidName(let name, let suggestion):
                return "'\(name)' is not a valid id; use lower-case a-z, digits and dashes, for example '\(suggestion)'"
            case .emptyTitle:
                return "the title is empty; give the title in quotes, for example \"Mammografi\""
            case .exists(let name):
                return "'\(name)' already exists; choose another name"
            }
        }
    }

    /// Plans the new item `name` (an id, optionally with its own order prefix `05-`)
    /// among `siblings` (the names already in the parent folder).
    public static func plan(kind: Kind, name: String, title: String, siblings: [String]) throws(Problem) -> Plan {
        let trimmedTitle = String(title.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        guard !trimmedTitle.isEmpty else { throw .emptyTitle }
        let id = ContentID.fromName(name)
        guard ContentID.isValid(id) else {
            throw .invalidName(name, suggestion: ContentID.suggestion(for: name))
        }
        let takenIDs = Set(siblings.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.map { ContentID.fromName($0) })
        guard !takenIDs.contains(id) else { throw .exists(id) }
        let base = ContentID.orderPrefix(of: name) != nil ? name : "\(nextPrefix(siblings))-\(id)"
        switch kind {
        case .step:
            return Plan(relativePath: base + ".md", folder: nil,
                        text: "---\ntitle: \(quoted(trimmedTitle))\n---\n\nSkriv stegets text här.\n")
        case .section:
            return Plan(relativePath: base + "/_section.md", folder: base,
                        text: "---\ntitle: \(quoted(trimmedTitle))\n---\n")
        case .module:
            return Plan(relativePath: base + "/_module.md", folder: base,
                        text: "---\ntitle: \(quoted(trimmedTitle))\nactive: false\nsummary: \(quoted("Skriv en mening om modulen."))\n---\n")
        }
    }

    /// One more than the largest order prefix among `siblings`, two digits wide: `01` in an empty folder.
    public static func nextPrefix(_ siblings: [String]) -> String {
        let largest = siblings.compactMap { ContentID.orderPrefix(of: $0)?.value }.max() ?? 0
        let next = largest + 1
        return next < 10 ? "0\(next)" : "\(next)"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r", "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
