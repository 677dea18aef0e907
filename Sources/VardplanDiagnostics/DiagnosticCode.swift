/// A stable name for one kind of problem, such as `VP104`, carried by every diagnostic
/// and by `check --format json`, so that tools and people can look it up in
/// docs/diagnostics.md and filter on it. A code, once published, keeps its meaning.
///
/// Codes are grouped by the stage that finds them:
///
/// | range | stage |
/// |---|---|
/// | VP0xx | files and folders: reading, UTF-8, sizes, links |
/// | VP1xx | front matter syntax (YAML, JSON, the `---` fences) |
/// | VP2xx | front matter fields and the content model |
/// | VP3xx | Markdown bodies |
/// | VP4xx | templates and interface strings |
/// | VP5xx | manifests and patient plans |
/// | VP6xx | plain language |
/// | VP7xx | links, images and rendered pages |
/// | VP8xx | output folders, builds, printouts and the preview server |
/// | VP9xx | the command line |
///
/// Each stage declares its codes as static members in one file of its own
/// (`extension DiagnosticCode { static let … }`), beside typed constructors for its
/// messages.
public struct DiagnosticCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The code as printed, `VP` and three digits.
    public let rawValue: String

    /// A code; `rawValue` must be `VP` and three digits (checked in debug builds).
    public init(_ rawValue: String) {
        assert(rawValue.count == 5 && rawValue.hasPrefix("VP") && rawValue.dropFirst(2).allSatisfy(\.isNumber),
               "a diagnostic code is VP and three digits")
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
