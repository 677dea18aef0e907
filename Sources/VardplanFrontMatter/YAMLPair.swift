import VardplanDiagnostics

/// One `key: value` entry of a mapping, with where its key is written.
public struct YAMLPair: Sendable, Equatable {
    /// The key's text (keys are always scalars; quoted keys are unquoted).
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode
}
