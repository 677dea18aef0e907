/// Checks every link in the texts of a diagnosis: a step or module link that leads
/// nowhere is an error at the link. `DiagnosisPass` runs it for each diagnosis;
/// a broken link in a general module shows once in the sorted diagnostics.
public enum LinkChecker {
    /// The broken links of one diagnosis's texts, with their messages.
    public static func broken(in diagnosis: Diagnosis) -> [(String, SourceLocation)] {
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
