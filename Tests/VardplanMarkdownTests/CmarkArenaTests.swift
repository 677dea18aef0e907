import Foundation
import Testing
@testable import VardplanMarkdown
import VardplanDiagnostics
import VardplanHTML

/// cmark's memory (`CmarkArena`): what `calloc`, `realloc` and `free` promise cmark, kept
/// by an allocator that cuts from blocks and gives everything back at once.
@Suite("cmark's arena")
struct CmarkArenaTests {
    /// A small deterministic generator (64-bit LCG), so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Fills `count` bytes at `pointer` with a pattern made from `seed`.
    static func fill(_ pointer: UnsafeMutableRawPointer, _ count: Int, seed: Int) {
        for offset in 0..<count { pointer.storeBytes(of: UInt8(truncatingIfNeeded: seed &+ offset &* 7), toByteOffset: offset, as: UInt8.self) }
    }

    /// Whether the `count` bytes at `pointer` still hold the pattern of `seed`.
    static func holds(_ pointer: UnsafeMutableRawPointer, _ count: Int, seed: Int) -> Bool {
        (0..<count).allSatisfy { pointer.load(fromByteOffset: $0, as: UInt8.self) == UInt8(truncatingIfNeeded: seed &+ $0 &* 7) }
    }

    /// `body` with a new arena, inside one parse; every block is freed afterwards.
    static func inOneParse(_ body: (inout CmarkArena) -> Void) {
        var arena = CmarkArena()
        defer { arena.releaseAll() }
        arena.enter()
        body(&arena)
        arena.leave()
    }

    @Test("allocations are 16-byte aligned, zeroed when asked, and none overlaps another")
    func allocations() {
        Self.inOneParse { arena in
            var generator = Generator(state: 42)
            var made: [(UnsafeMutableRawPointer, Int)] = []
            for index in 0..<3_000 {
                // Mostly node-sized, now and then larger than a quarter block (an allocation of its own).
                let size = index % 97 == 0 ? 20_000 + generator.next(60_000) : generator.next(300)
                let pointer = arena.allocate(size, zeroed: index % 2 == 0)
                #expect(Int(bitPattern: pointer) % 16 == 0)
                if index % 2 == 0 { #expect((0..<size).allSatisfy { pointer.load(fromByteOffset: $0, as: UInt8.self) == 0 }) }
                Self.fill(pointer, size, seed: index)
                made.append((pointer, size))
            }
            for (index, (pointer, size)) in made.enumerated() {
                #expect(Self.holds(pointer, size, seed: index), "allocation \(index) of \(size) bytes was overwritten")
            }
        }
    }

    @Test("realloc keeps the bytes: the last allocation grows in place, any other moves, a large one grows by itself")
    func reallocation() {
        Self.inOneParse { arena in
            let first = arena.allocate(100, zeroed: false)
            Self.fill(first, 100, seed: 1)
            let grown = arena.reallocate(first, to: 400)
            #expect(grown == first, "the last allocation of the block grows where it is")
            #expect(Self.holds(grown, 100, seed: 1))
            let second = arena.allocate(50, zeroed: false)
            Self.fill(second, 50, seed: 2)
            let moved = arena.reallocate(grown, to: 1_000)
            #expect(moved != grown)
            #expect(Self.holds(moved, 100, seed: 1))
            #expect(Self.holds(second, 50, seed: 2))
            #expect(arena.reallocate(moved, to: 10) == moved, "shrinking keeps the allocation")
            var large = arena.reallocate(nil, to: 30_000)
            Self.fill(large, 30_000, seed: 3)
            large = arena.reallocate(large, to: 500_000)
            #expect(Self.holds(large, 30_000, seed: 3))
            Self.fill(large, 500_000, seed: 4)
            #expect(Self.holds(second, 50, seed: 2))
        }
    }

    @Test("strings growing by turns, as cmark's buffers do, across many blocks keep their bytes")
    func interleavedGrowth() {
        Self.inOneParse { arena in
            var generator = Generator(state: 7)
            var buffers: [(pointer: UnsafeMutableRawPointer, size: Int)] = (0..<8).map { index in
                let pointer = arena.allocate(16, zeroed: false)
                Self.fill(pointer, 16, seed: index)
                return (pointer, 16)
            }
            for _ in 0..<1_500 {
                let index = generator.next(buffers.count)
                let size = buffers[index].size + 1 + generator.next(buffers[index].size)
                let pointer = arena.reallocate(buffers[index].pointer, to: min(size, 40_000))
                #expect(Self.holds(pointer, buffers[index].size, seed: index))
                buffers[index] = (pointer, min(size, 40_000))
                Self.fill(pointer, buffers[index].size, seed: index)
                _ = arena.allocate(generator.next(200), zeroed: true)  // a node between two growths
            }
            for (index, buffer) in buffers.enumerated() { #expect(Self.holds(buffer.pointer, buffer.size, seed: index)) }
        }
    }

    @Test("memory is used again only after the outermost parse has ended")
    func nestedParses() {
        var arena = CmarkArena()
        defer { arena.releaseAll() }
        arena.enter()
        let outer = arena.allocate(64, zeroed: false)
        Self.fill(outer, 64, seed: 5)
        arena.enter()
        let inner = arena.allocate(64, zeroed: false)
        Self.fill(inner, 64, seed: 6)
        arena.leave()
        let after = arena.allocate(64, zeroed: true)
        #expect(after != inner && after != outer, "an inner parse's end gives nothing back")
        #expect(Self.holds(outer, 64, seed: 5) && Self.holds(inner, 64, seed: 6))
        arena.leave()
        #expect(arena.depth == 0)
        arena.enter()
        #expect(arena.allocate(64, zeroed: false) == outer, "the next parse starts at the first block again")
        arena.leave()
    }

    /// Results written from several threads.
    final class Parallel: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var results: [[UInt8]]
        init(count: Int) { results = Array(repeating: [], count: count) }
        func set(_ index: Int, _ value: [UInt8]) {
            lock.lock()
            results[index] = value
            lock.unlock()
        }
    }

    @Test("bodies parsed on every core at once render as they do one by one")
    func parsesOnEveryThread() {
        let bodies = (0..<64).map { index in
            String(repeating: "Stycke \(index) med *betoning*, `kod` och [en länk](https://exempel.se/\(index)).\n\n", count: 1 + index % 9)
                + "| a | b |\n|---|---|\n| \(index) | x |\nefter tabellen [ref]\n\n[ref]: https://exempel.se\n\n"
                + String(repeating: "- punkt\n", count: index % 40) + "```\n" + String(repeating: "kod\n", count: index * 50) + "```\n"
        }
        @Sendable func render(_ text: String) -> [UInt8] {
            var diagnostics = Diagnostics()
            let document = MarkdownParser.parse(SourceFile(path: "x.md", bytes: Array(text.utf8)), diagnostics: &diagnostics)
            return MarkdownHTMLRenderer(configuration: .init(headingBase: 1, resolveLink: { _, _ in nil })).renderUTF8(document)
        }
        let serial = bodies.map(render)
        let parallel = Parallel(count: bodies.count)
        DispatchQueue.concurrentPerform(iterations: bodies.count) { index in parallel.set(index, render(bodies[index])) }
        #expect(serial == parallel.results)
        #expect(serial.allSatisfy { !$0.isEmpty })
    }
}
