/// Where each page of the national site lives in the output folder, and relative
/// links between pages, so the folder works from any path (also `file://`).
///
/// ```
/// index.html                              start page: every diagnosis
/// 404.html, sitemap.xml (sitemap-N.xml), assets/…
/// <diagnosis>/index.html                  diagnosis page: its modules
/// <diagnosis>/personal.html               staff overview
/// <diagnosis>/utskrift.html               the nurse's page: tailor and print a plan
/// <diagnosis>/<module>/index.html         module page: its sections and steps
/// <diagnosis>/<module>/<step>.html        step page
/// ```
public enum SitePaths {
    public static let start = "index.html"
    public static let notFound = "404.html"
    public static let sitemap = "sitemap.xml"
    /// One part of a sitemap too large for one file (`sitemap-1.xml`, …): `sitemap.xml`
    /// is then the sitemap index listing the parts.
    public static func sitemapPart(_ number: Int) -> String { "sitemap-\(number).xml" }

    /// `sitemap.xml` or one of its parts.
    public static func isSitemap(_ path: String) -> Bool {
        guard path != sitemap else { return true }
        guard path.hasPrefix("sitemap-"), path.hasSuffix(".xml") else { return false }
        let number = path.dropFirst("sitemap-".count).dropLast(".xml".count)
        return Int(number).map { $0 >= 1 && sitemapPart($0) == path } == true
    }
    public static let stylesheet = "assets/vardplan.css"

    public static func diagnosis(_ diagnosis: String) -> String { "\(diagnosis)/index.html" }
    public static func staffOverview(_ diagnosis: String) -> String { "\(diagnosis)/personal.html" }
    public static func nursePage(_ diagnosis: String) -> String { "\(diagnosis)/utskrift.html" }
    public static func module(_ diagnosis: String, _ module: String) -> String {
        concatenated(diagnosis, "/", module, "/index.html")
    }
    public static func step(_ diagnosis: String, _ module: String, _ step: String) -> String {
        concatenated(diagnosis, "/", module, "/", step, ".html")
    }

    /// A relative link from one output file to another (`../index.html`).
    ///
    /// Works on UTF-8 bytes: it runs for every link of every page, and splitting
    /// `String`s by `Character` was a quarter of a whole build's instructions.
    public static func relative(from page: String, to target: String) -> String {
        var page = page, target = target
        return page.withUTF8 { from in
            target.withUTF8 { to in
                // The longest common prefix that ends with a slash, in both paths.
                var common = 0
                var index = 0
                while index < from.count, index < to.count, from[index] == to[index] {
                    if from[index] == 0x2F { common = index + 1 }
                    index += 1
                }
                var ups = 0
                index = common
                while index < from.count {
                    if from[index] == 0x2F { ups += 1 }
                    index += 1
                }
                // Written straight into the string's storage: no byte array to make and
                // copy (37 000 links at 3 diagnoses, about 1 500 → 950 instructions each).
                let rest = to.count - common
                return String(unsafeUninitializedCapacity: ups * 3 + rest) { buffer in
                    var written = 0
                    for _ in 0..<ups {
                        buffer[written] = 0x2E
                        buffer[written + 1] = 0x2E
                        buffer[written + 2] = 0x2F
                        written += 3
                    }
                    if rest > 0 {
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[written...])
                            .initialize(from: UnsafeBufferPointer(rebasing: to[common...]))
                        written += rest
                    }
                    return written
                }
            }
        }
    }

    /// The prefix from a page back to the output root (`../../`, or empty at the top).
    public static func root(from page: String) -> String {
        let depth = page.utf8.reduce(0) { $0 + ($1 == 0x2F ? 1 : 0) }
        return String(repeating: "../", count: depth)
    }
}
