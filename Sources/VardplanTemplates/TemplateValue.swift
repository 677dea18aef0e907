import Foundation
import VardplanHTML

/// A value in a template's context: text, trusted HTML, a boolean, a number, a list, an object or null.
///
/// `text` is escaped by `{{x}}` and written as is by `{{{x}}}` / `{{& x}}`; `html` is
/// markup the caller vouches for and is never escaped again, not even by `{{x}}`.
public enum TemplateValue: Sendable, Hashable {
    case text(String)
    case html(SafeHTML)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    /// A list whose items are made one at a time while a section renders them and
    /// let go after: for lists too long to hold as values (a national sitemap).
    /// Renders exactly as `.list` of the same items.
    case generated(TemplateItems)
    case object(TemplateObject)
    case null

    /// Whether a section `{{#x}}` renders (and `{{^x}}` does not).
    ///
    /// Follows the spec's "`!!data == true`" (JavaScript truthiness): `false`, `null`,
    /// an empty list, empty text or HTML, `0` and NaN are falsy; everything else,
    /// including an empty object, is truthy.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        case .generated(let items): items.count > 0
        case .text(let text): !text.isEmpty
        case .html(let html): !html.isEmpty
        case .int(let value): value != 0
        case .double(let value): value != 0 && !value.isNaN
        case .object: true
        }
    }

    /// The value of a key when this is an object, else `nil`.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The value of `key` (whose `TemplateKeyHash` is `hash`) when `value` is an object,
    /// else `nil`: a template name's lookup. Borrows `value`: a lookup on every object of
    /// the context stack copied (retained and released) each one.
    static func field(of value: borrowing TemplateValue, _ key: String, hash: UInt64?) -> TemplateValue? {
        switch value {
        case .object(let fields): fields.value(of: key, hash: hash)
        default: nil
        }
    }

    /// The text `{{{x}}}` writes for a scalar (before any escaping); `nil` for
    /// null, lists and objects, which interpolate as the empty string.
    public var interpolatedText: String? {
        switch self {
        case .text(let text): text
        case .html(let html): html.rawValue
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): Self.format(value)
        case .null, .list, .generated, .object: nil
        }
    }

    /// Prints a number as the Mustache spec expects: integral values without a
    /// fraction (`85.0` → `85`), others in their shortest form (`1.210` → `1.21`).
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(.towardZero), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Converts what Foundation's `JSONSerialization` returns (or plain Swift
    /// strings, numbers, booleans, arrays and string-keyed dictionaries).
    ///
    /// JSON `true`/`false` become `bool`, integers `int`, other numbers `double`,
    /// `null` (and anything unknown) `null`.
    public init(jsonObject value: Any) {
        switch value {
        case let text as String:
            self = .text(text)
        case let flag as Bool where type(of: value) == Bool.self:
            self = .bool(flag)
        case let number as Int where type(of: value) == Int.self:
            self = .int(number)
        case let number as Double where type(of: value) == Double.self:
            self = .double(number)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool(number.boolValue)
            case "d", "f": self = .double(number.doubleValue)
            case "Q":
                let unsigned = number.uint64Value
                self = unsigned <= UInt64(Int.max) ? .int(Int(unsigned)) : .double(number.doubleValue)
            default: self = .int(number.intValue)
            }
        case let items as [Any]:
            self = .list(items.map(TemplateValue.init(jsonObject:)))
        case let fields as [String: Any]:
            self = .object(TemplateObject(fields.mapValues(TemplateValue.init(jsonObject:))))
        default:
            self = .null
        }
    }
}

/// The items of a `TemplateValue.generated` list: how many, and how to make each.
/// Two are equal only when they are the same instance.
public final class TemplateItems: Sendable, Hashable {
    public let count: Int
    private let make: @Sendable (Int) -> TemplateValue

    public init(count: Int, make: @escaping @Sendable (Int) -> TemplateValue) {
        self.count = count
        self.make = make
    }

    /// The item at `index` (0 ..< `count`), made now.
    public func item(_ index: Int) -> TemplateValue { make(index) }

    public static func == (left: TemplateItems, right: TemplateItems) -> Bool { left === right }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object = TemplateObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
    public init(nilLiteral: ()) { self = .null }
}
