import VardplanDiagnostics
import VardplanFrontMatter
import VardplanTemplates

/// The fixed words of the templates in each language, read from
/// `templates/strings/<language>.yaml` (flat `key: text` pairs). Templates reach them
/// as `{{t.key}}`; a key a language lacks falls back to the reference language's text
/// (Swedish), and `check`/`build` report it with the key.
public struct InterfaceStrings: Sendable {
    /// One language's strings, and where each is written.
    public struct Table: Sendable {
        public var file: SourceFile
        public var values: [String: String]
        /// Keys in the order they are written.
        public var keys: [String]
    }

    /// Tables by language code.
    public var tables: [String: Table]
    /// Where the strings files live, for messages about a missing one.
    public var folder: String

    public init(tables: [String: Table] = [:], folder: String = "templates/strings") {
        self.tables = tables
        self.folder = folder
    }

    /// Reads one strings file. Diagnostics: those of `YAMLParser`; a value that is not
    /// text; a file that is not a mapping.
    public static func readTable(_ file: SourceFile, diagnostics: inout Diagnostics) -> Table {
        var table = Table(file: file, values: [:], keys: [])
        guard let node = YAMLParser.parse(file, diagnostics: &diagnostics) else { return table }
        guard let pairs = node.mapping else {
            if !node.isNull {
                diagnostics.append(.stringsFileNotMapping(found: node.kindName, at: node.location))
            }
            return table
        }
        for pair in pairs {
            guard let text = pair.value.string, pair.value.scalar?.isNull == false else {
                diagnostics.append(.stringNotText(pair.key, at: pair.value.location))
                continue
            }
            if table.values[pair.key] == nil { table.keys.append(pair.key) }
            table.values[pair.key] = text
        }
        return table
    }

    /// The `t` object for templates in `language`: every key of the reference
    /// language, in `language` where it has it.
    public func values(for language: String, reference: String) -> TemplateValue {
        var result: TemplateObject = [:]
        for (key, text) in tables[reference]?.values ?? [:] { result[key] = .text(text) }
        if language != reference {
            for (key, text) in tables[language]?.values ?? [:] { result[key] = .text(text) }
        }
        return .object(result)
    }

    /// One string in `language`, falling back to `reference`, then to the key.
    public func text(_ key: String, language: String, reference: String) -> String {
        tables[language]?.values[key] ?? tables[reference]?.values[key] ?? key
    }

    /// Reports a site language without a strings file, and each key of the reference
    /// language that another language lacks (a warning: the reference text is shown),
    /// at the end of that language's file, naming the key.
    public func check(languages: [String], reference: String, diagnostics: inout Diagnostics) {
        guard let referenceTable = tables[reference] else {
            diagnostics.append(.stringsFileMissing(reference: reference, folder: folder))
            return
        }
        for language in languages where language != reference {
            guard let table = tables[language] else {
                diagnostics.append(.stringsFileMissing(language: language, reference: reference,
                                                       keyCount: referenceTable.keys.count, folder: folder))
                continue
            }
            let lastLine = max(1, table.file.lineCount)
            for key in referenceTable.keys where table.values[key] == nil {
                diagnostics.append(.stringMissing(key, language: language, reference: reference,
                                                  referenceText: referenceTable.values[key]!,
                                                  at: table.file.location(line: lastLine, column: 1)))
            }
            for key in table.keys where referenceTable.values[key] == nil {
                let hint = NameSuggester.didYouMean(key, among: referenceTable.keys)
                diagnostics.append(.stringUnknown(key, suggestion: hint, at: table.file.location(line: 1, column: 1)))
            }
        }
    }
}
