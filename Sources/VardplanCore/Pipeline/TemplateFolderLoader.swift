/// Reads a templates folder: `*.mustache` files become the template library (named by
/// their path without the extension: `base`, `partials/footer`), files under
/// `assets/` are copied to the output as they are, `strings/<language>.yaml` hold the
/// templates' fixed words per language (`InterfaceStrings`).
///
/// Diagnostics: unreadable or non-UTF-8 files, template syntax errors, missing
/// partials, a required template missing.
public struct TemplateFolderLoader {
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

    public func loadAll(required: [String], diagnostics: inout Diagnostics) -> Loaded {
        var templates: [String: SourceFile] = [:]
        var assets: [OutputFile] = []
        var strings = InterfaceStrings(folder: joinPath(displayRoot, "strings"))
        walk("", templates: &templates, assets: &assets, strings: &strings, diagnostics: &diagnostics)
        let library = TemplateLibrary(files: templates, diagnostics: &diagnostics)
        for name in required where templates[name] == nil {
            diagnostics.error("the template '\(name).mustache' is missing; every site needs it (copy it from the bundled templates/)",
                              at: SourceLocation(path: joinPath(displayRoot, name + ".mustache"), line: 1, column: 1))
        }
        return Loaded(library: library, assets: assets, sources: templates, strings: strings)
    }

    private func walk(_ directory: String, templates: inout [String: SourceFile], assets: inout [OutputFile],
                      strings: inout InterfaceStrings, diagnostics: inout Diagnostics) {
        guard let entries = try? fileSystem.entries(of: directory) else {
            diagnostics.error("cannot read the templates folder '\(joinPath(displayRoot, directory))'; check that it exists",
                              at: SourceLocation(path: joinPath(displayRoot, directory), line: 1, column: 1))
            return
        }
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = joinPath(directory, entry.name)
            if entry.isDirectory {
                walk(path, templates: &templates, assets: &assets, strings: &strings, diagnostics: &diagnostics)
                continue
            }
            guard let bytes = try? fileSystem.contents(of: path) else {
                diagnostics.error("cannot read the file; check its permissions",
                                  at: SourceLocation(path: joinPath(displayRoot, path), line: 1, column: 1))
                continue
            }
            if path.hasPrefix("assets/") {
                assets.append(OutputFile(path: path, bytes: bytes))
            } else if directory == "strings", entry.name.hasSuffix(".yaml") {
                let file = SourceFile(path: joinPath(displayRoot, path), bytes: bytes)
                if SourceTextValidator.validate(file, diagnostics: &diagnostics) {
                    strings.tables[String(entry.name.dropLast(5))] = InterfaceStrings.readTable(file, diagnostics: &diagnostics)
                }
            } else if let name = TemplateLibrary.templateName(forRelativePath: path) {
                let file = SourceFile(path: joinPath(displayRoot, path), bytes: bytes)
                if SourceTextValidator.validate(file, diagnostics: &diagnostics) { templates[name] = file }
            } else {
                diagnostics.warning("'\(entry.name)' is ignored; templates end in '.mustache' and other files belong in 'assets/'",
                                    at: SourceLocation(path: joinPath(displayRoot, path), line: 1, column: 1))
            }
        }
    }
}
