/// The fields of a template object (`TemplateValue.object`): values by key.
///
/// Kept as a list, not a hash table: a page makes tens of thousands of small objects
/// (a link's title and address, a step's id and title) and looks each name up a few
/// times, and hashing every key on the way in and again on every lookup was a tenth
/// of a build. A small object is searched key by key (short keys are compared in
/// place, without hashing); one with more than `indexedCount` fields (the `t`
/// strings) keeps a hash index as well. Keys compare as Swift strings, as a
/// dictionary's do. A key appears once: setting it again replaces its value, and
/// in a literal the last value of a repeated key wins.
public struct TemplateObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: TemplateValue)

    private var fields: [Field] = []
    /// Key → position in `fields`, for objects with more than `indexedCount` fields.
    private var index: [String: Int]?

    private struct Field: Sendable {
        var key: String
        var value: TemplateValue
    }

    static let indexedCount = 16

    public init() {}

    public init(_ dictionary: [String: TemplateValue]) {
        fields.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { fields.append(Field(key: key, value: value)) }
        buildIndexIfLarge()
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let position = position(of: key) {
                fields[position].value = value
            } else {
                fields.append(Field(key: key, value: value))
            }
        }
        buildIndexIfLarge()
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }
    /// The keys, in the order they were first set.
    public var keys: [String] { fields.map(\.key) }

    public subscript(key: String) -> TemplateValue? {
        get { position(of: key).map { fields[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    fields[position].value = newValue
                } else {
                    fields.remove(at: position)
                    index = nil
                    buildIndexIfLarge()
                }
            } else if let newValue {
                fields.append(Field(key: key, value: newValue))
                if index != nil {
                    index?[key] = fields.count - 1
                } else {
                    buildIndexIfLarge()
                }
            }
        }
    }

    /// Adds the fields of `other`; for a key both have, `combine` picks the value (as
    /// `Dictionary.merge`).
    public mutating func merge(_ other: TemplateObject,
                               uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) {
        fields.reserveCapacity(fields.count + other.fields.count)
        for field in other.fields {
            if let position = position(of: field.key) {
                fields[position].value = combine(fields[position].value, field.value)
            } else {
                self[field.key] = field.value
            }
        }
    }

    /// This object with the fields of `other` added (as `Dictionary.merging`).
    public func merging(_ other: TemplateObject,
                        uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) -> TemplateObject {
        var result = self
        result.merge(other, uniquingKeysWith: combine)
        return result
    }

    public func makeIterator() -> some IteratorProtocol<Element> {
        fields.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }

    /// The fields as a dictionary (for equality and hashing, which ignore order).
    public var dictionary: [String: TemplateValue] {
        Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    public static func == (left: TemplateObject, right: TemplateObject) -> Bool {
        left.count == right.count && left.dictionary == right.dictionary
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dictionary)
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        var position = 0
        while position < fields.count {
            if fields[position].key == key { return position }
            position += 1
        }
        return nil
    }

    private mutating func buildIndexIfLarge() {
        guard fields.count > Self.indexedCount else { return }
        var index: [String: Int] = [:]
        index.reserveCapacity(fields.count)
        for (position, field) in fields.enumerated() { index[field.key] = position }
        self.index = index
    }
}
