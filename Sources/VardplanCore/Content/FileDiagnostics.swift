import VardplanDiagnostics

// The codes of problems with files and folders (VP0xx): the content and templates
// folders as found on disk, before anything in a file is parsed. The wording of the
// entries never read lives in `FileProblem`.

extension DiagnosticCode {
    /// The content folder has no `site.yaml`.
    public static let siteFileMissing = DiagnosticCode("VP001")
    /// The content folder has no `diagnoses/` folder.
    public static let diagnosesFolderMissing = DiagnosticCode("VP002")
    /// An entry at the top of the content folder that the format does not know (warning).
    public static let unknownTopLevelEntry = DiagnosticCode("VP003")
    /// A file the folder it lies in does not hold (warning); images are kept instead.
    public static let strayFile = DiagnosticCode("VP004")
    /// A folder where the format allows files only (in a region or a section).
    public static let unexpectedFolder = DiagnosticCode("VP005")
    /// A step file directly in a module folder, outside any section.
    public static let stepOutsideSection = DiagnosticCode("VP006")
    /// A translation of a step whose Swedish file is not beside it.
    public static let translationWithoutStep = DiagnosticCode("VP007")
    /// A diagnosis, module, section or region folder without its metadata file.
    public static let metadataFileMissing = DiagnosticCode("VP008")
    /// A folder that cannot be listed.
    public static let folderUnreadable = DiagnosticCode("VP009")
    /// A file that cannot be read.
    public static let fileUnreadable = DiagnosticCode("VP010")
    /// An image that cannot be read.
    public static let imageUnreadable = DiagnosticCode("VP011")
    /// A content file larger than a step may be (1 MB).
    public static let contentFileTooLarge = DiagnosticCode("VP012")
    /// A text file with a NUL byte: binary.
    public static let nulByte = DiagnosticCode("VP013")
    /// A text file that is not valid UTF-8.
    public static let invalidUTF8 = DiagnosticCode("VP014")
    /// A symbolic link whose target lies outside the folder (`FileProblem.linkOutsideRoot`).
    public static let linkOutsideRoot = DiagnosticCode("VP015")
    /// A symbolic link to nothing (`FileProblem.danglingLink`).
    public static let danglingLink = DiagnosticCode("VP016")
    /// A symbolic link that leads round in a loop (`FileProblem.linkLoop`).
    public static let linkLoop = DiagnosticCode("VP017")
    /// A folder reached a second time through a link (`FileProblem.folderReachedTwice`).
    public static let folderReachedTwice = DiagnosticCode("VP018")
    /// A named pipe, socket or device (`FileProblem.notRegularFile`).
    public static let notRegularFile = DiagnosticCode("VP019")
    /// A file larger than its folder allows (`FileProblem.tooLarge`).
    public static let fileTooLarge = DiagnosticCode("VP020")
    /// A step file that changed, or went, between its first read and its pass (`StepBodyReader`).
    public static let stepFileChanged = DiagnosticCode("VP021")
}

extension Diagnostic {
    static func siteFileMissing(at location: SourceLocation) -> Diagnostic {
        .error(.siteFileMissing, "the content folder has no 'site.yaml'; create it with at least 'title' and 'language'",
               at: location)
    }

    static func diagnosesFolderMissing(at location: SourceLocation) -> Diagnostic {
        .error(.diagnosesFolderMissing, "the content folder has no 'diagnoses/' folder; add one folder per diagnosis there",
               at: location)
    }

    static func unknownTopLevelEntry(_ name: String, at location: SourceLocation) -> Diagnostic {
        .warning(.unknownTopLevelEntry,
                 "'\(name)' is not part of the content format and is ignored; expected 'site.yaml', 'general/' and 'diagnoses/'",
                 at: location)
    }

    /// `expected`: what the folder holds (`step files ('.md') and '_section.md'`).
    static func strayFile(_ name: String, expected: String, at location: SourceLocation) -> Diagnostic {
        .warning(.strayFile, "'\(name)' is ignored; this folder holds \(expected)", at: location)
    }

    static func folderInsideRegion(_ name: String, regionFile: String, at location: SourceLocation) -> Diagnostic {
        .error(.unexpectedFolder,
               "'\(name)' is a folder inside a region; a region holds '\(regionFile)' and supplement files ('.md') only",
               at: location)
    }

    static func folderInsideSection(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(.unexpectedFolder,
               "'\(name)' is a folder inside a section; a section holds step files only (modul → avsnitt → steg)",
               at: location)
    }

    static func stepOutsideSection(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(.stepOutsideSection,
               "'\(name)' lies directly in a module folder; steps belong in a section folder inside it", at: location)
    }

    static func translationWithoutStep(language: String, stem: String, at location: SourceLocation) -> Diagnostic {
        .error(.translationWithoutStep,
               "translation '\(language)' of '\(stem).md', but there is no '\(stem).md' beside it; a translation needs its Swedish step",
               at: location)
    }

    /// `level`: `diagnosis`, `module`, `section` or `region`.
    static func metadataFileMissing(level: String, folder: String, file: String, at location: SourceLocation) -> Diagnostic {
        .error(.metadataFileMissing,
               "the \(level) folder '\(folder)' has no '\(file)'; create it with at least a 'title'", at: location)
    }

    static func folderUnreadable(_ path: String, at location: SourceLocation) -> Diagnostic {
        .error(.folderUnreadable, "cannot read the folder '\(path)'; check that it exists and is readable", at: location)
    }

    static func fileUnreadable(at location: SourceLocation) -> Diagnostic {
        .error(.fileUnreadable, "cannot read the file; check its permissions", at: location)
    }

    static func imageUnreadable(at location: SourceLocation) -> Diagnostic {
        .error(.imageUnreadable, "cannot read the image; check its permissions", at: location)
    }

    /// A content file of `size` bytes, above the 1 MB a step file may be.
    static func contentFileTooLarge(size: Int, at location: SourceLocation) -> Diagnostic {
        let shown = (Double(size) / 1_048_576 * 10).rounded() / 10
        return .error(.contentFileTooLarge,
                      "file is \(shown) MB, larger than the 1 MB a content file may be; split it into several steps",
                      at: location)
    }

    static func nulByte(at location: SourceLocation) -> Diagnostic {
        .error(.nulByte, "file contains a NUL byte and looks binary; content files must be UTF-8 text", at: location)
    }

    static func invalidUTF8(byte: UInt8, at location: SourceLocation) -> Diagnostic {
        .error(.invalidUTF8,
               "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save it as UTF-8", at: location)
    }

    /// A step file whose body, read again for its diagnosis's pages, is no longer the
    /// file read first (edited, replaced or removed while the build ran).
    static func stepFileChanged(at location: SourceLocation) -> Diagnostic {
        .error(.stepFileChanged,
               "the file changed while the build was running, so nothing was written; run the build again",
               at: location)
    }

    /// An entry that is never read, at its path; `root`: the folder as the user named it.
    public static func fileProblem(_ problem: FileProblem, root: String, at location: SourceLocation) -> Diagnostic {
        .error(problem.code, problem.message(root: root), at: location)
    }
}
