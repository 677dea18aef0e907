/// Whether a partial build may keep the previous build's sitemap instead of making it
/// again.
///
/// A sitemap is made from the paths of the diagnoses' pages and the start pages, the
/// site's languages, the base address and the `sitemap` template. A partial build
/// (`BuildChanges.diagnoses`) has the previous build's settings (so its base address
/// and region), templates and `site.yaml` (so its languages and start pages): its
/// sitemap differs from the previous one only when the set of diagnosis pages does.
enum KeptSitemap {
    /// The previous build's sitemap files (`sitemap.xml` and its parts) with their
    /// sizes, when `pagePaths` (the diagnosis pages of this build, each once) are the
    /// previous build's (`previous.owners`); nil when the sitemap must be made again, or
    /// the previous build had none.
    static func files(of previous: BuildStamp, pagePaths: some Collection<String>) -> [(path: String, size: Int)]? {
        guard pagePaths.count == previous.owners.count,
              pagePaths.allSatisfy({ previous.owners[$0] != nil }) else { return nil }
        // The cheap test first: 23 000 pages at 25 diagnoses, a few sitemap files.
        let files = previous.files.filter { SitePaths.isSitemap($0.path) && previous.owners[$0.path] == nil }
        guard files.contains(where: { $0.path == SitePaths.sitemap }) else { return nil }
        return files
    }
}
