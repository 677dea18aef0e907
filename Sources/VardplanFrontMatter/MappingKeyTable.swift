import VardplanDiagnostics

/// Finds a mapping's (a YAML mapping's or a JSON object's) earlier pair with the same
/// key, to report a repeated key at its first use.
///
/// A front matter's mappings have a handful of keys: those are compared one by one
/// (a dictionary of locations was 2 % of a printout's content load, most of it
/// hashing and growing the table); past `linearLimit` keys a table by key takes
/// over, so a mapping with thousands of keys stays linear in time.
struct MappingKeyTable {
    static let linearLimit = 16
    /// Index in `pairs` by key, once there are more than `linearLimit` pairs.
    private var byKey: [String: Int]?

    /// The location of the pair in `pairs` whose key is `key`, if any.
    func firstLocation(of key: String, in pairs: [YAMLPair]) -> SourceLocation? {
        if let byKey { return byKey[key].map { pairs[$0].keyLocation } }
        for pair in pairs where pair.key == key { return pair.keyLocation }
        return nil
    }

    /// Records the pair just appended to `pairs`.
    mutating func added(_ pairs: [YAMLPair]) {
        if byKey != nil {
            byKey![pairs[pairs.count - 1].key] = pairs.count - 1
        } else if pairs.count > Self.linearLimit {
            var table: [String: Int] = [:]
            table.reserveCapacity(pairs.count * 2)
            for (index, pair) in pairs.enumerated() { table[pair.key] = index }
            byKey = table
        }
    }
}
