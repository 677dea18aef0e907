/// A place in a source file: 1-based line and 1-based column.
///
/// Columns count Unicode characters (scalars), not bytes, so `å` is one column —
/// what an editor's "go to line:column" expects. Positions are always file-absolute:
/// a line inside front matter or a Markdown body is numbered from the top of the file.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A file path with a position in it, as printed in `path:line:col`.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var path: String
    public var position: SourcePosition

    public init(path: String, position: SourcePosition) {
        self.path = path
        self.position = position
    }

    public init(path: String, line: Int, column: Int) {
        self.init(path: path, position: SourcePosition(line: line, column: column))
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.position) < (rhs.path, rhs.position)
    }

    /// A place that is a whole file, not a line in it: line 0, printed as the path alone.
    public static func wholeFile(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 0, column: 0)
    }

    /// Whether this is a whole file (`wholeFile(_:)`) rather than a line in it.
    public var isWholeFile: Bool { position.line == 0 }

    /// `path:line:col`, or `path` for a whole file.
    public var description: String { isWholeFile ? path : "\(path):\(position)" }
}
