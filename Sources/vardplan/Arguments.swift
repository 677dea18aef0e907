import VardplanDiagnostics

/// A command line split into options and positional arguments, checked against what
/// a command accepts. Its errors are diagnostics, worded in CommandLineDiagnostics.swift.
struct Arguments {
    /// An option a command accepts: `--content DIR` takes a value, `--pdf` does not.
    struct Option {
        var name: String
        var short: String?
        var takesValue: Bool
        var help: String
    }

    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// Parses `arguments` (without the command name) against `options`.
    init(_ arguments: [String], options: [Option]) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = options.first(where: { "--" + $0.name == name || ($0.short.map { "-" + $0 } == name) }) else {
                throw UsageError(.unknownOption(argument, suggestion: NameSuggesterBridge.suggest(name, options.map { "--" + $0.name })))
            }
            if option.takesValue {
                if let inlineValue {
                    values[option.name] = inlineValue
                } else if index < arguments.count {
                    values[option.name] = arguments[index]
                    index += 1
                } else {
                    throw UsageError(.missingOptionValue("--" + option.name))
                }
            } else {
                if inlineValue != nil { throw UsageError(.unexpectedOptionValue("--" + option.name)) }
                flags.insert(option.name)
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
