/// Checks every link in every text of every diagnosis: a step or module link that
/// leads nowhere is an error at the link.
///
/// General modules are checked in each diagnosis that includes them; the same broken
/// link is reported once.
public enum LinkChecker {
    public static func check(_ model: SiteModel, diagnostics: inout Diagnostics) {
        var reported = Set<SourceLocation>()
        for diagnosis in model.diagnoses {
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
                    guard case .broken(let message) = resolver.resolve(link.destination, from: link.location.path),
                          reported.insert(link.location).inserted else { continue }
                    diagnostics.error(message, at: link.location)
                }
            }
        }
    }
}
