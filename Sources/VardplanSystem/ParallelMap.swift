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

/// Slots written by distinct indices from several threads; read after all writes end.
private final class ResultBuffer<Output>: @unchecked Sendable {
    private var storage: [Output?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Output) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Output] {
        storage.map { $0! }
    }
}
