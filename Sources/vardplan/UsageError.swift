import VardplanCore
import VardplanDiagnostics

/// A mistake on the command line. All the wording for them lives here.
enum UsageError: Error, Equatable {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String)
    case unexpectedValue(option: String)
    case missingArgument(String)
    case extraArgument(String)
    case badDate(option: String, value: String)
    case badValue(option: String, value: String, expected: String)

    var message: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            return "unknown command '\(name)'" + hint(suggestion) + (suggestion == nil ? "; run 'vardplan --help' for the commands" : "")
        case .unknownOption(let name, let suggestion):
            return "unknown option '\(name)'" + hint(suggestion)
        case .missingValue(let option):
            return "option '\(option)' needs a value"
        case .unexpectedValue(let option):
            return "option '\(option)' takes no value"
        case .missingArgument(let what):
            return "missing \(what)"
        case .extraArgument(let argument):
            return "unexpected argument '\(argument)'"
        case .badDate(let option, let value):
            return "'\(value)' given to '\(option)' is not a date; write YYYY-MM-DD"
        case .badValue(let option, let value, let expected):
            return "'\(value)' given to '\(option)' is not \(expected)"
        }
    }

    private func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// The core's did-you-mean, for command-line names.
enum NameSuggesterBridge {
    static func suggest(_ name: String, _ candidates: [String]) -> String? {
        NameSuggester.suggestion(for: name, among: candidates)
    }
}
