/// What changed between two versions of a content tree, per diagnosis: modules,
/// sections and steps added, removed, renamed (the new one lists the old id among its
/// aliases) or changed (title, body, visibility, phases, place).
///
/// General modules are compared inside every diagnosis that includes them: a
/// patient's plan sees them as part of the diagnosis. Entries come in reading order.
public struct ContentDiff: Sendable, Equatable {
    /// The level of an item.
    public enum Level: String, Sendable {
        case module, section, step
    }

    /// What happened to an item.
    public enum Change: String, Sendable {
        case added, removed, renamed, changed
    }

    /// One difference.
    public struct Entry: Sendable, Equatable {
        public var level: Level
        public var change: Change
        /// The id in the new version (in the old for a removed item).
        public var id: String
        /// The old id of a renamed item.
        public var oldID: String?
        /// `module/section/step` ids in the new version (old for a removed item).
        public var path: String
        public var title: String
        /// What changed: `title`, `body`, `visible`, `phases`, `active`, `kind`, `place`.
        public var fields: [String]
    }

    /// The differences within one diagnosis.
    public struct DiagnosisDiff: Sendable, Equatable {
        public var id: String
        public var title: String
        public var oldVersion: String?
        public var newVersion: String?
        public var entries: [Entry]

        /// The `changes:` entry `_diagnosis.md` keeps for the drift warning in `print`:
        /// steps whose text changed (title or body), and steps removed.
        public var contentChange: ContentChange {
            let steps = entries.filter { $0.level == .step }
            let changed = steps.filter { ($0.change == .changed || $0.change == .renamed)
                && ($0.fields.contains("body") || $0.fields.contains("title")) }.map(\.id)
            let removed = steps.filter { $0.change == .removed }.map(\.id)
            return ContentChange(version: newVersion ?? "", changed: changed.sorted(), removed: removed.sorted())
        }
    }

    public var diagnoses: [DiagnosisDiff]

    public var isEmpty: Bool { diagnoses.allSatisfy { $0.entries.isEmpty && $0.oldVersion != nil && $0.newVersion != nil } }

    /// Compares two models.
    public init(old: SiteModel, new: SiteModel) {
        var result: [DiagnosisDiff] = []
        var matchedOld = Set<String>()
        for diagnosis in new.diagnoses {
            let previous = old.diagnoses.first { $0.id == diagnosis.id }
                ?? old.diagnoses.first { diagnosis.aliases.contains($0.id) }
            guard let previous else {
                result.append(DiagnosisDiff(id: diagnosis.id, title: diagnosis.title, oldVersion: nil,
                                            newVersion: diagnosis.version, entries: []))
                continue
            }
            matchedOld.insert(previous.id)
            result.append(DiagnosisDiff(id: diagnosis.id, title: diagnosis.title, oldVersion: previous.version,
                                        newVersion: diagnosis.version,
                                        entries: Self.compare(old: previous, new: diagnosis)))
        }
        for diagnosis in old.diagnoses where !matchedOld.contains(diagnosis.id) {
            result.append(DiagnosisDiff(id: diagnosis.id, title: diagnosis.title, oldVersion: diagnosis.version,
                                        newVersion: nil, entries: []))
        }
        diagnoses = result.sorted { $0.id < $1.id }
    }

    /// Pairs new items with old ones by id, then by alias; the rest are added or removed.
    static func match<Item>(old: [Item], new: [Item], id: (Item) -> String, aliases: (Item) -> [String])
        -> (pairs: [(old: Item, new: Item)], added: [Item], removed: [Item]) {
        var pairs: [(Item, Item)] = []
        var added: [Item] = []
        var used = Set<String>()
        let oldIDs = Set(old.map(id))
        for item in new {
            if oldIDs.contains(id(item)), !used.contains(id(item)), let previous = old.first(where: { id($0) == id(item) }) {
                pairs.append((previous, item))
                used.insert(id(previous))
            } else if let previous = old.first(where: { !used.contains(id($0)) && aliases(item).contains(id($0)) }) {
                pairs.append((previous, item))
                used.insert(id(previous))
            } else {
                added.append(item)
            }
        }
        return (pairs, added, old.filter { !used.contains(id($0)) })
    }

    static func compare(old: Diagnosis, new: Diagnosis) -> [Entry] {
        var entries: [Entry] = []
        // Old `module/section` places under their new ids, so a renamed module does
        // not make every step in it look moved.
        var newPlace: [String: String] = [:]
        let modules = match(old: old.modules, new: new.modules, id: \.id, aliases: \.aliases)
        for module in modules.removed {
            entries.append(Entry(level: .module, change: .removed, id: module.id, oldID: nil, path: module.id,
                                 title: module.title, fields: []))
        }
        for module in modules.added {
            entries.append(Entry(level: .module, change: .added, id: module.id, oldID: nil, path: module.id,
                                 title: module.title, fields: []))
        }
        for (before, after) in modules.pairs {
            var fields: [String] = []
            if before.title != after.title { fields.append("title") }
            if before.activeAtStart != after.activeAtStart { fields.append("active") }
            if before.kind != after.kind { fields.append("kind") }
            if let entry = entry(.module, before.id, after.id, path: after.id, title: after.title, fields: fields) {
                entries.append(entry)
            }
            let sections = match(old: before.sections, new: after.sections, id: \.id, aliases: \.aliases)
            for section in sections.removed {
                entries.append(Entry(level: .section, change: .removed, id: section.id, oldID: nil,
                                     path: before.id + "/" + section.id, title: section.title, fields: []))
            }
            for section in sections.added {
                entries.append(Entry(level: .section, change: .added, id: section.id, oldID: nil,
                                     path: after.id + "/" + section.id, title: section.title, fields: []))
            }
            for (oldSection, newSection) in sections.pairs {
                newPlace[before.id + "/" + oldSection.id] = after.id + "/" + newSection.id
                let fields = oldSection.title != newSection.title ? ["title"] : []
                if let entry = entry(.section, oldSection.id, newSection.id, path: after.id + "/" + newSection.id,
                                     title: newSection.title, fields: fields) {
                    entries.append(entry)
                }
            }
        }
        // Steps are unique within a diagnosis: match them across sections, so a step
        // moved to another section is one step that changed place.
        let oldSteps = placedSteps(old), newSteps = placedSteps(new)
        let steps = match(old: oldSteps, new: newSteps, id: \.step.id, aliases: \.step.aliases)
        for placed in steps.removed {
            entries.append(Entry(level: .step, change: .removed, id: placed.step.id, oldID: nil,
                                 path: placed.path, title: placed.step.title, fields: []))
        }
        for placed in steps.added {
            entries.append(Entry(level: .step, change: .added, id: placed.step.id, oldID: nil,
                                 path: placed.path, title: placed.step.title, fields: []))
        }
        for (before, after) in steps.pairs {
            var fields: [String] = []
            if before.step.title != after.step.title { fields.append("title") }
            if before.step.source.bytes[before.step.bodyRange] != after.step.source.bytes[after.step.bodyRange] {
                fields.append("body")
            }
            if before.step.visibleByDefault != after.step.visibleByDefault { fields.append("visible") }
            if before.step.phases != after.step.phases { fields.append("phases") }
            if (newPlace[before.place] ?? before.place) != after.place { fields.append("place") }
            if let entry = entry(.step, before.step.id, after.step.id, path: after.path, title: after.step.title, fields: fields) {
                entries.append(entry)
            }
        }
        // Reading order of the new version; removed items where they were in the old one.
        var rank: [String: Int] = [:]
        for version in [new, old] {
            var index = 0
            for module in version.modules {
                for section in module.sections {
                    for path in [module.id, module.id + "/" + section.id] + section.steps.map({ module.id + "/" + section.id + "/" + $0.id }) {
                        if rank[path] == nil { rank[path] = index }
                        index += 1
                    }
                }
                if rank[module.id] == nil { rank[module.id] = index }
            }
        }
        return entries.sorted { (rank[$0.path] ?? Int.max, $0.path) < (rank[$1.path] ?? Int.max, $1.path) }
    }

    private static func entry(_ level: Level, _ oldID: String, _ newID: String, path: String, title: String,
                              fields: [String]) -> Entry? {
        if oldID != newID {
            return Entry(level: level, change: .renamed, id: newID, oldID: oldID, path: path, title: title, fields: fields)
        }
        guard !fields.isEmpty else { return nil }
        return Entry(level: level, change: .changed, id: newID, oldID: nil, path: path, title: title, fields: fields)
    }

    struct PlacedStep {
        var step: Step
        /// `module/section`, by the new or old ids.
        var place: String
        var path: String { place + "/" + step.id }
    }

    private static func placedSteps(_ diagnosis: Diagnosis) -> [PlacedStep] {
        diagnosis.modules.flatMap { module in
            module.sections.flatMap { section in
                section.steps.map { PlacedStep(step: $0, place: module.id + "/" + section.id) }
            }
        }
    }
}
