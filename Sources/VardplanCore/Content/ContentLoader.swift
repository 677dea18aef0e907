import VardplanDiagnostics
import VardplanSystem

/// Walks a content folder and reads every file into a `ContentTree`.
///
/// Diagnostics: unreadable file or folder, invalid UTF-8 or binary file, file too
/// large (measured before reading), folder without its metadata file, stray files and
/// folders, missing `site.yaml`, `general/` or `diagnoses/`, and the entries that are
/// never read (`FileProblem`): a symbolic link leading outside the content folder,
/// dangling or looping, a folder reached a second time, a named pipe, socket or device.
public struct ContentLoader: Sendable {
    public static let diagnosisFile = "_diagnosis.md"
    public static let moduleFile = "_module.md"
    public static let sectionFile = "_section.md"
    public static let regionFile = "_region.md"

    let fileSystem: any ContentFileSystem
    /// Prefix for paths shown to the user (`content`), so messages name real paths.
    let displayRoot: String

    /// Loads only the diagnosis folders whose name this accepts (and the general
    /// modules), when there is such a folder; otherwise every diagnosis.
    let onlyDiagnosisFolders: (@Sendable (String) -> Bool)?

    public init(fileSystem: any ContentFileSystem, displayRoot: String,
                onlyDiagnosisFolders: (@Sendable (String) -> Bool)? = nil) {
        self.fileSystem = fileSystem
        self.displayRoot = displayRoot
        self.onlyDiagnosisFolders = onlyDiagnosisFolders
    }

    /// Loads from a snapshot, whose folder gives the paths shown.
    public init(snapshot: ContentSnapshot, onlyDiagnosisFolders: (@Sendable (String) -> Bool)? = nil) {
        self.init(fileSystem: snapshot, displayRoot: snapshot.displayRoot, onlyDiagnosisFolders: onlyDiagnosisFolders)
    }

    /// Which folders below the root to enter: with a diagnosis filter that some folder
    /// of `diagnoses/` (as listed by `fileSystem`) passes, no other diagnosis's folder.
    public static func folderFilter(_ only: (@Sendable (String) -> Bool)?, in fileSystem: any ContentFileSystem)
        -> @Sendable (String) -> Bool {
        guard let only, ((try? fileSystem.entries(of: "diagnoses")) ?? []).contains(where: { only($0.name) })
        else { return { _ in true } }
        return { folder in
            // On the bytes: Foundation's `contains` on a `Substring` was 2 % of a printout's load.
            let prefix = "diagnoses/".utf8
            guard folder.utf8.starts(with: prefix),
                  !folder.utf8.dropFirst(prefix.count).contains(UInt8(ascii: "/"))
            else { return true }
            return only(String(folder.dropFirst("diagnoses/".count)))
        }
    }

    /// Reads the whole tree: first every folder, then every file on all cores.
    public func load(diagnostics: inout Diagnostics) -> ContentTree {
        var loader = self
        loader.prefetched = prefetch()
        var tree = loader.walk(diagnostics: &diagnostics)
        if let snapshot = fileSystem as? ContentSnapshot { tree.detachedBodies = snapshot.stepBodies.bodies }
        return tree
    }

    /// A file read and checked ahead of the walk.
    private struct Prefetched: Sendable {
        var file: SourceFile?
        var diagnostics: Diagnostics
    }

    /// Images found beside the Markdown files.
    private var images: [ContentImage] = []

    /// Files read and checked ahead in parallel, by relative path.
    private var prefetched: [String: Prefetched] = [:]
    /// The real folders entered so far, with the path each was first reached by.
    private var visitedFolders: [FileIdentity: String] = [:]
    /// Entries reported as never to be read (relative paths).
    private var refusedPaths: Set<String> = []

    /// Lists the tree's folders (cheap) and reads every `.md` and `.yaml` file in it in
    /// parallel; unreadable files are left for `read` to report.
    private func prefetch() -> [String: Prefetched] {
        let fileSystem = self.fileSystem
        // With a diagnosis filter, other diagnoses' folders are not entered.
        let snapshot = fileSystem as? ContentSnapshot
        let paths = fileSystem.filePaths(entering: Self.folderFilter(onlyDiagnosisFolders, in: fileSystem))
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }
            .map { snapshot?.storedPath($0) ?? $0 }
        let contents = ParallelMap.map(paths) { path -> Prefetched? in
            guard let bytes = try? fileSystem.contents(of: path, maximumSize: SourceTextValidator.maximumFileSize)
            else { return nil }
            var diagnostics = Diagnostics()
            let file = SourceFile(path: display(path), relativePath: path, bytes: bytes)
            let valid = SourceTextValidator.validate(file, diagnostics: &diagnostics)
            return Prefetched(file: valid ? file : nil, diagnostics: diagnostics)
        }
        var result: [String: Prefetched] = [:]
        result.reserveCapacity(paths.count)
        for (path, item) in zip(paths, contents) {
            if let item { result[path] = item }
        }
        return result
    }

    private mutating func walk(diagnostics: inout Diagnostics) -> ContentTree {
        var tree = ContentTree()
        guard let rootEntries = list("", diagnostics: &diagnostics) else { return tree }
        var sawGeneral = false, sawDiagnoses = false
        for entry in rootEntries where !entry.name.hasPrefix(".") {
            switch (entry.name, entry.isDirectory) {
            case ("site.yaml", false):
                tree.site = read("site.yaml", diagnostics: &diagnostics)
            case ("general", true):
                sawGeneral = true
                for module in subfolders(of: "general", diagnostics: &diagnostics) {
                    tree.generalModules.append(loadModule(joinPath("general", module), diagnostics: &diagnostics))
                }
            case ("diagnoses", true):
                sawDiagnoses = true
                var names = subfolders(of: "diagnoses", diagnostics: &diagnostics)
                if let only = onlyDiagnosisFolders, names.contains(where: only) {
                    names = names.filter(only)
                }
                for name in names {
                    tree.diagnoses.append(loadDiagnosis(joinPath("diagnoses", name), name: name, diagnostics: &diagnostics))
                }
            case ("regions", true):
                for name in subfolders(of: "regions", diagnostics: &diagnostics) {
                    tree.regions.append(loadRegion(joinPath("regions", name), name: name, diagnostics: &diagnostics))
                }
            default:
                diagnostics.append(.unknownTopLevelEntry(entry.name, at: location(entry.name)))
            }
        }
        tree.images = images
        if tree.site == nil {
            diagnostics.append(.siteFileMissing(at: location("site.yaml")))
        }
        if !sawDiagnoses {
            diagnostics.append(.diagnosesFolderMissing(at: location("diagnoses")))
        }
        _ = sawGeneral
        return tree
    }

    /// `regions/<region>/`: `_region.md` and supplement files, flat.
    private mutating func loadRegion(_ path: String, name: String, diagnostics: inout Diagnostics) -> RegionFolder {
        var folder = RegionFolder(name: name, path: display(path), metadata: nil, files: [])
        for entry in list(path, diagnostics: &diagnostics) ?? [] where !entry.name.hasPrefix(".") {
            let child = joinPath(path, entry.name)
            if entry.isDirectory {
                diagnostics.append(.folderInsideRegion(entry.name, regionFile: Self.regionFile, at: location(child)))
            } else if entry.name == Self.regionFile {
                folder.metadata = read(child, diagnostics: &diagnostics)
            } else if entry.name.hasSuffix(".md") {
                if let source = read(child, diagnostics: &diagnostics) { folder.files.append(source) }
            } else {
                strayFile(child, expected: "supplement files ('.md') and '\(Self.regionFile)'", diagnostics: &diagnostics)
            }
        }
        requireMetadata(folder.metadata, in: path, file: Self.regionFile, level: "region", diagnostics: &diagnostics)
        return folder
    }

    private mutating func loadDiagnosis(_ path: String, name: String, diagnostics: inout Diagnostics) -> DiagnosisFolder {
        var folder = DiagnosisFolder(name: name, path: display(path), metadata: nil, modules: [])
        for entry in list(path, diagnostics: &diagnostics) ?? [] where !entry.name.hasPrefix(".") {
            let child = joinPath(path, entry.name)
            if entry.isDirectory {
                folder.modules.append(loadModule(child, diagnostics: &diagnostics))
            } else if entry.name == Self.diagnosisFile {
                folder.metadata = read(child, diagnostics: &diagnostics)
            } else if let language = Self.metadataTranslationLanguage(entry.name, of: Self.diagnosisFile) {
                if let source = read(child, diagnostics: &diagnostics) { folder.metadataTranslations.append((language, source)) }
            } else {
                strayFile(child, expected: "module folders and '\(Self.diagnosisFile)'", diagnostics: &diagnostics)
            }
        }
        requireMetadata(folder.metadata, in: path, file: Self.diagnosisFile, level: "diagnosis", diagnostics: &diagnostics)
        return folder
    }

    private mutating func loadModule(_ path: String, diagnostics: inout Diagnostics) -> ModuleFolder {
        var folder = ModuleFolder(name: lastComponent(path), path: display(path), metadata: nil, sections: [])
        for entry in list(path, diagnostics: &diagnostics) ?? [] where !entry.name.hasPrefix(".") {
            let child = joinPath(path, entry.name)
            if entry.isDirectory {
                folder.sections.append(loadSection(child, diagnostics: &diagnostics))
            } else if entry.name == Self.moduleFile {
                folder.metadata = read(child, diagnostics: &diagnostics)
            } else if let language = Self.metadataTranslationLanguage(entry.name, of: Self.moduleFile) {
                if let source = read(child, diagnostics: &diagnostics) { folder.metadataTranslations.append((language, source)) }
            } else if entry.name.hasSuffix(".md") {
                diagnostics.append(.stepOutsideSection(entry.name, at: location(child)))
            } else {
                strayFile(child, expected: "section folders and '\(Self.moduleFile)'", diagnostics: &diagnostics)
            }
        }
        requireMetadata(folder.metadata, in: path, file: Self.moduleFile, level: "module", diagnostics: &diagnostics)
        return folder
    }

    private mutating func loadSection(_ path: String, diagnostics: inout Diagnostics) -> SectionFolder {
        var folder = SectionFolder(name: lastComponent(path), path: display(path), metadata: nil, steps: [])
        var translations: [String: [(String, SourceFile)]] = [:]
        for entry in list(path, diagnostics: &diagnostics) ?? [] where !entry.name.hasPrefix(".") {
            let child = joinPath(path, entry.name)
            if entry.isDirectory {
                diagnostics.append(.folderInsideSection(entry.name, at: location(child)))
            } else if entry.name == Self.sectionFile {
                folder.metadata = read(child, diagnostics: &diagnostics)
            } else if let language = Self.metadataTranslationLanguage(entry.name, of: Self.sectionFile) {
                if let source = read(child, diagnostics: &diagnostics) { folder.metadataTranslations.append((language, source)) }
            } else if entry.name.hasSuffix(".md") {
                guard let source = read(child, diagnostics: &diagnostics) else {
                    folder.unreadableSteps += 1
                    continue
                }
                let base = String(entry.name.dropLast(3))
                if let (stem, language) = Self.translationParts(base) {
                    translations[stem, default: []].append((language, source))
                } else {
                    folder.steps.append(StepFile(name: base, source: source, translations: []))
                }
            } else {
                strayFile(child, expected: "step files ('.md') and '\(Self.sectionFile)'", diagnostics: &diagnostics)
            }
        }
        for (stem, found) in translations.sorted(by: { $0.key < $1.key }) {
            if let index = folder.steps.firstIndex(where: { $0.name == stem }) {
                folder.steps[index].translations = found.map { (language: $0.0, source: $0.1) }
            } else {
                for (language, source) in found {
                    diagnostics.append(.translationWithoutStep(language: language, stem: stem,
                                                               at: source.location(line: 1, column: 1)))
                }
            }
        }
        requireMetadata(folder.metadata, in: path, file: Self.sectionFile, level: "section", diagnostics: &diagnostics)
        return folder
    }

    /// `_module.en.md` → `en` for `_module.md`: a translation of a metadata file.
    static func metadataTranslationLanguage(_ name: String, of metadataFile: String) -> String? {
        let stem = String(metadataFile.dropLast(3))
        guard name.hasPrefix(stem + "."), name.hasSuffix(".md"),
              let (base, language) = translationParts(String(name.dropLast(3))), base == stem else { return nil }
        return language
    }

    /// `02-mammografi.en` → (`02-mammografi`, `en`): a two- or three-letter language suffix.
    static func translationParts(_ base: String) -> (String, String)? {
        let utf8 = base.utf8
        guard let letters = languageSuffixLength(utf8) else { return nil }
        let dot = utf8.index(utf8.endIndex, offsetBy: -(letters + 1))
        return (String(base[..<dot]), String(decoding: utf8[utf8.index(after: dot)...], as: UTF8.self))
    }

    /// How many letters the language suffix of a base name's bytes has (`.en` → 2): two or
    /// three lowercase ASCII letters after its last dot; nil when there is none. The one
    /// rule for what a translation's name is (`translationParts`, and the index's checks
    /// on bytes).
    static func languageSuffixLength(_ base: some BidirectionalCollection<UInt8>) -> Int? {
        var letters = 0
        for byte in base.reversed() {
            if byte == UInt8(ascii: ".") { return (2...3).contains(letters) ? letters : nil }
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z"), letters < 3 else { return nil }
            letters += 1
        }
        return nil
    }

    // MARK: - Helpers

    private mutating func subfolders(of path: String, diagnostics: inout Diagnostics) -> [String] {
        var names: [String] = []
        for entry in list(path, diagnostics: &diagnostics) ?? [] where !entry.name.hasPrefix(".") {
            if entry.isDirectory {
                names.append(entry.name)
            } else {
                strayFile(joinPath(path, entry.name), expected: "folders only", diagnostics: &diagnostics)
            }
        }
        return names
    }

    /// The entries of a folder, without those that are never read (each reported at
    /// its path); nil, after reporting, when the folder cannot be read or was entered
    /// before by another path.
    private mutating func list(_ path: String, diagnostics: inout Diagnostics) -> [DirectoryEntry]? {
        if let identity = fileSystem.identity(of: path) {
            if let first = visitedFolders[identity] {
                diagnostics.append(.fileProblem(.folderReachedTwice(first: first), root: displayRoot, at: location(path)))
                refusedPaths.insert(path)
                return nil
            }
            visitedFolders[identity] = display(path)
        }
        let entries: [DirectoryEntry]
        do {
            entries = try fileSystem.entries(of: path)
        } catch {
            diagnostics.append(.folderUnreadable(display(path), at: location(path)))
            return nil
        }
        var readable: [DirectoryEntry] = []
        readable.reserveCapacity(entries.count)
        for entry in entries {
            if let problem = entry.problem {
                if !entry.name.hasPrefix(".") {
                    diagnostics.append(.fileProblem(problem, root: displayRoot, at: location(joinPath(path, entry.name))))
                    refusedPaths.insert(joinPath(path, entry.name))
                }
            } else {
                readable.append(entry)
            }
        }
        return readable
    }

    private func read(_ path: String, diagnostics: inout Diagnostics) -> SourceFile? {
        if let item = prefetched[path] {
            diagnostics.append(contentsOf: item.diagnostics)
            return item.file
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.contents(of: path, maximumSize: SourceTextValidator.maximumFileSize)
        } catch FileProblem.tooLarge(let size, _) {
            diagnostics.append(.contentFileTooLarge(size: size, at: location(path)))
            return nil
        } catch let problem as FileProblem {
            diagnostics.append(.fileProblem(problem, root: displayRoot, at: location(path)))
            return nil
        } catch {
            diagnostics.append(.fileUnreadable(at: location(path)))
            return nil
        }
        let file = SourceFile(path: display(path), relativePath: path, bytes: bytes)
        return SourceTextValidator.validate(file, diagnostics: &diagnostics) ? file : nil
    }

    private func requireMetadata(_ file: SourceFile?, in path: String, file name: String, level: String,
                                 diagnostics: inout Diagnostics) {
        guard file == nil, !refusedPaths.contains(path), !refusedPaths.contains(joinPath(path, name)),
              !fileExists(joinPath(path, name)) else { return }
        diagnostics.append(.metadataFileMissing(level: level, folder: lastComponent(path), file: name,
                                                at: location(joinPath(path, name))))
    }

    /// Whether a file is there (read, so an unreadable one counts as missing).
    private func fileExists(_ path: String) -> Bool {
        (try? fileSystem.contents(of: path, maximumSize: SourceTextValidator.maximumFileSize)) != nil
    }

    /// A file that is not part of the format: an image (kept for the pages that show
    /// it), else a warning.
    private mutating func strayFile(_ path: String, expected: String, diagnostics: inout Diagnostics) {
        if ContentImage.isImage(path) {
            var image = ContentImage(relativePath: path)
            do {
                image.bytes = try fileSystem.contents(of: path, maximumSize: ContentImage.maximumSize)
            } catch FileProblem.tooLarge(let size, _) {
                image.oversize = size
            } catch {
                diagnostics.append(.imageUnreadable(at: location(path)))
            }
            images.append(image)
            return
        }
        diagnostics.append(.strayFile(lastComponent(path), expected: expected, at: location(path)))
    }

    private func lastComponent(_ path: String) -> String {
        lastPathComponent(path)
    }

    private func display(_ path: String) -> String {
        displayRoot.isEmpty ? path : joinPath(displayRoot, path)
    }

    private func location(_ path: String) -> SourceLocation {
        SourceLocation(path: display(path), line: 1, column: 1)
    }
}
