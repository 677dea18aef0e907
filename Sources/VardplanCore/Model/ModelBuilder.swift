import VardplanDiagnostics
import VardplanSystem
import VardplanFrontMatter

/// Builds the `SiteModel` from a loaded `ContentTree`: parses every file (in parallel),
/// reads and checks front matter, assigns ids and order, includes general modules.
///
/// Diagnostics: everything the file parsers report, plus missing required key, wrong
/// type, unknown key, invalid or duplicate id (with a note at the first), impossible
/// date, review date passed (warning), empty step body, empty module or section,
/// unknown general module, unknown phase, translation in an unknown language.
public struct ModelBuilder: Sendable {
    /// The date review dates are compared with.
    public let today: SimpleDate
    /// False to skip counting words (they only feed the summary).
    public let countsWords: Bool
    /// True when the tree holds only some diagnoses (a printout loads one): a regional
    /// file about a diagnosis, step or section not loaded is skipped, not an error.
    public var partialContent = false

    static let siteKeys = ["title", "language", "languages", "base_url", "phases", "rtl_languages", "readability"]
    static let diagnosisKeys = ["title", "version", "approved", "next_review", "publisher", "summary",
                                "general_modules", "changes", "id", "aliases"]
    static let moduleKeys = ["title", "order", "active", "kind", "summary", "id", "aliases"]
    static let sectionKeys = ["title", "order", "id", "aliases"]
    static let stepKeys = ["title", "order", "visible", "phases", "id", "aliases"]
    static let translationKeys = ["title", "source_hash"]
    static let metadataTranslationKeys = ["title", "summary", "source_hash"]

    /// Step bodies are left unparsed (empty): the stages after it parse the bodies
    /// they check or show (`Step.parseBody`, `DiagnosisPass`).
    public init(today: SimpleDate, countsWords: Bool = true) {
        self.today = today
        self.countsWords = countsWords
    }

    /// Builds the model; returns nil only when nothing usable was found (no site).
    public func build(_ tree: ContentTree, diagnostics: inout Diagnostics) -> SiteModel? {
        let config = tree.site.map { readSite($0, diagnostics: &diagnostics) }
            ?? SiteConfig(title: "Min vårdplan", language: "sv", languages: ["sv"], baseURL: nil,
                          phases: SiteConfig.defaultPhases)
        let parsed = parseAll(tree, language: config.language)
        // In path order; only files with something to say are sorted (sorting them all
        // moved every parsed file about only to append nothing).
        for file in parsed.values.filter({ !$0.diagnostics.isEmpty })
            .sorted(by: { $0.source.relativePath < $1.source.relativePath }) {
            diagnostics.append(contentsOf: file.diagnostics)
        }
        let context = Context(config: config, parsed: parsed,
                              images: Dictionary(tree.images.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first }))
        let general = buildModules(tree.generalModules, isGeneral: true, context: context, diagnostics: &diagnostics)
        checkUnique(general.map { ($0.id, $0.aliases, $0.location) }, in: .generalModules, diagnostics: &diagnostics)
        let diagnoses = buildEach(tree.diagnoses, diagnostics: &diagnostics) { folder, local in
            buildDiagnosis(folder, general: general, context: context, diagnostics: &local)
        }
        checkUnique(diagnoses.map { ($0.id, $0.aliases, $0.location) }, in: .diagnoses, diagnostics: &diagnostics)
        let regions = buildRegions(tree.regions, diagnoses: diagnoses, context: context, diagnostics: &diagnostics)
        var model = SiteModel(config: config, diagnoses: diagnoses, generalModules: general, regions: regions)
        model.images = context.images
        return model
    }

    /// Builds each folder on every core (each reads the shared context only) and adds
    /// their diagnostics in folder order, as building one after the other gives them;
    /// the folders that build nothing are left out.
    func buildEach<Folder: Sendable, Built: Sendable>(
        _ folders: [Folder], diagnostics: inout Diagnostics,
        _ build: @Sendable (Folder, inout Diagnostics) -> Built?
    ) -> [Built] {
        let built = ParallelMap.map(folders, minimumCount: 2) { folder -> (Built?, Diagnostics) in
            var local = Diagnostics()
            let value = build(folder, &local)
            return (value, local)
        }
        var values: [Built] = []
        values.reserveCapacity(built.count)
        for (value, local) in built {
            diagnostics.append(contentsOf: local)
            if let value { values.append(value) }
        }
        return values
    }

    /// Shared state of one build.
    struct Context: Sendable {
        var config: SiteConfig
        var parsed: [String: ParsedContentFile]
        /// Image files by the path shown in messages.
        var images: [String: ContentImage] = [:]
    }

    private func parseAll(_ tree: ContentTree, language: String) -> [String: ParsedContentFile] {
        let files = tree.allFiles.filter { $0.relativePath != tree.site?.relativePath }
        let results = ContentFileParser.parseAll(files, language: language, countWords: countsWords,
                                                 detached: tree.detachedBodies)
        // The first of a path wins (paths are unique in a tree; a link may list a file twice).
        var byPath: [String: ParsedContentFile] = [:]
        byPath.reserveCapacity(results.count)
        for result in results where byPath[result.source.relativePath] == nil {
            byPath[result.source.relativePath] = result
        }
        return byPath
    }

    // MARK: - site.yaml

    private func readSite(_ file: SourceFile, diagnostics: inout Diagnostics) -> SiteConfig {
        let node = YAMLParser.parse(file, range: 0..<file.bytes.count, diagnostics: &diagnostics)
        let reader = FrontMatterReader(node, file: file, allowedKeys: Self.siteKeys, diagnostics: &diagnostics)
        let title = reader.string("title", required: true, example: "Min vårdplan", diagnostics: &diagnostics) ?? "Min vårdplan"
        let language = reader.string("language", required: true, example: "sv", diagnostics: &diagnostics) ?? "sv"
        var languages = (reader.stringList("languages", diagnostics: &diagnostics) ?? []).map(\.0)
        if !languages.contains(language) { languages.insert(language, at: 0) }
        var baseURL = reader.string("base_url", diagnostics: &diagnostics)
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                diagnostics.append(.baseURLNotAbsolute(url, at: reader.node("base_url")?.location ?? reader.location(of: "base_url")))
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let phases = (reader.stringList("phases", diagnostics: &diagnostics) ?? []).map(\.0)
        var config = SiteConfig(title: title, language: language, languages: languages, baseURL: baseURL,
                                phases: phases.isEmpty ? SiteConfig.defaultPhases : phases)
        for (code, _) in reader.stringList("rtl_languages", diagnostics: &diagnostics) ?? [] where !config.rightToLeft.contains(code) {
            config.rightToLeft.append(code)
        }
        config.readability = readReadability(reader, diagnostics: &diagnostics)
        return config
    }

    // MARK: - Diagnoses

    private func buildDiagnosis(_ folder: DiagnosisFolder, general: [Module], context: Context,
                                diagnostics: inout Diagnostics) -> Diagnosis? {
        guard let metadata = folder.metadata, let parsed = context.parsed[metadata.relativePath] else { return nil }
        let reader = frontMatter(parsed, keys: Self.diagnosisKeys, diagnostics: &diagnostics)
        let (id, aliases) = identity(reader, name: folder.name, diagnostics: &diagnostics)
        let title = reader.string("title", required: true, example: "Bröstcancer", diagnostics: &diagnostics) ?? id
        let version = reader.string("version", required: true, example: "\"2025.1\"", diagnostics: &diagnostics) ?? ""
        let approved = reader.date("approved", required: true, diagnostics: &diagnostics)
        let nextReview = reader.date("next_review", required: true, diagnostics: &diagnostics)
        let publisher = reader.string("publisher", required: true, example: "Regionala cancercentrum i samverkan",
                                      diagnostics: &diagnostics) ?? ""
        let summary = reader.string("summary", required: true, example: "Information till dig som …",
                                    diagnostics: &diagnostics) ?? ""
        if let approved, let nextReview, nextReview <= approved {
            diagnostics.append(.reviewBeforeApproval(nextReview: nextReview, approved: approved,
                                                     at: reader.node("next_review")?.location ?? reader.location(of: "next_review")))
        } else if let nextReview, nextReview < today {
            diagnostics.append(.reviewDatePassed(nextReview, today: today,
                                                 at: reader.node("next_review")?.location ?? reader.location(of: "next_review")))
        }

        var modules = buildModules(folder.modules, isGeneral: false, context: context, diagnostics: &diagnostics)
        let included = includedGeneralModules(reader, general: general, diagnostics: &diagnostics)
        modules.append(contentsOf: included)
        modules.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        if modules.isEmpty {
            diagnostics.append(.diagnosisWithoutModules(id, at: metadata.location(line: 1, column: 1)))
        }
        checkUnique(modules.map { ($0.id, $0.aliases, $0.location) }, in: .modules(diagnosisID: id), diagnostics: &diagnostics)
        checkUnique(modules.flatMap { $0.steps.map { ($0.id, $0.aliases, $0.location) } }, in: .steps(diagnosisID: id),
                    diagnostics: &diagnostics)
        return Diagnosis(
            id: id, aliases: aliases, title: title, version: version,
            approved: approved ?? SimpleDate(dayNumber: 0), nextReview: nextReview ?? SimpleDate(dayNumber: 0),
            publisher: publisher, summary: summary, intro: parsed.bodyIsEmpty ? nil : parsed.body,
            modules: modules, changes: readChanges(reader, diagnostics: &diagnostics),
            location: metadata.location(line: 1, column: 1), sourcePath: metadata.relativePath,
            translations: readTranslations(folder.metadataTranslations, of: parsed, title: title,
                                           keys: Self.metadataTranslationKeys, context: context,
                                           diagnostics: &diagnostics))
    }

    private func includedGeneralModules(_ reader: FrontMatterReader, general: [Module],
                                        diagnostics: inout Diagnostics) -> [Module] {
        guard reader.node("general_modules") != nil else { return general }
        var result: [Module] = []
        for (id, location) in reader.idList("general_modules", diagnostics: &diagnostics) {
            if let module = general.first(where: { $0.id == id || $0.aliases.contains(id) }) {
                if !result.contains(where: { $0.id == module.id }) { result.append(module) }
            } else {
                diagnostics.append(.unknownGeneralModule(id, suggestion: NameSuggester.suggestion(for: id, among: general.map(\.id)),
                                                         at: location))
            }
        }
        return result
    }

    /// `changes:` — a list of `{version, changed: [ids], removed: [ids]}`.
    private func readChanges(_ reader: FrontMatterReader, diagnostics: inout Diagnostics) -> [ContentChange] {
        guard let node = reader.node("changes"), !node.isNull else { return [] }
        guard case .sequence(let items) = node.kind else {
            diagnostics.append(.changesNotAList(at: node.location))
            return []
        }
        var changes: [ContentChange] = []
        for item in items {
            let entry = FrontMatterReader(item, file: reader.file, allowedKeys: ["version", "changed", "removed"],
                                          container: "this change", missingKeysAt: item.location, diagnostics: &diagnostics)
            guard let version = entry.string("version", required: true, example: "\"2025.1\"", diagnostics: &diagnostics) else { continue }
            changes.append(ContentChange(
                version: version,
                changed: entry.idList("changed", diagnostics: &diagnostics).map(\.0),
                removed: entry.idList("removed", diagnostics: &diagnostics).map(\.0)))
        }
        return changes
    }

    // MARK: - Shared readers

    func frontMatter(_ parsed: ParsedContentFile, keys: [String], diagnostics: inout Diagnostics) -> FrontMatterReader {
        if !parsed.hasFrontMatter {
            diagnostics.append(.missingFrontMatter(at: parsed.source.location(line: 1, column: 1)))
        }
        return FrontMatterReader(parsed.frontMatter, file: parsed.source, allowedKeys: keys,
                                 reportsMissingKeys: !parsed.diagnostics.hasErrors, diagnostics: &diagnostics)
    }

    /// The id (from `id:` or the name) and aliases of a file or folder.
    func identity(_ reader: FrontMatterReader, name: String, diagnostics: inout Diagnostics) -> (String, [String]) {
        var id = ContentID.fromName(name)
        if let explicit = reader.string("id", diagnostics: &diagnostics) {
            if ContentID.isValid(explicit) {
                id = explicit
            } else {
                diagnostics.append(.invalidID(explicit, at: reader.node("id")?.location ?? reader.location(of: "id")))
            }
        } else if !ContentID.isValid(id) {
            diagnostics.append(.nameGivesNoID(name, suggestedID: ContentID.suggestion(for: id),
                                              at: reader.file.location(line: 1, column: 1)))
            id = ContentID.suggestion(for: id)
        }
        let aliases = reader.idList("aliases", diagnostics: &diagnostics).map(\.0)
        return (id, aliases)
    }

    /// Position of an item: `order:` if given, else the name prefix, else last.
    func order(_ reader: FrontMatterReader, name: String, diagnostics: inout Diagnostics) -> Int {
        if let explicit = reader.int("order", diagnostics: &diagnostics) { return explicit }
        return ContentID.orderPrefix(of: name)?.value ?? Int.max
    }

    /// Reports ids (and aliases) used twice, at the second use with a note at the first.
    func checkUnique(_ items: [(id: String, aliases: [String], location: SourceLocation)], in scope: UniqueIDScope,
                     diagnostics: inout Diagnostics) {
        var firstUse: [String: SourceLocation] = [:]
        firstUse.reserveCapacity(items.count)
        func use(_ name: String, at location: SourceLocation) {
            if let first = firstUse[name] {
                guard first != location else { return }
                diagnostics.append(.duplicateID(name, in: scope, at: location, firstUse: first))
            } else {
                firstUse[name] = location
            }
        }
        for item in items {
            use(item.id, at: item.location)
            for alias in item.aliases { use(alias, at: item.location) }
        }
    }
}
