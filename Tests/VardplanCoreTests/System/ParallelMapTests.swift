import Testing
import VardplanSystem

@Suite("Parallel map")
struct ParallelMapTests {
    /// The results used to be written through an `Array` property's mutating
    /// `withUnsafeMutableBufferPointer` from several threads at once — unsynchronised
    /// mutation of one array, which may copy the buffer when it looks shared; once, in the
    /// full test suite, a result came back missing (a crash on unwrap in `values()`). This
    /// stress test did not catch the old code in 200 rounds (the race is rare); it states
    /// the contract. The fix writes into one allocation through its pointer.
    @Test("every result arrives, in the order of the input, however many threads write at once")
    func everyResultInOrder() {
        for round in 0..<200 {
            let inputs = Array(0..<(1_000 + round))
            let outputs = ParallelMap.map(inputs) { $0 &* 3 }
            #expect(outputs == inputs.map { $0 &* 3 }, "round \(round)")
        }
    }

    @Test("below the minimum count the work runs as a plain map")
    func smallInputs() {
        #expect(ParallelMap.map([1, 2, 3]) { String($0) } == ["1", "2", "3"])
        #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
    }

    @Test("both: two jobs run at once, each may map on every core, and both results come back")
    func both() {
        for round in 0..<50 {
            let (first, second) = ParallelMap.both({ ParallelMap.map(Array(0..<(100 + round))) { $0 * 2 } },
                                                   { "round \(round)" })
            #expect(first == (0..<(100 + round)).map { $0 * 2 })
            #expect(second == "round \(round)")
        }
    }
}
