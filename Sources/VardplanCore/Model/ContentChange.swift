/// What one version of a national text changed, from the `changes:` list in
/// `_diagnosis.md`: steps whose text changed and steps that were removed.
public struct ContentChange: Sendable, Equatable {
    public var version: String
    public var changed: [String]
    public var removed: [String]

    public init(version: String, changed: [String], removed: [String]) {
        self.version = version
        self.changed = changed
        self.removed = removed
    }
}

/// Compares version texts such as `2024.2` and `2025.1` part by part, numerically
/// where both parts are numbers.
public enum VersionOrder {
    public static func isOlder(_ lhs: String, than rhs: String) -> Bool {
        let a = lhs.split(separator: "."), b = rhs.split(separator: ".")
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? String(a[index]) : "0"
            let y = index < b.count ? String(b[index]) : "0"
            if x == y { continue }
            if let i = Int(x), let j = Int(y) { return i < j }
            return x < y
        }
        return false
    }
}
