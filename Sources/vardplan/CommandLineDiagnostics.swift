import VardplanDiagnostics

// The command line's own problems (VP9xx, docs/diagnostics.md): its codes and all the
// wording of its messages. Problems with no file have no location and print as
// `vardplan: error: …`; nothing here ever quotes a manifest's text, only its path.

extension DiagnosticCode {
    // Usage: a mistake on the command line (exit 2).
    /// A command that does not exist.
    static let unknownCommand = DiagnosticCode("VP901")
    /// An option the command does not have.
    static let unknownOption = DiagnosticCode("VP902")
    /// An option that takes a value given none.
    static let missingOptionValue = DiagnosticCode("VP903")
    /// A value given to an option that takes none.
    static let unexpectedOptionValue = DiagnosticCode("VP904")
    /// A required argument missing.
    static let missingArgument = DiagnosticCode("VP905")
    /// An argument too many.
    static let extraArgument = DiagnosticCode("VP906")
    /// A date that is not YYYY-MM-DD.
    static let badDate = DiagnosticCode("VP907")
    /// An option's value that is not one it takes.
    static let badOptionValue = DiagnosticCode("VP908")
    /// Options that do not go together.
    static let conflictingOptions = DiagnosticCode("VP909")

    // Output folders of build and serve.
    /// An output folder that is the current folder or overlaps an input.
    static let outputFolderOverlaps = DiagnosticCode("VP920")
    /// An output folder that cannot be used (held by another build, not a vardplan site…).
    static let outputFolderUnusable = DiagnosticCode("VP921")
    /// The finished site could not replace the output folder.
    static let outputFolderNotReplaced = DiagnosticCode("VP922")
    /// The preview server could not start.
    static let previewServerNotStarted = DiagnosticCode("VP923")
    /// The preview listens on an address others can reach.
    static let previewBeyondLoopback = DiagnosticCode("VP924")

    // Where a file holding patient data may go.
    /// A printout or manifest path that is a symbolic link.
    static let patientFileIsLink = DiagnosticCode("VP930")
    /// A printout or manifest path that is a folder.
    static let patientFileIsFolder = DiagnosticCode("VP931")
    /// A printout that would overwrite a manifest given.
    static let printoutOverwritesManifest = DiagnosticCode("VP932")
    /// A printout or manifest inside a published site.
    static let patientFileInPublicSite = DiagnosticCode("VP933")
    /// A printout or manifest inside the site output, the content or the templates.
    static let patientFileInProtectedFolder = DiagnosticCode("VP934")
    /// A folder for `--out-dir` that is a file, or cannot be made.
    static let printFolderUnusable = DiagnosticCode("VP935")
    /// Two manifests that print to the same file.
    static let printoutsCollide = DiagnosticCode("VP936")
    /// A manifest file that exists and is not replaced.
    static let manifestExists = DiagnosticCode("VP937")

    // Reading a manifest file.
    /// A manifest path that is not a regular file.
    static let manifestNotRegularFile = DiagnosticCode("VP940")
    /// A manifest file over the size limit.
    static let manifestTooLarge = DiagnosticCode("VP941")
    /// A manifest file that does not exist or may not be read.
    static let manifestUnreadable = DiagnosticCode("VP942")

    // PDF.
    /// No PDF engine (Chromium and pdfinfo) installed.
    static let pdfEngineMissing = DiagnosticCode("VP950")
    /// The PDF engine failed.
    static let pdfEngineFailed = DiagnosticCode("VP951")
    /// The PDF's page numbers did not settle; it has none.
    static let pdfPageNumbersUnsettled = DiagnosticCode("VP952")

    // Files.
    /// A file or folder that cannot be written or made.
    static let fileNotWritten = DiagnosticCode("VP960")
    /// A file that cannot be read.
    static let fileNotRead = DiagnosticCode("VP961")

    // The workbench commands.
    /// `diff --write-changes` on a diagnosis whose version did not change.
    static let versionUnchanged = DiagnosticCode("VP970")
    /// The `changes:` entry cannot be added to a `_diagnosis.md`.
    static let changesNotWritten = DiagnosticCode("VP971")
    /// A diagnosis id the content does not have.
    static let unknownDiagnosis = DiagnosticCode("VP980")
    /// The folder for `vardplan new` does not exist.
    static let newFolderMissing = DiagnosticCode("VP981")
    /// The name or title for `vardplan new` cannot be used.
    static let newItemRefused = DiagnosticCode("VP982")
}

extension Diagnostic {
    // MARK: Usage

    static func unknownCommand(_ name: String, suggestion: String?) -> Diagnostic {
        .error(.unknownCommand, "unknown command '\(name)'" + NameSuggester.didYouMeanClause(suggestion)
            + (suggestion == nil ? "; run 'vardplan --help' for the commands" : ""), at: nil)
    }

    static func unknownOption(_ name: String, suggestion: String?) -> Diagnostic {
        .error(.unknownOption, "unknown option '\(name)'" + NameSuggester.didYouMeanClause(suggestion), at: nil)
    }

    static func missingOptionValue(_ option: String) -> Diagnostic {
        .error(.missingOptionValue, "option '\(option)' needs a value", at: nil)
    }

    static func unexpectedOptionValue(_ option: String) -> Diagnostic {
        .error(.unexpectedOptionValue, "option '\(option)' takes no value", at: nil)
    }

    /// `what` is the argument described ("the manifest file (vardplan print MANIFEST)").
    static func missingArgument(_ what: String) -> Diagnostic {
        .error(.missingArgument, "missing \(what)", at: nil)
    }

    static func extraArgument(_ argument: String) -> Diagnostic {
        .error(.extraArgument, "unexpected argument '\(argument)'", at: nil)
    }

    static func badDate(option: String, value: String) -> Diagnostic {
        .error(.badDate, "'\(value)' given to '\(option)' is not a date; write YYYY-MM-DD", at: nil)
    }

    /// `expected` says what the option takes ("text or json").
    static func badOptionValue(option: String, value: String, expected: String) -> Diagnostic {
        .error(.badOptionValue, "'\(value)' given to '\(option)' is not \(expected)", at: nil)
    }

    static var severalManifestsWithoutOutDirectory: Diagnostic {
        .error(.conflictingOptions, "several manifests are printed with --out-dir DIR (each to DIR/<manifest name>.html)", at: nil)
    }

    static var outputAndOutDirectory: Diagnostic {
        .error(.conflictingOptions, "-o names one file and --out-dir a folder for many; give one or the other", at: nil)
    }

    // MARK: Output folders

    static func outputIsCurrentFolder(_ output: String) -> Diagnostic {
        .error(.outputFolderOverlaps, "the output folder '\(output)' is the current folder; give a folder of its own with --output", at: nil)
    }

    static func outputOverlaps(_ output: String, source: String) -> Diagnostic {
        .error(.outputFolderOverlaps, "the output folder '\(output)' overlaps '\(source)'; building there would replace your files", at: nil)
    }

    /// `reason` is the site writer's account of why.
    static func outputFolderUnusable(reason: String) -> Diagnostic {
        .error(.outputFolderUnusable, reason, at: nil)
    }

    static func outputFolderNotReplaced(_ output: String, reason: String) -> Diagnostic {
        .error(.outputFolderNotReplaced, "\(reason); the previous \(output) is unchanged", at: nil)
    }

    static func previewServerNotStarted(reason: String) -> Diagnostic {
        .error(.previewServerNotStarted, reason, at: nil)
    }

    static func previewBeyondLoopback(_ address: String) -> Diagnostic {
        .warning(.previewBeyondLoopback, "listening on \(address): anyone who can reach this address can read the preview", at: nil)
    }

    // MARK: Where patient data may go

    /// `holder` is what the file is ("a printout", "a manifest").
    static func patientFileIsLink(_ path: String, holder: String) -> Diagnostic {
        .error(.patientFileIsLink, "'\(path)' is a symbolic link; \(holder) holds patient data and is only written to a plain file: give another path with -o", at: nil)
    }

    static func patientFileIsFolder(_ path: String) -> Diagnostic {
        .error(.patientFileIsFolder, "'\(path)' is a folder; give a file name with -o, such as min-vardplan.html", at: nil)
    }

    static func printoutOverwritesManifest(_ manifest: String) -> Diagnostic {
        .error(.printoutOverwritesManifest, "the printout would overwrite the manifest '\(manifest)'; choose another file with -o", at: nil)
    }

    static func patientFileInPublicSite(_ path: String, site: String, stamp: String, holder: String) -> Diagnostic {
        .error(.patientFileInPublicSite, "'\(path)' is inside a public site ('\(site)' has the build stamp \(stamp)); \(holder) holds patient data and must never be written into a published site: choose a place outside it", at: nil)
    }

    /// `what` names the folder ("the content folder").
    static func patientFileInProtectedFolder(_ path: String, what: String, folder: String, holder: String) -> Diagnostic {
        .error(.patientFileInProtectedFolder, "'\(path)' is inside \(what) '\(folder)'; \(holder) holds patient data and must never be written into the public site or the content: choose a place outside it", at: nil)
    }

    static func printFolderIsFile(_ folder: String) -> Diagnostic {
        .error(.printFolderUnusable, "'\(folder)' is not a folder; give a folder with --out-dir", at: nil)
    }

    static func printFolderNotMade(_ folder: String, reason: String) -> Diagnostic {
        .error(.printFolderUnusable, "cannot make the folder '\(folder)': \(reason)", at: nil)
    }

    static func printoutsCollide(_ manifest: String, first: String, target: String) -> Diagnostic {
        .error(.printoutsCollide, "'\(first)' is printed to the same file '\(target)'; give the manifests different names",
               at: SourceLocation(path: manifest, line: 1, column: 1))
    }

    static func manifestExists(_ path: String) -> Diagnostic {
        .error(.manifestExists, "'\(path)' exists; it may hold a nurse's work, so it is not replaced (use --force to replace it)", at: nil)
    }

    // MARK: Reading a manifest

    static var manifestNotRegularFile: Diagnostic {
        .error(.manifestNotRegularFile, "the manifest is not a regular file; give the path of a manifest file", at: nil)
    }

    static var manifestTooLarge: Diagnostic {
        .error(.manifestTooLarge, "the manifest is larger than 1 MB, more than any plan needs; check that this is the manifest", at: nil)
    }

    static var manifestMissing: Diagnostic {
        .error(.manifestUnreadable, "cannot read the manifest; check the path (create one with 'vardplan manifest new DIAGNOSIS')", at: nil)
    }

    static var manifestForbidden: Diagnostic {
        .error(.manifestUnreadable, "cannot read the manifest; check that you may read it", at: nil)
    }

    // MARK: PDF

    /// What of the PDF engine is missing.
    enum PDFEngineGap {
        /// Chromium is there, pdfinfo is not.
        case pdfinfo
        /// Only WeasyPrint, which is no longer used.
        case onlyWeasyPrint
        /// Neither.
        case everything
    }

    static func pdfEngineMissing(_ gap: PDFEngineGap) -> Diagnostic {
        let message = switch gap {
        case .pdfinfo:
            "--pdf reads the page numbers back with pdfinfo, which is not installed; install poppler-utils (apt-get install poppler-utils), or leave out --pdf to get HTML"
        case .onlyWeasyPrint:
            "--pdf needs headless Chromium; WeasyPrint is no longer used, as it writes untagged PDFs without page numbers or bookmarks; install Chromium (apt-get install chromium poppler-utils), or leave out --pdf to get HTML"
        case .everything:
            "no PDF engine found; install headless Chromium and poppler-utils (apt-get install chromium poppler-utils), or leave out --pdf to get HTML"
        }
        return .error(.pdfEngineMissing, message, at: nil)
    }

    static var printoutNotRenderedAgain: Diagnostic {
        .error(.pdfEngineFailed, "the printout could not be rendered again", at: nil)
    }

    static func pdfNotMade(engine: String, status: Int32) -> Diagnostic {
        .error(.pdfEngineFailed, "\(engine) could not make the PDF (exit \(status)); try without --pdf and print the HTML from a browser", at: nil)
    }

    static func pdfPagesNotRead(status: Int32) -> Diagnostic {
        .error(.pdfEngineFailed, "pdfinfo could not read the PDF's pages (exit \(status))", at: nil)
    }

    static func engineNotStarted(_ engine: String, reason: String) -> Diagnostic {
        .error(.pdfEngineFailed, "cannot start \(engine) (\(reason))", at: nil)
    }

    static func pdfPageNumbersUnsettled(_ manifest: String, layouts: Int) -> Diagnostic {
        .warning(.pdfPageNumbersUnsettled, "the page numbers did not settle after \(layouts) layouts; the PDF has none (the table of contents and references show no page)",
                 at: .wholeFile(manifest))
    }

    // MARK: Files

    /// `reason` is the system's ("Permission denied").
    static func fileNotWritten(_ path: String, reason: String) -> Diagnostic {
        .error(.fileNotWritten, "cannot write '\(path)' (\(reason))", at: nil)
    }

    static func fileNotWritten(_ path: String, explanation: String) -> Diagnostic {
        .error(.fileNotWritten, "cannot write '\(path)': \(explanation)", at: nil)
    }

    static func fileNotWrittenCheckPermissions(_ path: String) -> Diagnostic {
        .error(.fileNotWritten, "cannot write '\(path)'; check its permissions", at: nil)
    }

    static func fileNotWrittenCheckFolder(_ path: String) -> Diagnostic {
        .error(.fileNotWritten, "cannot write '\(path)'; check the folder's permissions", at: nil)
    }

    static func folderNotCreated(_ path: String) -> Diagnostic {
        .error(.fileNotWritten, "cannot create '\(path)'; check the folder's permissions", at: nil)
    }

    static func temporaryFolderNotMade(in base: String, reason: String) -> Diagnostic {
        .error(.fileNotWritten, "cannot make a private temporary folder in '\(base)' (\(reason))", at: nil)
    }

    static func fileNotRead(_ path: String) -> Diagnostic {
        .error(.fileNotRead, "cannot read '\(path)'", at: nil)
    }

    // MARK: Workbench

    static func versionUnchanged(_ path: String, version: String) -> Diagnostic {
        .error(.versionUnchanged, "\(path): the version is still '\(version)'; set the new 'version:' first, then write the changes", at: nil)
    }

    /// `reason` is the changes writer's.
    static func changesNotWritten(_ path: String, reason: String) -> Diagnostic {
        .error(.changesNotWritten, "\(path): \(reason)", at: nil)
    }

    /// `hint` is the did-you-mean (or empty); `known` the ids the content has.
    static func unknownDiagnosis(_ id: String, hint: String, known: [String]) -> Diagnostic {
        .error(.unknownDiagnosis, "there is no diagnosis '\(id)'\(hint); the content has \(known.map { "'\($0)'" }.joined(separator: ", "))", at: nil)
    }

    static func newFolderMissing(_ folder: String) -> Diagnostic {
        .error(.newFolderMissing, "the folder '\(folder)' does not exist; give FOLDER/NAME inside an existing folder", at: nil)
    }

    /// `reason` is the scaffold's.
    static func newItemRefused(reason: String) -> Diagnostic {
        .error(.newItemRefused, reason, at: nil)
    }

    // MARK: -

    /// The same diagnostic at another place (a print refusal shown at its manifest).
    func at(_ location: SourceLocation?) -> Diagnostic {
        var copy = self
        copy.location = location
        return copy
    }
}

/// A failure carrying the diagnostic that describes it, thrown by the CLI's file and
/// engine helpers and printed by the command.
struct DiagnosticFailure: Error {
    var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }
}
