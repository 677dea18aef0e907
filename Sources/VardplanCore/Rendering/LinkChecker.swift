import VardplanDiagnostics
import VardplanMarkdown

/// Checks every link in the texts of a diagnosis: a step or module link that leads
/// nowhere is an error at the link. `DiagnosisPass` runs it for each diagnosis;
/// a broken link in a general module shows once in the sorted diagnostics.
public enum LinkChecker {
    /// The errors for the broken links of one diagnosis's texts.
    /// With `images`, the images of the texts are checked too (`ImageChecker`).
    public static func broken(in diagnosis: Diagnosis, images: [String: ContentImage]? = nil) -> [Diagnostic] {
        var result: [Diagnostic] = []
        do {
            let resolver = LinkResolver(diagnosis: diagnosis)
            // Translations are checked like the Swedish texts.
            func translated(_ translations: [String: Translation]) -> [MarkdownDocument] {
                translations.keys.sorted().compactMap { translations[$0]?.body }
            }
            var documents: [MarkdownDocument] = (diagnosis.intro.map { [$0] } ?? []) + translated(diagnosis.translations)
            for module in diagnosis.modules {
                if let intro = module.intro { documents.append(intro) }
                documents.append(contentsOf: translated(module.translations))
                for section in module.sections {
                    if let intro = section.intro { documents.append(intro) }
                    documents.append(contentsOf: translated(section.translations))
                    for step in section.steps {
                        documents.append(step.body)
                        documents.append(contentsOf: translated(step.translations))
                        if let supplements = step.supplements {
                            documents.append(contentsOf: (supplements.before + supplements.after).map(\.body))
                        }
                    }
                }
            }
            for document in documents {
                if let images { result.append(contentsOf: ImageChecker.problems(in: document, images: images)) }
                for link in document.links {
                    // Images beside the file are checked by `ImageChecker`.
                    if let images, ImageChecker.image(link.destination, from: document.sourcePath, in: images) != nil { continue }
                    if case .broken(let problem) = resolver.resolve(link.destination, from: document.sourcePath) {
                        result.append(problem.diagnostic(at: link.location))
                    }
                }
            }
        }
        return result
    }
}
