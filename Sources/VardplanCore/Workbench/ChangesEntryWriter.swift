/// Adds a `changes:` entry to the front matter of a `_diagnosis.md`, keeping every
/// other byte of the file as it is.
public enum ChangesEntryWriter {
    /// Why the entry cannot be added; the user pastes the printed entry instead.
    public enum Problem: Error, Equatable, Sendable {
        case noFrontMatter
        case versionAlreadyListed(String)
        case unusualChangesList

        public var message: String {
            switch self {
            case .noFrontMatter:
                return "the file has no front matter between '---' lines"
            case .versionAlreadyListed(let version):
                return "'changes' already has an entry for version '\(version)'; edit it by hand"
            case .unusualChangesList:
                return "'changes' is not written as an indented list of '- version:' entries; add the entry by hand"
            }
        }
    }

    /// The file's text with `change` added as the first item of `changes:` (which is
    /// created at the end of the front matter when missing).
    public static func insert(_ change: ContentChange, into text: String) throws(Problem) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingTrailingSpaces == "---",
              let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" }) else {
            throw .noFrontMatter
        }
        if let key = (1..<end).first(where: { lines[$0].hasPrefix("changes:") }) {
            let rest = lines[key].dropFirst("changes:".count).split(separator: "#", maxSplits: 1).first ?? ""
            guard rest.allSatisfy({ $0 == " " }) else { throw .unusualChangesList }
            for line in lines[(key + 1)..<end] {
                let trimmed = line.drop { $0 == " " || $0 == "-" }
                if trimmed.hasPrefix("version:"),
                   trimmed.dropFirst("version:".count).contains(where: { _ in true }),
                   unquoted(String(trimmed.dropFirst("version:".count))) == change.version {
                    throw .versionAlreadyListed(change.version)
                }
            }
            let next = key + 1 < end ? lines[key + 1] : ""
            let indent = next.prefix { $0 == " " }.count
            guard key + 1 == end || next.dropFirst(indent).hasPrefix("- ") else { throw .unusualChangesList }
            lines.insert(ContentDiffFormatter.changesEntry(change, indent: indent), at: key + 1)
        } else {
            lines.insert("changes:\n" + ContentDiffFormatter.changesEntry(change, indent: 2), at: end)
        }
        return lines.joined(separator: "\n")
    }

    private static func unquoted(_ value: String) -> String {
        var text = Substring(value.split(separator: "#", maxSplits: 1).first ?? "")
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            text = text.dropFirst().dropLast()
        }
        return String(text)
    }
}

private extension String {
    var trimmingTrailingSpaces: Substring {
        var text = Substring(self)
        while text.last == " " || text.last == "\r" { text = text.dropLast() }
        return text
    }
}
