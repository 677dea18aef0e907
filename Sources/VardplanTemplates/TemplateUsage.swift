/// Records, over any number of renders, which variable and section tags found a
/// value, so a build can warn about names that no context ever had (likely typos).
///
/// A tag that is missing in some pages but found in others is fine (an optional
/// field); only tags that were looked up and never found are reported, by
/// `TemplateLibrary.reportMissingVariables(_:into:)`. Parallel renders each keep
/// their own usage and `merge` them at the end.
public struct TemplateUsage: Sendable {
    private(set) var found: [Bool]
    private(set) var missed: [Bool]
    /// For each missed tag, the names that were in reach at its first miss.
    private(set) var nearbyNames: [Int: [String]] = [:]

    /// An empty record sized for `library`'s tags.
    public init(for library: TemplateLibrary) {
        found = Array(repeating: false, count: library.tagCount)
        missed = found
    }

    /// An empty record (grows as tags are recorded).
    init() {
        found = []
        missed = []
    }

    /// Adds what `other` recorded.
    public mutating func merge(_ other: TemplateUsage) {
        grow(to: other.found.count)
        for index in other.found.indices {
            found[index] = found[index] || other.found[index]
            missed[index] = missed[index] || other.missed[index]
        }
        nearbyNames.merge(other.nearbyNames) { mine, _ in mine }
    }

    /// Whether the tag `id` was looked up and never found.
    func isMissing(_ id: Int) -> Bool {
        id < missed.count && missed[id] && !found[id]
    }

    mutating func markFound(_ id: Int) {
        grow(to: id + 1)
        found[id] = true
    }

    /// Marks a miss; returns `true` the first time, when nearby names are wanted.
    mutating func markMissed(_ id: Int) -> Bool {
        grow(to: id + 1)
        if missed[id] || found[id] { return false }
        missed[id] = true
        return true
    }

    mutating func setNearbyNames(_ names: [String], for id: Int) {
        nearbyNames[id] = names
    }

    private mutating func grow(to count: Int) {
        if found.count < count {
            found += Array(repeating: false, count: count - found.count)
            missed += Array(repeating: false, count: count - missed.count)
        }
    }
}
