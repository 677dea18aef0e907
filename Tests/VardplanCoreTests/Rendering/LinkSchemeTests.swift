import Testing
@testable import VardplanCore

/// A link's scheme (`steg:`, `modul:`) is recognised by its bytes, with exactly the
/// answer Swift's `hasPrefix` and `dropFirst` give, combining marks included.
@Suite("Link schemes")
struct LinkSchemeTests {
    static let destinations = [
        "steg:illamaende", "steg:", "steg", "ste", "", "Steg:x", "steg;x", "modul:behandling", "modul:",
        "steg:åtgärder", "steg:\u{301}x", "steg\u{301}:x", "s\u{301}teg:x", "ｓteg:x", "steg:x\u{301}",
        "steg:steg:x", "https://steg:x", " steg:x", "steg:🙂", "\u{212A}steg:x",
    ]

    @Test("the part after a scheme is what hasPrefix and dropFirst give", arguments: destinations)
    func remainder(destination: String) {
        for scheme in [LinkResolver.stepScheme, LinkResolver.moduleScheme] {
            let expected = destination.hasPrefix(scheme) ? String(destination.dropFirst(scheme.count)) : nil
            #expect(destination.afterPrefix(scheme) == expected, "\(scheme) \(destination)")
        }
    }

    @Test("a combining mark after the colon makes it no step link")
    func combiningMarkAfterColon() {
        #expect("steg:\u{301}x".afterPrefix(LinkResolver.stepScheme) == nil)
        #expect("steg:x".afterPrefix(LinkResolver.stepScheme) == "x")
    }
}
