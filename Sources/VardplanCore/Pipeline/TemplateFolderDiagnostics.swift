import VardplanDiagnostics

// Diagnostic codes of the templates folder (VP460–479), with the one place their messages
// are worded. Files that cannot be read at all (too large, links, permissions) are
// reported with the files-and-folders codes (VP0xx).

extension DiagnosticCode {
    /// A template every site needs, missing from the templates folder.
    static let requiredTemplateMissing = DiagnosticCode("VP460")
    /// A templates folder (or a folder inside it) that cannot be listed.
    static let templatesFolderUnreadable = DiagnosticCode("VP461")
    /// A file in the templates folder that is neither a template, an asset nor a strings file.
    static let templatesFolderFileIgnored = DiagnosticCode("VP462")
}

extension Diagnostic {
    /// `path` is the template's display path (`templates/base.mustache`).
    static func requiredTemplateMissing(_ name: String, path: String) -> Diagnostic {
        .error(.requiredTemplateMissing,
               "the template '\(name).mustache' is missing; every site needs it (copy it from the bundled templates/)",
               at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func templatesFolderUnreadable(_ path: String) -> Diagnostic {
        .error(.templatesFolderUnreadable, "cannot read the templates folder '\(path)'; check that it exists",
               at: SourceLocation(path: path, line: 1, column: 1))
    }

    /// `name` is the file's name, `path` its display path.
    static func templatesFolderFileIgnored(_ name: String, path: String) -> Diagnostic {
        .warning(.templatesFolderFileIgnored,
                 "'\(name)' is ignored; templates end in '.mustache' and other files belong in 'assets/'",
                 at: SourceLocation(path: path, line: 1, column: 1))
    }
}
