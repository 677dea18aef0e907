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
    private let stopLock = NSCondition()
    private var stopping = false
    private var watcherThread: Thread?
    private let watcherDone = DispatchGroup()

    /// `pollMilliseconds`: how often the folders are looked at.
    public init(settings: PreviewBuilder.Settings, server configuration: HTTPServer.Configuration, hosts: HostPolicy? = nil,
                pollMilliseconds: Int = 100, report: @escaping @Sendable (Event) -> Void) {
        builder = PreviewBuilder(settings: settings)
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
        let watcher = FolderWatcher(roots: roots)
        watcherDone.enter()
        let thread = Thread { [self] in
            watch(watcher)
            watcherDone.leave()
        }
        watcherThread = thread
        thread.start()
    }

    private func watch(_ initial: FolderWatcher) {
        var watcher = initial
        var sincePing = 0
        while true {
            stopLock.lock()
            if stopping {
                stopLock.unlock()
                return
            }
            stopLock.wait(until: Date(timeIntervalSinceNow: Double(pollInterval) / 1_000_000))
            let stop = stopping
            stopLock.unlock()
            if stop { return }
            let changed = watcher.poll()
            sincePing += 1
            if sincePing >= 150 {  // about every 15 s: notice closed pages
                liveReload.ping()
                sincePing = 0
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
