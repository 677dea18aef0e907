import Foundation
import Testing
import VardplanSystem

@Suite("local time: today's date and a timing's decimals without Foundation's formatters")
struct LocalTimeTests {
    @Test("the date of a moment is the one Foundation's Gregorian calendar gives in the local time zone",
          arguments: [0, 951_782_400, 1_709_164_800, 1_764_547_199, 1_764_547_200, 1_798_761_599, 4_102_444_800])
    func dateMatchesFoundation(seconds: Int) throws {
        let local = try #require(LocalTime.date(secondsSince1970: seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let expected = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        #expect(local.year == expected.year)
        #expect(local.month == expected.month)
        #expect(local.day == expected.day)
    }

    @Test("now has a date")
    func now() {
        #expect(LocalTime.date(secondsSince1970: Int(Date().timeIntervalSince1970)) != nil)
    }

    @Test("decimals as a timing is printed", arguments: [
        (3.514, 2, "3.51"), (3.516, 2, "3.52"), (26.4, 0, "26"), (26.5, 0, "26"), (27.5, 0, "28"),
        (0.0, 2, "0.00"), (-0.0, 0, "0"), (-0.001, 2, "0.00"), (-0.5, 2, "-0.50"), (1234.5678, 1, "1234.6"),
        (9.999, 2, "10.00"), (0.07, 6, "0.070000"), (5.0, 9, "5.000000"), (5.4, -1, "5"),
        (1e12, 2, "1000000000000.00"), (.infinity, 2, "inf"), (-.infinity, 0, "-inf"), (.nan, 2, "nan"),
    ])
    func decimals(value: Double, places: Int, expected: String) {
        #expect(LocalTime.decimal(value, places: places) == expected)
    }

    @Test("away from ties the decimals are printf's")
    func matchesPrintf() {
        for i in 0..<5000 {
            let value = Double(i) * 0.0137 + 0.0001
            for places in [0, 2] {
                let scaled = value * (places == 0 ? 1 : 100)
                guard abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { continue }
                #expect(LocalTime.decimal(value, places: places) == String(format: "%.\(places)f", value))
            }
        }
    }
}
