/// The fields of a template object (`TemplateValue.object`): values by key.
///
/// Kept as a list, not a hash table: a page makes tens of thousands of small objects
/// (a link's title and address, a step's id and title) and looks each name up a few
/// times, and hashing every key on the way in and again on every lookup was a tenth
/// of a build. Each field keeps its key's `TemplateKeyHash` (FNV-1a of an ASCII key's
/// bytes, no seed), and a template name carries its parts' hashes from parse time, so
/// a small object is searched by comparing integers, and only a key whose hash matches
/// is compared as a string (comparing every key as a `String` was 3 % of a build). One
/// with more than `indexedCount` fields (the `t` strings) keeps an index as well, by
/// the same hashes. Keys compare as Swift strings, as a dictionary's do. A key appears
/// once: setting it again replaces its value, and in a literal the last value of a
/// repeated key wins.
public struct TemplateObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: TemplateValue)

    private var fields: [Field] = []
    /// Key → position in `fields`, for objects with more than `indexedCount` fields.
    private var index: FieldIndex?

    /// Where a large object's fields are: its ASCII keys in an open-addressing table
    /// by `TemplateKeyHash`, the positions of any other keys in a list. A class, so that
    /// an object stays two words (the values are copied and matched everywhere while a
    /// page renders); copied before a change when shared, never changed once shared.
    private final class FieldIndex: @unchecked Sendable {
        // Unchecked: an index is only changed while its object is built or copied, on
        // one thread; the run-time exclusivity check on every lookup of every template
        // name was most of a lookup's cost.
        /// A power of two of slots, at most half full: the field's position + 1, or 0.
        @exclusivity(unchecked) var slots: [Int32]
        /// Each slot's key hash (compared before the key itself).
        @exclusivity(unchecked) var hashes: [UInt64]
        @exclusivity(unchecked) var used = 0
        @exclusivity(unchecked) var nonASCII: [Int] = []

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size *= 2 }
            slots = Array(repeating: 0, count: size)
            hashes = Array(repeating: 0, count: size)
        }

        private init(copying other: FieldIndex) {
            slots = other.slots
            hashes = other.hashes
            used = other.used
            nonASCII = other.nonASCII
        }

        func copy() -> FieldIndex { FieldIndex(copying: self) }

        func insert(hash: UInt64?, at position: Int) {
            guard let hash else {
                nonASCII.append(position)
                return
            }
            if (used + 1) * 2 > slots.count { grow() }
            place(Int32(position + 1), hash: hash)
            used += 1
        }

        /// Puts `entry` in the first free slot from its hash's.
        private func place(_ entry: Int32, hash: UInt64) {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
            hashes[slot] = hash
        }

        /// The position of the ASCII key `key` (hash `hash`) in `fields`, or nil.
        func position(of key: String, hash: UInt64, in fields: [Field]) -> Int? {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let position = Int(slots[slot]) - 1
                if hashes[slot] == hash, fields[position].key == key { return position }
                slot = (slot + 1) & mask
            }
            // An ASCII key may still equal one that is not (U+212A KELVIN SIGN is `K`).
            if nonASCII.isEmpty { return nil }
            return nonASCII.first { fields[$0].key == key }
        }

        private func grow() {
            let oldSlots = slots, oldHashes = hashes
            slots = Array(repeating: 0, count: oldSlots.count * 2)
            hashes = Array(repeating: 0, count: oldSlots.count * 2)
            for (slot, entry) in oldSlots.enumerated() where entry != 0 { place(entry, hash: oldHashes[slot]) }
        }
    }

    private struct Field: Sendable {
        var key: String
        /// `TemplateKeyHash.of(key)`: nil for a key that is not ASCII.
        var hash: UInt64?
        var value: TemplateValue

        /// Whether this field's key is `key`, whose hash is `hash`.
        @inline(__always)
        func has(_ key: String, hash: UInt64?) -> Bool {
            // Two ASCII keys are equal exactly when their bytes are: unequal hashes settle
            // it. Any other pair compares as Swift strings (an ASCII key may equal one that
            // is not: U+212A KELVIN SIGN is `K`).
            if let hash, let own = self.hash, hash != own { return false }
            return self.key == key
        }
    }

    static let indexedCount = 16

    public init() {}

    public init(_ dictionary: [String: TemplateValue]) {
        fields.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { fields.append(Field(key: key, hash: TemplateKeyHash.of(key), value: value)) }
        buildIndexIfLarge()
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields.reserveCapacity(elements.count)
        for (key, value) in elements {
            let hash = TemplateKeyHash.of(key)
            if let position = position(of: key, hash: hash) {
                fields[position].value = value
            } else {
                fields.append(Field(key: key, hash: hash, value: value))
            }
        }
        buildIndexIfLarge()
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }
    /// The keys, in the order they were first set.
    public var keys: [String] { fields.map(\.key) }

    public subscript(key: String) -> TemplateValue? {
        get { position(of: key, hash: TemplateKeyHash.of(key)).map { fields[$0].value } }
        set { set(key, hash: TemplateKeyHash.of(key), to: newValue) }
    }

    /// The value of `key`, whose `TemplateKeyHash` is `hash` (a template name's part,
    /// hashed when the template was parsed).
    func value(of key: String, hash: UInt64?) -> TemplateValue? {
        position(of: key, hash: hash).map { fields[$0].value }
    }

    private mutating func set(_ key: String, hash: UInt64?, to newValue: TemplateValue?) {
        if let position = position(of: key, hash: hash) {
            if let newValue {
                fields[position].value = newValue
            } else {
                fields.remove(at: position)
                index = nil
                buildIndexIfLarge()
            }
        } else if let newValue {
            fields.append(Field(key: key, hash: hash, value: newValue))
            if index != nil {
                if !isKnownUniquelyReferenced(&index) { index = index?.copy() }
                index?.insert(hash: hash, at: fields.count - 1)
            } else {
                buildIndexIfLarge()
            }
        }
    }

    /// Adds the fields of `other`; for a key both have, `combine` picks the value (as
    /// `Dictionary.merge`).
    public mutating func merge(_ other: TemplateObject,
                               uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) {
        fields.reserveCapacity(fields.count + other.fields.count)
        for field in other.fields {
            if let position = position(of: field.key, hash: field.hash) {
                fields[position].value = combine(fields[position].value, field.value)
            } else {
                set(field.key, hash: field.hash, to: field.value)
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

    private func position(of key: String, hash: UInt64?) -> Int? {
        if index != nil, let hash { return index?.position(of: key, hash: hash, in: fields) }
        var position = 0
        while position < fields.count {
            if fields[position].has(key, hash: hash) { return position }
            position += 1
        }
        return nil
    }

    private mutating func buildIndexIfLarge() {
        guard fields.count > Self.indexedCount else { return }
        let index = FieldIndex(capacity: fields.count)
        for position in fields.indices { index.insert(hash: fields[position].hash, at: position) }
        self.index = index
    }
}
