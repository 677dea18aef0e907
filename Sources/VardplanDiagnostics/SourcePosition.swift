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

    public var description: String { "\(path):\(position)" }
}
