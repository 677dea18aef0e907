import VardplanDiagnostics
import VardplanFrontMatter

/// Reads a visibility manifest, written in the YAML subset of front matter or in JSON,
/// into a `Manifest`.
///
/// No message quotes the manifest's text (keys, values, ids): a manifest may name
/// people, and diagnostics go to the terminal. Messages name the position, what is
/// wrong and what to do.
///
/// Diagnostics: malformed YAML or JSON, unknown key (did-you-mean), wrong type,
/// missing required key (`diagnosis`, `start_date`), unknown status, impossible date
/// or month, text that looks like a personal identity number. Ids are checked later,
/// against the content, by `PlanResolver`.
public enum ManifestReader {
    static let topKeys = ["diagnosis", "language", "region", "content_version", "start_date", "modules", "show",
                          "hide", "contacts", "planning", "welcome", "comments", "what_matters"]
    static let contactKeys = ["name", "role", "phone", "note"]
    static let planningKeys = ["date", "month", "when", "what"]
    static let commentKeys = ["step", "module", "title", "text"]

    /// Parses a manifest file. Returns nil when it cannot be read at all.
    public static func read(_ file: SourceFile, diagnostics: inout Diagnostics) -> Manifest? {
        guard SourceTextValidator.validate(file, diagnostics: &diagnostics) else { return nil }
        let node: YAMLNode?
        if isJSON(file) {
            node = JSONParser.parse(file, quotingInput: false, diagnostics: &diagnostics)
        } else {
            node = YAMLParser.parse(file, range: 0..<file.bytes.count, quotingInput: false, diagnostics: &diagnostics)
        }
        guard let node else {
            if !diagnostics.hasErrors {
                diagnostics.append(.manifestEmpty(at: file.location(line: 1, column: 1)))
            }
            return nil
        }
        checkPersonalNumbers(node, file: file, diagnostics: &diagnostics)
        let reader = ManifestFieldReader(node, file: file, allowedKeys: topKeys, container: .manifest,
                                       diagnostics: &diagnostics)
        let diagnosis = reader.string("diagnosis", required: true, example: "brostcancer", diagnostics: &diagnostics)
        let start = reader.date("start_date", required: true, example: "YYYY-MM-DD",
                                why: ", the day the plan was started (a plan must be ended within 730 days of it)",
                                diagnostics: &diagnostics)
        guard let diagnosis else { return nil }
        guard ContentID.isValid(diagnosis) else {
            diagnostics.append(.manifestDiagnosisNotAnID(at: reader.node("diagnosis")!.location))
            return nil
        }
        var manifest = Manifest(
            file: file,
            diagnosis: Located(diagnosis, at: reader.node("diagnosis")!.location))
        manifest.language = reader.string("language", diagnostics: &diagnostics)
        manifest.languageLocation = reader.node("language")?.location
        manifest.region = reader.string("region", diagnostics: &diagnostics)
        manifest.regionLocation = reader.node("region")?.location
        if let version = reader.string("content_version", diagnostics: &diagnostics) {
            manifest.contentVersion = Located(version, at: reader.node("content_version")!.location)
        }
        if let start {
            manifest.startDate = Located(start, at: reader.node("start_date")!.location)
        }
        manifest.welcome = reader.string("welcome", diagnostics: &diagnostics)
        manifest.whatMatters = reader.string("what_matters", diagnostics: &diagnostics)
        manifest.show = reader.idList("show", what: "step", diagnostics: &diagnostics)
        manifest.hide = reader.idList("hide", what: "step", diagnostics: &diagnostics)
        readModules(reader.node("modules"), into: &manifest, diagnostics: &diagnostics)
        for entry in entries(reader.node("contacts"), key: "contacts", diagnostics: &diagnostics) {
            let contact = ManifestFieldReader(entry, file: file, allowedKeys: contactKeys, container: .contact,
                                            missingKeysAt: entry.location, diagnostics: &diagnostics)
            let name = contact.string("name", required: true, example: "Anna Andersson", diagnostics: &diagnostics)
            let role = contact.string("role", required: true, example: "Kontaktsjuksköterska", diagnostics: &diagnostics)
            if let name, let role {
                manifest.contacts.append(Manifest.Contact(
                    name: name, role: role, phone: contact.string("phone", diagnostics: &diagnostics),
                    note: contact.string("note", diagnostics: &diagnostics)))
            }
        }
        for entry in entries(reader.node("planning"), key: "planning", diagnostics: &diagnostics) {
            if let item = readPlanning(entry, file: file, diagnostics: &diagnostics) { manifest.planning.append(item) }
        }
        for entry in entries(reader.node("comments"), key: "comments", diagnostics: &diagnostics) {
            if let comment = readComment(entry, file: file, diagnostics: &diagnostics) { manifest.comments.append(comment) }
        }
        return manifest
    }

    static func isJSON(_ file: SourceFile) -> Bool {
        if file.path.hasSuffix(".json") { return true }
        let first = file.bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "{")
    }

    private static func readModules(_ node: YAMLNode?, into manifest: inout Manifest, diagnostics: inout Diagnostics) {
        guard let node, !node.isNull else { return }
        guard case .mapping(let pairs) = node.kind else {
            diagnostics.append(.moduleStatusesNotAMapping(foundKind: node.kindName, at: node.location))
            return
        }
        let statuses = ModuleStatus.allCases.map(\.rawValue)
        for pair in pairs {
            guard let text = pair.value.string, let status = ModuleStatus(rawValue: text.trimmingSpaces) else {
                let suggestion = pair.value.string.flatMap { NameSuggester.suggestion(for: $0.trimmingSpaces, among: statuses) }
                diagnostics.append(.unknownModuleStatus(foundKind: pair.value.string == nil ? pair.value.kindName : nil,
                                                        suggestion: suggestion.flatMap(ModuleStatus.init(rawValue:)),
                                                        at: pair.value.location))
                continue
            }
            manifest.moduleStatuses.append((Located(pair.key, at: pair.keyLocation), status))
        }
    }

    private static func readPlanning(_ entry: YAMLNode, file: SourceFile, diagnostics: inout Diagnostics) -> Manifest.PlanningEntry? {
        let reader = ManifestFieldReader(entry, file: file, allowedKeys: planningKeys, container: .planningEntry,
                                       missingKeysAt: entry.location, diagnostics: &diagnostics)
        let what = reader.string("what", required: true, example: "Operation", diagnostics: &diagnostics)
        let given = ["date", "month", "when"].filter { reader.node($0) != nil }
        guard given.count == 1 else {
            diagnostics.append(given.isEmpty ? .planningWithoutTime(at: entry.location)
                                             : .planningWithSeveralTimes(keys: given, at: entry.location))
            return nil
        }
        var when: Manifest.When?
        switch given[0] {
        case "date":
            when = reader.date("date", diagnostics: &diagnostics).map(Manifest.When.date)
        case "month":
            if let text = reader.string("month", diagnostics: &diagnostics) {
                let parts = text.split(separator: "-")
                if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
                   (1...12).contains(month) {
                    when = .month(year: year, month: month)
                } else {
                    diagnostics.append(.planningMonthMalformed(at: reader.node("month")!.location))
                }
            }
        default:
            when = reader.string("when", diagnostics: &diagnostics).map(Manifest.When.text)
        }
        guard let when, let what else { return nil }
        return Manifest.PlanningEntry(when: when, what: what, whenLocation: reader.node(given[0])?.location)
    }

    private static func readComment(_ entry: YAMLNode, file: SourceFile, diagnostics: inout Diagnostics) -> Manifest.PageComment? {
        let reader = ManifestFieldReader(entry, file: file, allowedKeys: commentKeys, container: .comment,
                                       missingKeysAt: entry.location, diagnostics: &diagnostics)
        let text = reader.string("text", required: true, example: "|", diagnostics: &diagnostics)
        let title = reader.string("title", diagnostics: &diagnostics)
        var target: Located<Manifest.PageComment.Target>?
        if let step = reader.string("step", diagnostics: &diagnostics) {
            target = Located(.step(step), at: reader.node("step")!.location)
        }
        if let module = reader.string("module", diagnostics: &diagnostics) {
            if target != nil {
                diagnostics.append(.commentWithTwoTargets(at: reader.node("module")!.location))
                return nil
            }
            target = Located(.module(module), at: reader.node("module")!.location)
        }
        guard let target else {
            diagnostics.append(.commentWithoutTarget(at: entry.location))
            return nil
        }
        guard let text else { return nil }
        return Manifest.PageComment(target: target, title: title, text: text)
    }

    private static func entries(_ node: YAMLNode?, key: String, diagnostics: inout Diagnostics) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        guard case .sequence(let items) = node.kind else {
            diagnostics.append(.manifestListExpected(key: key, foundKind: node.kindName, at: node.location))
            return []
        }
        return items
    }

    /// Every text value and every key is searched for personal identity numbers; in
    /// `phone` a bare run of ten digits is a phone number (`PersonalNumberDetector.Field.phone`).
    private static func checkPersonalNumbers(_ node: YAMLNode, file: SourceFile, key: String? = nil,
                                             diagnostics: inout Diagnostics) {
        switch node.kind {
        case .scalar(let scalar):
            guard PersonalNumberDetector.containsMatch(in: scalar.text, field: key == "phone" ? .phone : .text) else { return }
            diagnostics.append(.personalIdentityNumber(at: node.location))
        case .sequence(let items):
            for item in items { checkPersonalNumbers(item, file: file, key: key, diagnostics: &diagnostics) }
        case .mapping(let pairs):
            for pair in pairs {
                if PersonalNumberDetector.containsMatch(in: pair.key) {
                    diagnostics.append(.personalIdentityNumber(at: pair.keyLocation))
                }
                checkPersonalNumbers(pair.value, file: file, key: pair.key, diagnostics: &diagnostics)
            }
        }
    }
}
