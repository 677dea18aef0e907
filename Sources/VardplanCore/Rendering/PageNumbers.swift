/// The page each heading of a printout is on, for the table of contents and the
/// in-document references ("(se sidan 12)"), keyed by the heading's id
/// (`rubrik-modul-…`, `avsnitt-…`, `rubrik-steg-…`).
///
/// Chromium has no `target-counter`, so `vardplan print --pdf` lays the printout out,
/// reads each heading's page back from the PDF's named destinations (every heading the
/// table of contents links to is one; `pdfinfo -dests`), and lays it out again with the
/// numbers until they no longer change. A printout without page numbers (HTML for a
/// browser's own print dialog) shows none rather than wrong ones.
public struct PageNumbers: Equatable, Sendable {
    /// Page numbers by heading id.
    public var pages: [String: Int]
    /// The number shown for a heading not in `pages`: the placeholder of a first layout.
    public var placeholder: Int?

    public init(pages: [String: Int] = [:], placeholder: Int? = nil) {
        self.pages = pages
        self.placeholder = placeholder
    }

    /// A first layout's numbers: every heading on page 10, two digits as most will be.
    public static let firstLayout = PageNumbers(placeholder: 10)

    /// The page of the heading with `id`, if known.
    public func page(of id: String) -> Int? {
        pages[id] ?? placeholder
    }

    /// Reads `pdfinfo -dests` output: one destination per line, `PAGE [ XYZ … ] "NAME"`.
    /// Lines that are not a destination (the header) are skipped.
    public static func parse(destinations text: String) -> PageNumbers {
        var pages: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == " " })
            guard let firstSpace = trimmed.firstIndex(of: " "), let page = Int(trimmed[..<firstSpace]),
                  let close = trimmed.lastIndex(of: "\""),
                  let open = trimmed[..<close].lastIndex(of: "\"") else { continue }
            let name = String(trimmed[trimmed.index(after: open)..<close])
            if pages[name] == nil { pages[name] = page }
        }
        return PageNumbers(pages: pages)
    }

    /// The numbers restricted to the headings of `ids`: what a layout must agree on.
    public func restricted(to ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for id in ids { if let page = page(of: id) { result[id] = page } }
        return result
    }
}
