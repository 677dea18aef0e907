/// Checks every link in every text of every diagnosis: a step or module link that
/// leads nowhere is an error at the link.
///
/// General modules are checked in each diagnosis that includes them; the same broken
/// link is reported once.
public enum LinkChecker {
    public static func check(_ model: SiteModel, diagnostics: inout Diagnostics) {
        // Each diagnosis on its own core; the same place is reported once.
        let found = ParallelMap.map(model.diagnoses) { broken(in: $0) }
        var reported = Set<SourceLocation>()
        for (message, location) in found.joined() where reported.insert(location).inserted {
            diagnostics.error(message, at: location)
        }
    }

    /// The broken links of one diagnosis's texts, with their messages.
    static func broken(in diagnosis: Diagnosis) -> [(String, SourceLocation)] {
        var result: [(String, SourceLocation)] = []
        do {
            let resolver = LinkResolver(diagnosis: diagnosis)
            var documents: [MarkdownDocument] = diagnosis.intro.map { [$0] } ?? []
            for module in diagnosis.modules {
                if let intro = module.intro { documents.append(intro) }
                for section in module.sections {
                    if let intro = section.intro { documents.append(intro) }
                    documents.append(contentsOf: section.steps.map(\.body))
                }
            }
            for document in documents {
                for link in document.links {
                    if case .broken(let message) = resolver.resolve(link.destination, from: link.location.path) {
                        result.append((message, link.location))
                    }
                }
            }
        }
        return result
    }
}
