import Foundation
import VardplanCore
import VardplanSystem
import VardplanDiagnostics

/// `vardplan serve`: the site from memory on 127.0.0.1, rebuilt as files are saved,
/// with pages that reload by themselves.
enum ServeCommand {
    static let options: [Arguments.Option] = [
        .init(name: "content", takesValue: true, help: "content folder (default: content)"),
        .init(name: "templates", takesValue: true, help: "templates folder (default: templates)"),
        .init(name: "port", short: "p", takesValue: true, help: "port to listen on (default: 1313)"),
        .init(name: "bind", takesValue: true, help: "listen on this address instead of 127.0.0.1 (others can see the preview)"),
        .init(name: "manifest", takesValue: true, help: "preview the site as the patient of this manifest sees it"),
        .init(name: "today", takesValue: true, help: "date to check review dates against (YYYY-MM-DD)"),
        .init(name: "help", short: "h", takesValue: false, help: "show this help"),
    ]

    static let usage = "usage: vardplan serve [--content DIR] [--templates DIR] [--port N] [--manifest PLAN]"

    static func run(_ argv: [String]) throws(UsageError) -> ExitCode {
        let arguments = try Arguments(argv, options: options)
        if arguments.flag("help") {
            Terminal.out(Help.text(usage, """
                Serves the site from memory at http://127.0.0.1:1313/ for previewing while you write.
                Saving a file rebuilds what it touches and open pages reload by themselves; while the
                content has errors every page lists them. Nothing is written to disk. Ctrl-C stops.
                """, options))
            return .success
        }
        if let extra = arguments.positionals.first { throw UsageError(.extraArgument(extra)) }
        let today = try Clock.today(arguments)
        var port = 1313
        if let text = arguments.value("port") {
            guard let value = Int(text), (0...65535).contains(value) else {
                throw UsageError(.badOptionValue(option: "--port", value: text, expected: "a port number (0–65535)"))
            }
            port = value
        }
        let address = arguments.value("bind") ?? "127.0.0.1"
        if arguments.value("bind") != nil {
            Terminal.report(.previewBeyondLoopback(address))
        }
        let settings = PreviewBuilder.Settings(content: arguments.value("content") ?? "content",
                                               templates: arguments.value("templates") ?? "templates",
                                               today: today, manifest: arguments.value("manifest"))
        let hostName = address.contains(":") ? "[\(address)]" : address
        let hosts = HostPolicy(port: port, extraHosts: ["127.0.0.1", "localhost", "[::1]"].contains(hostName) ? [] : [hostName])

        // Ctrl-C and TERM are taken by sigwait below, on this thread only.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let server = PreviewServer(settings: settings, server: .init(address: address, port: port), hosts: hosts) { event in
            printEvent(event)
        }
        do {
            try server.start()
        } catch {
            Terminal.report(.previewServerNotStarted(reason: error.description))
            return .problems
        }
        Terminal.out("serving \(settings.manifest == nil ? "the site" : "one patient's view") at http://\(hostName):\(server.port)/, watching with \(server.watching) (Ctrl-C stops)")
        var received: Int32 = 0
        sigwait(&signals, &received)
        Terminal.out("stopping")
        server.stop()
        return .success
    }

    /// The terminal's line for each build: what changed, what was rebuilt, how long it
    /// took, then the diagnostics as `check` prints them.
    static func printEvent(_ event: PreviewServer.Event) {
        let milliseconds = "\(LocalTime.decimal(event.seconds * 1000, places: 0)) ms, CPU \(LocalTime.decimal(event.cpuSeconds * 1000, places: 0)) ms"
        let what = event.changed.isEmpty ? "built" : "rebuilt \(event.scope) after \(describe(event.changed))"
        Terminal.report(event.diagnostics)
        if event.diagnostics.hasErrors {
            Terminal.error("\(what): \(Terminal.counts(event.diagnostics)); the browser shows them (\(milliseconds))")
        } else {
            Terminal.out("\(what): \(event.pagesRendered) pages in \(milliseconds)")
        }
    }

    private static func describe(_ changed: [String]) -> String {
        // A manifest's path may name a person; it is called "the manifest".
        let names = changed.map { $0 == "manifest" ? "the manifest" : $0 }
        return names.count == 1 ? names[0] : "\(names[0]) and \(names.count - 1) more"
    }
}
