import VardplanDiagnostics
import VardplanMarkdown

/// Resolves the destinations of links in one diagnosis's texts: step links by id
/// (`steg:illamaende`), module links (`modul:behandling`), relative links to `.md`
/// files, and everything else left as written.
public struct LinkResolver: Sendable {
    /// What a link destination leads to.
    public enum Resolution: Equatable, Sendable {
        /// A page of the site: its output path and an optional `#fragment`.
        case page(path: String, fragment: String?)
        /// An address outside our content (`https:`, `mailto:`, `tel:`, `#anchor`, …), kept as written.
        case external
        /// A step or module link that leads nowhere, and why.
        case broken(BrokenLink)
    }

    public static let stepScheme = "steg:"
    public static let moduleScheme = "modul:"

    let diagnosisID: String
    /// The output page of every step id and alias (worked out once, not per link).
    private var stepPagesByID: [String: String] = [:]
    private var modulesByID: [String: String] = [:]
    private var pagesByFile: [String: String] = [:]
    private let stepIDs: [String]
    private let moduleIDs: [String]

    public init(diagnosis: Diagnosis) {
        diagnosisID = diagnosis.id
        var stepIDs: [String] = [], moduleIDs: [String] = []
        let stepCount = diagnosis.modules.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.steps.count } }
        stepIDs.reserveCapacity(stepCount)
        stepPagesByID.reserveCapacity(stepCount)
        pagesByFile.reserveCapacity(stepCount + 2 * diagnosis.modules.count)
        // By index: a `for` over the arrays copies every module, section and step (each
        // field retained) only to read a few of their strings.
        for m in diagnosis.modules.indices {
            let moduleID = diagnosis.modules[m].id
            moduleIDs.append(moduleID)
            for name in [moduleID] + diagnosis.modules[m].aliases where modulesByID[name] == nil {
                modulesByID[name] = moduleID
            }
            let modulePage = SitePaths.module(diagnosis.id, moduleID)
            pagesByFile[diagnosis.modules[m].sourcePath] = modulePage
            for s in diagnosis.modules[m].sections.indices {
                pagesByFile[diagnosis.modules[m].sections[s].sourcePath] = concatenated(modulePage, "#avsnitt-", diagnosis.modules[m].sections[s].id)
                for t in diagnosis.modules[m].sections[s].steps.indices {
                    let stepID = diagnosis.modules[m].sections[s].steps[t].id
                    stepIDs.append(stepID)
                    let stepPage = SitePaths.step(diagnosis.id, moduleID, stepID)
                    if stepPagesByID[stepID] == nil { stepPagesByID[stepID] = stepPage }
                    for name in diagnosis.modules[m].sections[s].steps[t].aliases where stepPagesByID[name] == nil {
                        stepPagesByID[name] = stepPage
                    }
                    pagesByFile[diagnosis.modules[m].sections[s].steps[t].source.relativePath] = stepPage
                }
            }
        }
        self.stepIDs = stepIDs
        self.moduleIDs = moduleIDs
    }

    /// The output page of a step id (or alias), if it exists.
    public func stepPage(_ id: String) -> String? {
        stepPagesByID[id]
    }

    /// Resolves a destination written in the file at `sourcePath`: its path relative to
    /// the content folder (`MarkdownDocument.sourcePath`), never the displayed path.
    public func resolve(_ destination: String, from sourcePath: String) -> Resolution {
        let (target, fragment) = Self.splitFragment(destination)
        if let id = target.afterPrefix(Self.stepScheme) {
            if let page = stepPage(id) { return .page(path: page, fragment: fragment) }
            return .broken(.unknownStep(id: id, suggestion: NameSuggester.suggestion(for: id, among: stepIDs)))
        }
        if let id = target.afterPrefix(Self.moduleScheme) {
            if let module = modulesByID[id] {
                return .page(path: SitePaths.module(diagnosisID, module), fragment: fragment)
            }
            return .broken(.unknownModule(id: id, suggestion: NameSuggester.suggestion(for: id, among: moduleIDs)))
        }
        guard Self.isRelativeMarkdownPath(target) else { return .external }
        let resolved = Self.normalize(directory(of: sourcePath), target.removingPercentEncodingIfPossible)
        if let page = pagesByFile[resolved] {
            let (path, anchor) = Self.splitFragment(page)
            return .page(path: path, fragment: fragment ?? anchor)
        }
        return .broken(.noPage(target: target))
    }

    static func splitFragment(_ text: String) -> (String, String?) {
        // Searched by bytes: a Character search was 8 % of a build.
        guard let hash = text.firstIndex(ofByte: UInt8(ascii: "#")) else { return (text, nil) }
        return (String(text[..<hash]), String(text[text.utf8.index(after: hash)...]))
    }

    static func isRelativeMarkdownPath(_ target: String) -> Bool {
        guard target.hasSuffix(".md"), !target.hasPrefix("/") else { return false }
        // A scheme (`https:`) before any slash makes it an absolute URL.
        if let colon = target.firstIndex(of: ":"), !target[..<colon].contains("/") { return false }
        return true
    }

    private func directory(of path: String) -> String {
        guard let slash = path.lastSlash else { return "" }
        return String(path[..<slash])
    }

    /// Joins a directory and a relative path, resolving `.` and `..` (never above the
    /// directory's root); an absolute directory stays absolute.
    static func normalize(_ directory: String, _ relative: String) -> String {
        var parts = directory.pathParts().map(String.init)
        for part in relative.pathParts() {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return (directory.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

extension String {
    /// `%C3%A5` → `å` where the text is percent-encoded; otherwise unchanged.
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
