import Testing
@testable import VardplanCore

/// Which image destinations are addresses elsewhere rather than files of the content:
/// a scheme of ASCII letters, digits, `+`, `-` and `.` before a `:`, or `//`.
@Suite("Image destinations that are addresses")
struct ImageAddressTests {
    @Test("addresses and files", arguments: [
        ("https://example.org/bild.png", true), ("mailto:a@b.se", true), ("svn+ssh://x", true), ("x-y.z:1", true),
        ("//cdn.example.org/bild.png", true), ("tel:112", true), ("data:image/png;base64,AAAA", true),
        ("bild.png", false), ("bilder/bild.png", false), ("../bild.png", false), (":bild.png", false), ("", false),
        ("a b:c", false), ("a/b:c", false), ("å:bild.png", false), ("bilder/å.png", false), ("C:bild.png", true),
        ("e\u{301}:x", false), ("x:\u{301}y", false),
    ])
    func isAddress(_ source: String, _ expected: Bool) {
        #expect(ImageChecker.isAddress(source) == expected)
    }
}
