#if canImport(Glibc)
import Glibc
#endif
import VardplanCore
import VardplanDiagnostics

/// Entry point: dispatches to a command and turns its result into an exit code
/// (0 success, 1 problems in the input, 2 a mistake on the command line).
let argv = Array(CommandLine.arguments.dropFirst())
let commands = ["check", "build", "print", "manifest", "serve", "diff", "new"]

func dispatch(_ argv: [String]) throws(UsageError) -> Int32 {
    guard let command = argv.first else {
        Terminal.out(Help.overview)
        return 0
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
        return 0
    case "--help", "-h", "help":
        Terminal.out(Help.overview)
        return 0
    default:
        throw .unknownCommand(command, suggestion: NameSuggester.suggestion(for: command, among: commands))
    }
}

do {
    exit(try dispatch(argv))
} catch {
    Terminal.error("vardplan: error: \(error.message)")
    exit(2)
}
