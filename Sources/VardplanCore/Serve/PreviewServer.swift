import Foundation
import VardplanDiagnostics

/// `vardplan serve` put together: builds the site into memory, serves it, watches the
/// content and templates (and the manifest), rebuilds what a change touches and tells
/// open pages to reload. The CLI prints what `report` receives.
public final class PreviewServer: @unchecked Sendable {
    /// One finished build or rebuild, for the terminal.
    public struct Event: Sendable {
        public var diagnostics: Diagnostics
        public var scope: String
        public var changed: [String]
        public var pagesRendered: Int
        /// Seconds from noticing the change to the new pages being served.
        public var seconds: Double
        /// CPU seconds the process spent meanwhile (all threads): on a busy machine,
        /// what the rebuild itself cost.
        public var cpuSeconds: Double
        public var generation: Int
    }

    public let site = PreviewSite()
    public let liveReload = LiveReload()
    private let builder: PreviewBuilder
    private let server: HTTPServer
    private let report: @Sendable (Event) -> Void
    private let pollInterval: UInt32
    private let polling: Bool
    private let stopLock = NSCondition()
    private var stopping = false
    private var watcherThread: Thread?
    private let watcherDone = DispatchGroup()

    /// Changes are noticed with inotify on Linux; by polling every `pollMilliseconds`
    /// elsewhere, when inotify cannot be used (its limits), or when `polling` is set.
    public init(settings: PreviewBuilder.Settings, server configuration: HTTPServer.Configuration, hosts: HostPolicy? = nil,
                pollMilliseconds: Int = 100, polling: Bool = false, report: @escaping @Sendable (Event) -> Void) {
        builder = PreviewBuilder(settings: settings)
        self.polling = polling
        self.report = report
        pollInterval = UInt32(pollMilliseconds * 1000)
        let site = self.site
        let policy = SharedPolicy()
        server = HTTPServer(configuration: configuration, liveReload: liveReload, generation: { site.generation }) { request in
            guard let hosts = policy.value, hosts.allows(request.header("Host")) else {
                return .response(.plain(421, "this server answers only to 127.0.0.1, localhost and [::1] with its port"))
            }
            return site.respond(to: request)
        }
        sharedPolicy = policy
        explicitHosts = hosts
    }

    private let sharedPolicy: SharedPolicy
    private let explicitHosts: HostPolicy?

    /// The Host policy, set once the port is known.
    private final class SharedPolicy: @unchecked Sendable {
        var value: HostPolicy?
    }

    /// The port served on.
    public var port: Int { server.port }

    /// Builds, starts serving and watching. Throws when the address cannot be used.
    public func start() throws(HTTPServer.StartError) {
        let started = Self.now(), startedCPU = Self.cpu()
        let outcome = builder.buildAll()
        let generation = site.update(pages: outcome.pages, diagnostics: outcome.diagnostics)
        try server.start()
        var policy = explicitHosts ?? HostPolicy(port: server.port)
        policy.port = server.port
        sharedPolicy.value = policy
        report(Event(diagnostics: outcome.diagnostics, scope: outcome.scope, changed: [], pagesRendered: outcome.pagesRendered,
                     seconds: Self.now() - started, cpuSeconds: Self.cpu() - startedCPU, generation: generation))
        var roots = [(label: "content", path: builder.settings.content), (label: "templates", path: builder.settings.templates)]
        if let manifest = builder.settings.manifest { roots.append((label: "manifest", path: manifest)) }
        let inotify = polling ? nil : Self.inotify(roots: roots)
        watching = inotify == nil ? "polling every \(pollInterval / 1000) ms" : "inotify"
        let poller: FolderWatcher? = inotify == nil ? FolderWatcher(roots: roots) : nil
        let watched = roots
        watcherDone.enter()
        let thread = Thread { [self] in
            watch(inotify: inotify, poller: poller, roots: watched)
            watcherDone.leave()
        }
        watcherThread = thread
        thread.start()
    }

    /// How changes are noticed: `inotify`, or `polling every 100 ms` (not Linux, inotify
    /// refused, or asked for); set by `start()`.
    public private(set) var watching = ""

    private static func inotify(roots: [(label: String, path: String)]) -> (any ChangeSource)? {
        #if os(Linux)
        return InotifyWatcher.make(roots: roots)
        #else
        return nil
        #endif
    }

    private func watch(inotify: (any ChangeSource)?, poller: FolderWatcher?, roots: [(label: String, path: String)]) {
        var source = inotify
        var poller = poller
        var lastPing = Self.now()
        while true {
            stopLock.lock()
            let stop = stopping
            stopLock.unlock()
            if stop { return }
            var changed: [String]
            if let active = source {
                // Woken by the kernel; looks at `stopping` at least every 100 ms.
                changed = active.wait(milliseconds: 100)
                if active.limitReached {
                    // A new folder could not be watched: poll from now on, after a full rebuild.
                    source = nil
                    poller = FolderWatcher(roots: roots)
                    changed = roots.map(\.label)
                    watching = "polling every \(pollInterval / 1000) ms (inotify's limit reached)"
                }
            } else {
                stopLock.lock()
                if !stopping { _ = stopLock.wait(until: Date(timeIntervalSinceNow: Double(pollInterval) / 1_000_000)) }
                let stop = stopping
                stopLock.unlock()
                if stop { return }
                changed = poller?.poll() ?? []
            }
            if Self.now() - lastPing >= 15 {  // notice closed pages
                liveReload.ping()
                lastPing = Self.now()
            }
            guard !changed.isEmpty else { continue }
            let started = Self.now(), startedCPU = Self.cpu()
            let outcome = builder.rebuild(changed: changed)
            let generation = site.update(pages: outcome.pages, diagnostics: outcome.diagnostics)
            liveReload.broadcast(generation: generation)
            report(Event(diagnostics: outcome.diagnostics, scope: outcome.scope, changed: changed,
                         pagesRendered: outcome.pagesRendered, seconds: Self.now() - started,
                         cpuSeconds: Self.cpu() - startedCPU, generation: generation))
        }
    }

    /// Stops watching and serving; closes every connection.
    public func stop() {
        stopLock.lock()
        stopping = true
        stopLock.broadcast()
        stopLock.unlock()
        if watcherThread != nil { watcherDone.wait() }
        server.stop()
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func cpu() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
