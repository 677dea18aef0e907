import VardplanDiagnostics

/// Why an entry of the content or templates folder is not read: the rules of
/// docs/content-format.md, "Symbolic links and special files". Each is an error at
/// the entry's path; the wording lives here.
public enum FileProblem: Error, Hashable, Sendable {
    /// A symbolic link whose real target lies outside the folder it is in (`content/`,
    /// `templates/`); `target` is the link's text.
    case linkOutsideRoot(target: String)
    /// A symbolic link to nothing.
    case danglingLink(target: String)
    /// A symbolic link that leads back to itself through other links.
    case linkLoop(target: String)
    /// A folder reached a second time (a link to a folder above it, or two links to
    /// one folder): `first` is the path it was first reached by.
    case folderReachedTwice(first: String)
    /// A named pipe, socket or device: never opened.
    case notRegularFile(kind: String)
    /// Larger than the folder allows; `size` in bytes.
    case tooLarge(size: Int, limit: Int)

    /// The code of this kind of problem (docs/diagnostics.md).
    public var code: DiagnosticCode {
        switch self {
        case .linkOutsideRoot: return .linkOutsideRoot
        case .danglingLink: return .danglingLink
        case .linkLoop: return .linkLoop
        case .folderReachedTwice: return .folderReachedTwice
        case .notRegularFile: return .notRegularFile
        case .tooLarge: return .fileTooLarge
        }
    }

    /// The message shown at the entry's path; `root` is the folder as the user named it.
    public func message(root: String) -> String {
        switch self {
        case .linkOutsideRoot(let target):
            return "symbolic link to '\(target)', which lies outside '\(root)'; copy the file or folder into '\(root)' "
                + "instead of linking to it"
        case .danglingLink(let target):
            return "symbolic link to '\(target)', which does not exist; fix the link or remove it"
        case .linkLoop(let target):
            return "symbolic link to '\(target)' leads round in a loop of links; remove the link"
        case .folderReachedTwice(let first):
            return "this folder is '\(first)' again (a symbolic link to a folder above it, or a second link to the same "
                + "folder); remove the link, or copy the folder"
        case .notRegularFile(let kind):
            return "this is a \(kind), not a file; only regular files and folders belong here, so remove it"
        case .tooLarge(let size, let limit):
            return "file is \(Self.megabytes(size)) MB, larger than the \(Self.megabytes(limit)) MB a file here may be; "
                + "make it smaller"
        }
    }

    /// `1048576` → `1`, `1572864` → `1.5`.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 1_048_576 * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
