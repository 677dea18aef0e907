/// The text of a scalar as written, with the quoting style that decides how it is typed.
public struct YAMLScalar: Sendable, Equatable {
    /// How the scalar was written; only plain scalars can be null, booleans or numbers.
    public enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The value after unquoting, unescaping, folding and chomping.
    public var text: String
    public var style: Style

    init(_ text: String, style: Style) {
        self.text = text
        self.style = style
    }

    /// Plain `~`, `null`, `Null`, `NULL` or nothing at all.
    public var isNull: Bool {
        guard style == .plain else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// Plain `true`/`True`/`TRUE` or `false`/`False`/`FALSE` (YAML 1.2 core schema).
    public var bool: Bool? {
        guard style == .plain else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A plain core-schema integer: `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; nil on overflow.
    public var int: Int? {
        guard style == .plain else { return nil }
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == 0x30, bytes[1] == 0x6F {  // 0o
            guard bytes.dropFirst(2).allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else { return nil }
            return Int(text.dropFirst(2), radix: 8)
        }
        if bytes.count > 2, bytes[0] == 0x30, bytes[1] == 0x78 {  // 0x
            guard bytes.dropFirst(2).allSatisfy(Self.isHexDigit) else { return nil }
            return Int(text.dropFirst(2), radix: 16)
        }
        var digits = bytes[...]
        if let first = digits.first, first == 0x2B || first == 0x2D { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(Self.isDigit) else { return nil }
        return Int(text)
    }

    /// A plain core-schema number: any `int`, or `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
    /// `[-+]?.inf` (any of `.inf`, `.Inf`, `.INF`) or `.nan` (`.NaN`, `.NAN`).
    public var double: Double? {
        guard style == .plain else { return nil }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        if let int { return Double(int) }
        guard Self.isCoreFloat(Array(text.utf8)) else { return nil }
        return Double(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isCoreFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
        let whole = digits()
        var fraction = 0
        var hasDot = false
        if index < bytes.count, bytes[index] == 0x2E {
            hasDot = true
            index += 1
            fraction = digits()
        }
        if whole == 0 && (!hasDot || fraction == 0) { return false }
        if index < bytes.count, bytes[index] | 0x20 == 0x65 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            if digits() == 0 { return false }
        }
        return index == bytes.count
    }
}
