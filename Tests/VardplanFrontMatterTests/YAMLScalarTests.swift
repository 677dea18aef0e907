import Testing
@testable import VardplanFrontMatter

/// How scalars are typed: the YAML 1.2 core schema, for plain scalars only.
@Suite struct YAMLScalarTests {
    struct Typing: CustomTestStringConvertible, Sendable {
        var text: String
        var style: YAMLScalar.Style = .plain
        var isNull = false
        var bool: Bool?
        var int: Int?
        var double: Double?
        var testDescription: String { "\(style) '\(text)'" }
    }

    static let typings: [Typing] = [
        Typing(text: "", isNull: true),
        Typing(text: "~", isNull: true),
        Typing(text: "null", isNull: true),
        Typing(text: "Null", isNull: true),
        Typing(text: "NULL", isNull: true),
        Typing(text: "nULL"),
        Typing(text: "null", style: .doubleQuoted),
        Typing(text: "", style: .singleQuoted),
        Typing(text: "true", bool: true),
        Typing(text: "True", bool: true),
        Typing(text: "TRUE", bool: true),
        Typing(text: "false", bool: false),
        Typing(text: "False", bool: false),
        Typing(text: "FALSE", bool: false),
        Typing(text: "yes"),
        Typing(text: "no"),
        Typing(text: "on"),
        Typing(text: "off"),
        Typing(text: "y"),
        Typing(text: "tRUE"),
        Typing(text: "true", style: .singleQuoted),
        Typing(text: "0", int: 0, double: 0),
        Typing(text: "-12", int: -12, double: -12),
        Typing(text: "+7", int: 7, double: 7),
        Typing(text: "007", int: 7, double: 7),
        Typing(text: "0o17", int: 15, double: 15),
        Typing(text: "0x1F", int: 31, double: 31),
        Typing(text: "0xg"),
        Typing(text: "0o8"),
        Typing(text: "1_000"),
        Typing(text: "99999999999999999999", double: 1e20),
        Typing(text: "1.5", double: 1.5),
        Typing(text: "-.5", double: -0.5),
        Typing(text: "1.", double: 1),
        Typing(text: "1e3", double: 1000),
        Typing(text: "2.5E-1", double: 0.25),
        Typing(text: ".inf", double: .infinity),
        Typing(text: "-.Inf", double: -.infinity),
        Typing(text: "+.INF", double: .infinity),
        Typing(text: "."),
        Typing(text: "1e"),
        Typing(text: "e3"),
        Typing(text: "1.2.3"),
        Typing(text: "2024-05-01"),
        Typing(text: "12", style: .doubleQuoted),
        Typing(text: "12\n", style: .literal),
    ]

    @Test(arguments: typings)
    func types(_ typing: Typing) {
        let scalar = YAMLScalar(typing.text, style: typing.style)
        #expect(scalar.isNull == typing.isNull)
        #expect(scalar.bool == typing.bool)
        #expect(scalar.int == typing.int)
        #expect(scalar.double == typing.double)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(_ text: String) throws {
        let value = try #require(YAMLScalar(text, style: .plain).double)
        #expect(value.isNaN)
    }
}
