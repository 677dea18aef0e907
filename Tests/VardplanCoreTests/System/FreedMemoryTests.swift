import Foundation
import Testing
import VardplanSystem

/// What a run no longer needs is freed on another thread, whole, and the caller does
/// not wait for it.
@Suite("Letting go of memory in the background")
struct FreedMemoryTests {
    /// Records the thread its deinit runs on and signals when it has run.
    final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        let thread: UnsafeMutablePointer<pthread_t?>
        init(freed: DispatchSemaphore, thread: UnsafeMutablePointer<pthread_t?>) {
            self.freed = freed
            self.thread = thread
        }
        deinit {
            thread.pointee = pthread_self()
            freed.signal()
        }
    }

    @Test("a value handed over is freed, on a thread other than the caller's")
    func freedElsewhere() {
        let freed = DispatchSemaphore(value: 0)
        let thread = UnsafeMutablePointer<pthread_t?>.allocate(capacity: 1)
        defer { thread.deallocate() }
        thread.initialize(to: nil)
        for _ in 0..<20 {
            FreedMemory.letGoInBackground([Tracked(freed: freed, thread: thread)])
            #expect(freed.wait(timeout: .now() + 10) == .success)
            #expect(thread.pointee.map { pthread_equal($0, pthread_self()) == 0 } == true)
        }
    }
}
