import Dispatch
import Foundation

/// Maps an array on every core, keeping the order of the input.
public enum ParallelMap {
    /// Below this count the work runs on the calling thread.
    public static let minimumParallelCount = 16
    /// The cores this process may use.
    public static let coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// `minimumCount`: below it the work runs on the calling thread (lower it for few,
    /// large items such as whole diagnoses).
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], minimumCount: Int = minimumParallelCount, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        guard inputs.count >= max(2, minimumCount) else { return inputs.map(transform) }
        let results = ResultBuffer<Output>(count: inputs.count)
        // Chunks keep scheduling overhead low while still balancing uneven files.
        let chunkCount = min(inputs.count, 64)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var index = chunk
            while index < inputs.count {
                results.set(index, transform(inputs[index]))
                index += chunkCount
            }
        }
        return results.values()
    }
}

extension ParallelMap {
    /// Runs `first` and `second` at once and returns both results when both are done.
    /// Each may use every core itself through `map`.
    ///
    /// `second` runs on a worker thread and `first` on the calling thread, not as the two
    /// iterations of one `concurrentPerform`: libdispatch runs a `concurrentPerform`
    /// nested inside another one serially once the outer one fills the cores, so on a
    /// two-core machine each side's own `map` ran on one core.
    public static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let seconds = ResultBuffer<Second>(count: 1)
        let done = DispatchGroup()
        let firstValue = withoutActuallyEscaping(second) { second -> First in
            DispatchQueue.global().async(group: done) { seconds.set(0, second()) }
            // `second` must not outlive this scope: wait for it before leaving.
            defer { done.wait() }
            return first()
        }
        return (firstValue, seconds.values()[0])
    }
}

/// Slots written by distinct indices from several threads; read after all writes end.
///
/// The slots are one allocation made up front and written through its pointer. (An
/// `Array` property must not be used here: its mutating `withUnsafeMutableBufferPointer`
/// from several threads at once is unsynchronised mutation of one array, which may copy
/// the buffer when it looks shared and so lose results written by another thread.)
private final class ResultBuffer<Output>: @unchecked Sendable {
    private let count: Int
    private let slots: UnsafeMutablePointer<Output?>

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Output?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Output) {
        precondition(index >= 0 && index < count)
        slots[index] = value
    }

    /// The results, moved out of their slots (copying each would retain everything
    /// it holds once more, only to release it when the buffer goes).
    func values() -> [Output] {
        (0..<count).map { slots[$0].take()! }
    }
}
