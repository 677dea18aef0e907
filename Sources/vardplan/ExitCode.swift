#if canImport(Glibc)
import Glibc
#endif

/// What the process tells its caller: 0 success, 1 problems in the input, 2 a mistake
/// on the command line (or a place refused for the output), 128 + N when stopped by
/// signal N (print cleans up and exits so on SIGHUP, SIGINT, SIGTERM).
struct ExitCode: Equatable, Sendable {
    let rawValue: Int32

    static let success = ExitCode(rawValue: 0)
    static let problems = ExitCode(rawValue: 1)
    static let usage = ExitCode(rawValue: 2)
    /// 129.
    static let hangUp = ExitCode(signal: SIGHUP)
    /// 130.
    static let interrupted = ExitCode(signal: SIGINT)
    /// 143.
    static let terminated = ExitCode(signal: SIGTERM)

    private init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The shell's convention for a process stopped by `signal`: 128 + its number.
    init(signal: Int32) {
        rawValue = 128 + signal
    }
}
