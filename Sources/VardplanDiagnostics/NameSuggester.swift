/// Finds the nearest valid name for a misspelt one ("did you mean 'visible'?").
public enum NameSuggester {
    /// The candidate closest to `name` by edit distance, if it is close enough to be
    /// a plausible typo (at most a third of the name's length, at least 1).
    public static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        let limit = max(1, target.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= limit, best == nil || distance < best!.1 {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// `"; did you mean 'x'?"` for the nearest candidate, or the empty string.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        didYouMeanClause(suggestion(for: name, among: candidates))
    }

    /// `"; did you mean 'x'?"` for a suggestion already found, or the empty string (for
    /// constructors given the suggestion itself).
    public static func didYouMeanClause(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Edit distance where swapping two neighbouring letters counts as one edit
    /// ("titel" → "title"), the commonest typo (optimal string alignment).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
