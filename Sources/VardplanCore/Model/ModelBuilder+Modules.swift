import VardplanDiagnostics

extension ModelBuilder {
    /// Builds modules with their sections and steps, sorted by order then id.
    ///
    /// The modules are built on every core (`buildEach`: a printout builds one
    /// diagnosis, so this is where its model can use both cores).
    func buildModules(_ folders: [ModuleFolder], isGeneral: Bool, context: Context,
                      diagnostics: inout Diagnostics) -> [Module] {
        buildEach(folders, diagnostics: &diagnostics) { folder, local in
            buildModule(folder, isGeneral: isGeneral, context: context, diagnostics: &local)
        }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    private func buildModule(_ folder: ModuleFolder, isGeneral: Bool, context: Context,
                             diagnostics: inout Diagnostics) -> Module? {
        guard let metadata = folder.metadata, let parsed = context.parsed[metadata.relativePath] else { return nil }
        let reader = frontMatter(parsed, keys: Self.moduleKeys, diagnostics: &diagnostics)
        let (id, aliases) = identity(reader, name: folder.name, diagnostics: &diagnostics)
        let title = reader.string("title", required: true, example: "Utredning", diagnostics: &diagnostics) ?? id
        let kind = reader.choice("kind", among: ModuleKind.allCases.map(\.rawValue), diagnostics: &diagnostics)
            .flatMap(ModuleKind.init(rawValue:)) ?? .info
        var sections = buildSections(folder.sections, context: context, diagnostics: &diagnostics)
        sections.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        let location = metadata.location(line: 1, column: 1)
        if sections.isEmpty && !folder.sections.contains(where: { $0.metadata == nil }) {
            diagnostics.append(.moduleWithoutSections(id, at: location))
        }
        checkUnique(sections.map { ($0.id, $0.aliases, $0.location) }, in: .sections(moduleID: id), diagnostics: &diagnostics)
        return Module(
            id: id, aliases: aliases, title: title,
            order: order(reader, name: folder.name, diagnostics: &diagnostics),
            activeAtStart: reader.bool("active", diagnostics: &diagnostics) ?? false,
            kind: kind, summary: reader.string("summary", diagnostics: &diagnostics),
            intro: parsed.bodyIsEmpty ? nil : parsed.body, sections: sections,
            isGeneral: isGeneral, location: location, sourcePath: metadata.relativePath,
            translations: readTranslations(folder.metadataTranslations, of: parsed, title: title,
                                           keys: Self.metadataTranslationKeys, context: context,
                                           diagnostics: &diagnostics))
    }

    private func buildSections(_ folders: [SectionFolder], context: Context,
                               diagnostics: inout Diagnostics) -> [Section] {
        var sections: [Section] = []
        for folder in folders {
            guard let metadata = folder.metadata, let parsed = context.parsed[metadata.relativePath] else { continue }
            let reader = frontMatter(parsed, keys: Self.sectionKeys, diagnostics: &diagnostics)
            let (id, aliases) = identity(reader, name: folder.name, diagnostics: &diagnostics)
            let title = reader.string("title", required: true, example: "Röntgen och bilddiagnostik",
                                      diagnostics: &diagnostics) ?? id
            var steps: [Step] = []
            for file in folder.steps {
                if let step = buildStep(file, context: context, diagnostics: &diagnostics) { steps.append(step) }
            }
            steps.sort { ($0.order, $0.id) < ($1.order, $1.id) }
            let location = metadata.location(line: 1, column: 1)
            if folder.steps.isEmpty && folder.unreadableSteps == 0 {
                diagnostics.append(.sectionWithoutSteps(id, at: location))
            }
            sections.append(Section(
                id: id, aliases: aliases, title: title,
                order: order(reader, name: folder.name, diagnostics: &diagnostics),
                intro: parsed.bodyIsEmpty ? nil : parsed.body, steps: steps, location: location,
                sourcePath: metadata.relativePath,
                translations: readTranslations(folder.metadataTranslations, of: parsed, title: title,
                                               keys: Self.translationKeys, context: context,
                                               diagnostics: &diagnostics)))
        }
        return sections
    }

    private func buildStep(_ file: StepFile, context: Context, diagnostics: inout Diagnostics) -> Step? {
        guard let parsed = context.parsed[file.source.relativePath] else { return nil }
        let reader = frontMatter(parsed, keys: Self.stepKeys, diagnostics: &diagnostics)
        let (id, aliases) = identity(reader, name: file.name, diagnostics: &diagnostics)
        let title = reader.string("title", required: true, example: "Magnetkameraundersökning – MR",
                                  diagnostics: &diagnostics) ?? id
        if parsed.bodyIsEmpty {
            diagnostics.append(.stepWithoutText(id, at: parsed.bodyLocation))
        }
        var phases: [String] = []
        for (phase, location) in reader.stringList("phases", diagnostics: &diagnostics) ?? [] {
            if context.config.phases.contains(phase) {
                phases.append(phase)
            } else {
                diagnostics.append(.unknownCarePhase(phase, suggestion: NameSuggester.suggestion(for: phase, among: context.config.phases),
                                                     known: context.config.phases, at: location))
            }
        }
        let languages = file.translations.map(\.language)
        let translations = readTranslations(file.translations, of: parsed, title: title, keys: Self.translationKeys,
                                            context: context, diagnostics: &diagnostics)
        return Step(
            id: id, aliases: aliases, title: title,
            order: order(reader, name: file.name, diagnostics: &diagnostics),
            visibleByDefault: reader.bool("visible", diagnostics: &diagnostics) ?? true,
            phases: phases, body: parsed.body, wordCount: parsed.wordCount,
            source: file.source, bodyRange: parsed.bodyRange, bodyFirstLine: parsed.bodyFirstLine,
            location: file.source.location(line: 1, column: 1), translationLanguages: languages,
            translations: translations)
    }

    /// Reads the translations of one Swedish file, by language. Diagnostics: a language
    /// the site does not have, front matter as for any file, an empty body where the
    /// Swedish has one, and a stale or unrecorded `source_hash` (warnings).
    func readTranslations(_ files: [(language: String, source: SourceFile)], of swedish: ParsedContentFile,
                          title swedishTitle: String, keys: [String], context: Context,
                          diagnostics: inout Diagnostics) -> [String: Translation] {
        // Most files have no translation: no hash to compute (a printout builds the
        // model of some 450 files; this was 8 % of its time).
        guard !files.isEmpty else { return [:] }
        var result: [String: Translation] = [:]
        let currentHash = SourceHash.of(title: swedishTitle, body: swedish.source.bytes[swedish.bodyRange])
        let swedishName = lastPathComponent(swedish.source.relativePath)
        for (language, source) in files {
            guard let parsed = context.parsed[source.relativePath] else { continue }
            if !context.config.languages.contains(language) || language == context.config.language {
                diagnostics.append(.notATranslationLanguage(
                    language, suggestion: NameSuggester.suggestion(for: language, among: context.config.translationLanguages),
                    at: source.location(line: 1, column: 1)))
                continue
            }
            let reader = frontMatter(parsed, keys: keys, diagnostics: &diagnostics)
            let title = reader.string("title", required: true, example: swedishTitle, diagnostics: &diagnostics) ?? swedishTitle
            if parsed.bodyIsEmpty && !swedish.bodyIsEmpty {
                diagnostics.append(.translationWithoutText(at: parsed.bodyLocation))
            }
            var isCurrent = false
            if let recorded = reader.string("source_hash", diagnostics: &diagnostics) {
                isCurrent = recorded == currentHash
                if !isCurrent {
                    diagnostics.append(.staleTranslation(
                        swedishFile: swedishName, currentHash: currentHash,
                        at: reader.node("source_hash")?.location ?? reader.location(of: "source_hash")))
                }
            } else {
                diagnostics.append(.translationWithoutSourceHash(swedishFile: swedishName, currentHash: currentHash,
                                                                 at: source.location(line: 1, column: 1)))
            }
            result[language] = Translation(
                language: language, title: title,
                summary: keys.contains("summary") ? reader.string("summary", diagnostics: &diagnostics) : nil,
                body: parsed.bodyIsEmpty ? nil : parsed.body, source: source, bodyRange: parsed.bodyRange,
                bodyFirstLine: parsed.bodyFirstLine, bodyIsEmpty: parsed.bodyIsEmpty, isCurrent: isCurrent)
        }
        return result
    }
}
