/// The kind of a callout box, chosen by its marker (`> [!AKUT] Ring 112`).
public enum MarkdownCalloutKind: String, Sendable, Hashable, CaseIterable {
    /// Emergency: when to call 112 or go to the emergency department.
    case akut
    /// Important information the reader must not miss.
    case viktigt
    /// A practical tip.
    case tips
    /// Background information ("good to know").
    case info

    /// The marker as written in Markdown, without brackets: `AKUT`.
    public var marker: String { rawValue.uppercased() }

    /// The Swedish label used as the box's accessible name.
    public var label: String {
        switch self {
        case .akut: return "Akut"
        case .viktigt: return "Viktigt"
        case .tips: return "Tips"
        case .info: return "Bra att veta"
        }
    }

    /// The kind for a marker name, case-insensitively (`akut`, `Akut`, `AKUT`).
    public init?(marker: String) {
        self.init(rawValue: marker.lowercased())
    }
}
