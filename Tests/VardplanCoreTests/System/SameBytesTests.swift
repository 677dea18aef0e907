import Testing
import VardplanSystem

@Suite("same bytes: a page rendered again against the one on disk")
struct SameBytesTests {
    @Test("equal only with the same length and the same bytes", arguments: [
        ([], [], true), ([1], [1], true), ([], [0], false), ([1, 2, 3], [1, 2, 4], false),
        ([1, 2, 3], [1, 2], false), ([0xC3, 0xA5], [0xC3, 0xA5], true), ([9, 2, 3], [1, 2, 3], false),
    ] as [([UInt8], [UInt8], Bool)])
    func compares(first: [UInt8], second: [UInt8], equal: Bool) {
        #expect(FileIO.sameBytes(first, second) == equal)
        #expect(FileIO.sameBytes(second, first) == equal)
    }

    @Test("a difference in the last byte of a long page is seen")
    func longPages() {
        let page = [UInt8](repeating: 0x61, count: 100_000)
        var changed = page
        changed[changed.count - 1] = 0x62
        #expect(FileIO.sameBytes(page, page))
        #expect(!FileIO.sameBytes(page, changed))
    }
}
