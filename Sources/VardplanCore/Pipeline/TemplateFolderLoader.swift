import VardplanDiagnostics
import VardplanTemplates
import VardplanSystem

/// Reads a templates folder: `*.mustache` files become the template library (named by
/// their path without the extension: `base`, `partials/footer`), files under
/// `assets/` are copied to the output as they are, `strings/<language>.yaml` hold the
/// templates' fixed words per language (`InterfaceStrings`).
///
/// Diagnostics: unreadable or non-UTF-8 files, template syntax errors, missing
/// partials, a required template missing, a file larger than `maximumFileSize`
/// (measured before reading), and the entries that are never read (`FileProblem`):
/// a symbolic link leading outside the templates folder, dangling or looping, a folder
/// reached a second time, a named pipe, socket or device.
public struct TemplateFolderLoader {
    /// The largest template or asset: 10 MB.
    public static let maximumFileSize = 10 << 20

    let fileSystem: any ContentFileSystem
    let displayRoot: String

    public init(fileSystem: any ContentFileSystem, displayRoot: String) {
        self.fileSystem = fileSystem
        self.displayRoot = displayRoot
    }

    /// What a templates folder holds.
    public struct Loaded: Sendable {
        public var library: TemplateLibrary
        /// Files copied to the output as they are.
        public var assets: [OutputFile]
        /// The template sources by name, for fingerprinting.
        public var sources: [String: SourceFile]
        /// The fixed words per language.
        public var strings = InterfaceStrings()
    }

    public func load(required: [String], diagnostics: inout Diagnostics) -> (TemplateLibrary, [OutputFile]) {
        let loaded = loadAll(required: required, diagnostics: &diagnostics)
        return (loaded.library, loaded.assets)
    }

    /// Loads the whole folder. With `parsingOnly`, only those templates and the partials
    /// they include are parsed (`TemplateLibrary.init(files:parsingOnly:diagnostics:)`):
    /// for a folder known to load without any diagnostic.
    public func loadAll(required: [String], parsingOnly roots: [String]? = nil, diagnostics: inout Diagnostics) -> Loaded {
        var templates: [String: SourceFile] = [:]
        var assets: [OutputFile] = []
        var strings = InterfaceStrings(folder: joinPath(displayRoot, "strings"))
        var visited: [FileIdentity: String] = [:]
        if let root = fileSystem.identity(of: "") { visited[root] = displayRoot }
        walk("", templates: &templates, assets: &assets, strings: &strings, visited: &visited, diagnostics: &diagnostics)
        let library = roots.map { TemplateLibrary(files: templates, parsingOnly: $0, diagnostics: &diagnostics) }
            ?? TemplateLibrary(files: templates, diagnostics: &diagnostics)
        for name in required where templates[name] == nil {
            diagnostics.append(.requiredTemplateMissing(name, path: joinPath(displayRoot, name + ".mustache")))
        }
        return Loaded(library: library, assets: assets, sources: templates, strings: strings)
    }

    private func walk(_ directory: String, templates: inout [String: SourceFile], assets: inout [OutputFile],
                      strings: inout InterfaceStrings, visited: inout [FileIdentity: String],
                      diagnostics: inout Diagnostics) {
        guard let entries = try? fileSystem.entries(of: directory) else {
            diagnostics.append(.templatesFolderUnreadable(joinPath(displayRoot, directory)))
            return
        }
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = joinPath(directory, entry.name)
            let here = SourceLocation(path: joinPath(displayRoot, path), line: 1, column: 1)
            if let problem = entry.problem {
                diagnostics.append(.fileProblem(problem, root: displayRoot, at: here))
                continue
            }
            if entry.isDirectory {
                if let identity = entry.identity {
                    if let first = visited[identity] {
                        diagnostics.append(.fileProblem(.folderReachedTwice(first: first), root: displayRoot, at: here))
                        continue
                    }
                    visited[identity] = joinPath(displayRoot, path)
                }
                walk(path, templates: &templates, assets: &assets, strings: &strings, visited: &visited,
                     diagnostics: &diagnostics)
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.contents(of: path, maximumSize: Self.maximumFileSize)
            } catch let problem as FileProblem {
                diagnostics.append(.fileProblem(problem, root: displayRoot, at: here))
                continue
            } catch {
                diagnostics.append(.fileUnreadable(at: here))
                continue
            }
            if path.hasPrefix("assets/") {
                assets.append(OutputFile(path: path, bytes: bytes))
            } else if directory == "strings", entry.name.hasSuffix(".yaml") {
                let file = SourceFile(path: joinPath(displayRoot, path), relativePath: path, bytes: bytes)
                if SourceTextValidator.validate(file, diagnostics: &diagnostics) {
                    strings.tables[String(entry.name.dropLast(5))] = InterfaceStrings.readTable(file, diagnostics: &diagnostics)
                }
            } else if let name = TemplateLibrary.templateName(forRelativePath: path) {
                let file = SourceFile(path: joinPath(displayRoot, path), relativePath: path, bytes: bytes)
                if SourceTextValidator.validate(file, diagnostics: &diagnostics) { templates[name] = file }
            } else {
                diagnostics.append(.templatesFolderFileIgnored(entry.name, path: joinPath(displayRoot, path)))
            }
        }
    }
}
