import VardplanDiagnostics

/// One parsed value of front matter or a manifest — text, a list or a mapping — with where it starts.
public struct YAMLNode: Sendable, Equatable {
    /// What the node holds.
    public enum Kind: Sendable, Equatable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Pairs in the order they were written.
        case mapping([YAMLPair])
    }

    public var kind: Kind
    /// File-absolute position of the node's first character (for an empty value: just after its `:` or `-`).
    public var location: SourceLocation

    init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The scalar, when the node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The entries, when the node is a list.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs, when the node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// Whether the node is an empty value or a plain `~`, `null`, `Null` or `NULL`.
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A plain `true` or `false` (YAML 1.2 core schema: `yes`, `no`, `on`, `off` are text).
    public var bool: Bool? { scalar?.bool }

    /// A plain integer (decimal, `0o` octal or `0x` hexadecimal).
    public var int: Int? { scalar?.int }

    /// A plain number, integer or floating point, including `.inf` and `.nan`.
    public var double: Double? { scalar?.double }

    /// The text of any scalar, whatever its style; nil for lists and mappings.
    public var string: String? { scalar?.text }

    /// The value of the first pair with this key, when the node is a mapping.
    public func value(forKey key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    /// The first pair with this key, when the node is a mapping.
    public func pair(forKey key: String) -> YAMLPair? {
        mapping?.first { $0.key == key }
    }

    /// What kind of node this is, for messages: "a mapping", "a list", "an empty value" or "text".
    public var kindName: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return scalar.isNull ? "an empty value" : "text"
        }
    }
}
