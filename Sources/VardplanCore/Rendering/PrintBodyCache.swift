import Foundation
import VardplanHTML

/// The nurse's pages' printed step bodies, kept between renders by the preview: a
/// nurse's page prints every step of its diagnosis, and after a saved step only that
/// step's printed body differs. A printed body depends on the step's body, its heading
/// level, and its diagnosis (the links it resolves, the images it embeds) and site
/// (`base_url`, the national language); the owner forgets what a change touches —
/// the steps parsed again, or a whole diagnosis, or everything — so a kept body is
/// always the one rendering would give.
///
/// Used only for the nurse's page (every step shown, national language, no page
/// numbers), where the printed body of a step does not depend on the plan.
public final class PrintBodyCache: @unchecked Sendable {
    struct Key: Hashable {
        var diagnosis: String
        /// The step file's path (`content/diagnoses/…/step.md`).
        var step: String
        var headingBase: Int
    }

    private let lock = NSLock()
    /// Step file → its printed bodies (by diagnosis and heading level).
    private var bodies: [String: [Key: SafeHTML]] = [:]

    public init() {}

    /// How many bodies are kept.
    public var count: Int { lock.withLock { bodies.values.reduce(0) { $0 + $1.count } } }

    func body(_ key: Key, render: () -> SafeHTML) -> SafeHTML {
        if let kept = lock.withLock({ bodies[key.step]?[key] }) { return kept }
        let body = render()
        lock.withLock { bodies[key.step, default: [:]][key] = body }
        return body
    }

    /// Forgets the bodies of these step files (in every diagnosis).
    public func forget(steps paths: Set<String>) {
        lock.withLock { for path in paths { bodies[path] = nil } }
    }

    /// Forgets every body of one diagnosis (its links or images may have changed).
    public func forget(diagnosis id: String) {
        lock.withLock {
            for step in Array(bodies.keys) {
                bodies[step] = bodies[step]?.filter { $0.key.diagnosis != id }
            }
        }
    }

    public func removeAll() {
        lock.withLock { bodies = [:] }
    }
}
