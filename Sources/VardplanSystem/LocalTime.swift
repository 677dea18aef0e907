#if canImport(Glibc)
import Glibc
#endif

/// The local calendar date and short decimal numbers, from the C library: Foundation's
/// `Calendar` took 1.8 M instructions (a twentieth of a printout) to name today's date,
/// and `String(format:)` 0.8 M to write "26 ms".
public enum LocalTime {
    /// The calendar date in the local time zone (`TZ`, else `/etc/localtime`) at a
    /// moment given in seconds since 1970; nil only if the C library cannot convert it.
    public static func date(secondsSince1970 seconds: Int) -> (year: Int, month: Int, day: Int)? {
        var time = time_t(seconds)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return nil }
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    /// `value` with `places` decimals (0–6), for the timings a command prints: "3.51",
    /// "26", "-0.50". `value` times 10^places is rounded to the nearest whole number,
    /// ties to even (so on a near tie the last digit can differ from `printf`'s, which
    /// rounds the exact binary value); never "-0". Not a number or infinity is written
    /// as `printf` writes it.
    public static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let places = min(max(places, 0), 6)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
        guard scaled < 9e15 else { return String(value) }
        let units = Int(scaled)
        let whole = units / Int(scale)
        var text = value.sign == .minus && units != 0 ? "-" : ""
        text += String(whole)
        if places > 0 {
            let fraction = String(units % Int(scale))
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}
