import Foundation
import VardplanDiagnostics
import VardplanCore
import VardplanSystem

/// Today's date for the commands: `--today` if given, else the local calendar date.
/// The core never reads a clock; only the CLI does, here.
enum Clock {
    static func today(_ arguments: Arguments) throws(UsageError) -> SimpleDate {
        if let text = arguments.value("today") {
            guard let date = SimpleDate(parsing: text) else { throw UsageError(.badDate(option: "--today", value: text)) }
            return date
        }
        if let local = LocalTime.date(secondsSince1970: Int(wallNanoseconds() / 1_000_000_000)),
           let date = SimpleDate(year: local.year, month: local.month, day: local.day) {
            return date
        }
        let components = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return SimpleDate(year: components.year!, month: components.month!, day: components.day!)!
    }

    /// The wall clock in nanoseconds since 1970: the clock file times are taken from.
    static func wallNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Seconds since an arbitrary start, for timing a command.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
