#if canImport(Glibc)
import Glibc
#endif
import VardplanCore
import VardplanDiagnostics

/// Entry point: dispatches to a command and exits with its `ExitCode`; a mistake on
/// the command line is printed as a diagnostic and exits with `ExitCode.usage`.
let argv = Array(CommandLine.arguments.dropFirst())
let commands = ["check", "build", "print", "manifest", "serve", "diff", "new"]

func dispatch(_ argv: [String]) throws(UsageError) -> ExitCode {
    guard let command = argv.first else {
        Terminal.out(Help.overview)
        return .success
    }
    let rest = Array(argv.dropFirst())
    switch command {
    case "check": return try CheckCommand.run(rest)
    case "build": return try BuildCommand.run(rest)
    case "print": return try PrintCommand.run(rest)
    case "manifest": return try ManifestCommand.run(rest)
    case "serve": return try ServeCommand.run(rest)
    case "diff": return try DiffCommand.run(rest)
    case "new": return try NewCommand.run(rest)
    case "--version", "version":
        Terminal.out(Help.version)
        return .success
    case "--help", "-h", "help":
        Terminal.out(Help.overview)
        return .success
    default:
        throw UsageError(.unknownCommand(command, suggestion: NameSuggester.suggestion(for: command, among: commands)))
    }
}

do {
    exit(try dispatch(argv).rawValue)
} catch {
    // Usage errors are text on stderr whatever `--format` says: the command line they
    // come from is not understood, so neither is the format it asks for.
    Terminal.report(error.diagnostic)
    exit(ExitCode.usage.rawValue)
}
