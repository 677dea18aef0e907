/// Where each page of the national site lives in the output folder, and relative
/// links between pages, so the folder works from any path (also `file://`).
///
/// ```
/// index.html                              start page: every diagnosis
/// 404.html, sitemap.xml, assets/…
/// <diagnosis>/index.html                  diagnosis page: its modules
/// <diagnosis>/personal.html               staff overview
/// <diagnosis>/<module>/index.html         module page: its sections and steps
/// <diagnosis>/<module>/<step>.html        step page
/// ```
public enum SitePaths {
    public static let start = "index.html"
    public static let notFound = "404.html"
    public static let sitemap = "sitemap.xml"
    public static let stylesheet = "assets/vardplan.css"

    public static func diagnosis(_ diagnosis: String) -> String { "\(diagnosis)/index.html" }
    public static func staffOverview(_ diagnosis: String) -> String { "\(diagnosis)/personal.html" }
    public static func module(_ diagnosis: String, _ module: String) -> String { "\(diagnosis)/\(module)/index.html" }
    public static func step(_ diagnosis: String, _ module: String, _ step: String) -> String {
        "\(diagnosis)/\(module)/\(step).html"
    }

    /// A relative link from one output file to another (`../index.html`).
    public static func relative(from page: String, to target: String) -> String {
        let fromParts = page.split(separator: "/").dropLast()
        let toParts = target.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1,
              fromParts[fromParts.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }

    /// The prefix from a page back to the output root (`../../`, or empty at the top).
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
