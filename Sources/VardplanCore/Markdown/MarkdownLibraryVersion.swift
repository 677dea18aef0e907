import Ccmark

/// The version of the libcmark the program is linked against, for `--version`.
public enum MarkdownLibraryVersion {
    /// `0.30.2`, as libcmark reports it at run time.
    public static var string: String {
        guard let text = cmark_version_string() else { return "unknown" }
        return String(cString: text)
    }
}
