import CrosswalkCore
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"),
        ("2026-11-01T02:30:00+02:30", "2026-11-01T00:00:00Z"),
        ("2026-11-01T00:00:00-0500", "2026-11-01T05:00:00Z"),
        ("2026-10-31T23:59:59.123456789Z", "2026-10-31T23:59:59Z"),
        ("2026-10-31T23:59:59.1Z", "2026-10-31T23:59:59Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ("2000-03-01T12:00Z", "2000-03-01T12:00:00Z"),
    ])
    func parsesISO8601Forms(_ text: String, _ normalised: String) throws {
        let timestamp = try #require(Timestamp(iso8601: text), "\(text) parses")
        #expect(timestamp.iso8601 == normalised)
    }

    @Test(arguments: [
        ("2026-11-01T23:59:59Z", "2026-11-01"), ("0000-01-01", "0000-01-01"), ("9999-12-31T23:59:59Z", "9999-12-31"),
        ("1969-12-31T23:59:59Z", "1969-12-31"), ("2024-02-29T00:00:00Z", "2024-02-29"),
    ])
    func writesTheDateOfATimestamp(_ text: String, _ date: String) throws {
        let timestamp = try #require(Timestamp(iso8601: text), "\(text) parses")
        #expect(timestamp.isoDate == date)
    }

    @Test(arguments: [Int64.min, -62_167_219_201, 253_402_300_800, Int64.max])
    func writesDatesBeyondFourDigitYearsAsTheFullTimestampBegins(_ seconds: Int64) {
        let timestamp = Timestamp(secondsSinceEpoch: seconds)
        #expect(timestamp.isoDate == String(timestamp.iso8601.prefix(10)))
    }

    @Test(arguments: [
        "2026-13-01T00:00:00Z", "2026-02-30", "2023-02-29", "2026-11-01T00:00:00", "2026-11-01T25:00:00Z",
        "2026-11-01T00:00:00.Z", "yesterday", "", "2026-11-01T00:00:00Z trailing", "2026-11-01T00:00:00+24:00",
    ])
    func rejectsInvalidTimestamps(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil, "\(text) is rejected")
    }

    @Test func countsWholeDaysBetweenTimestamps() throws {
        let start = try #require(Timestamp(iso8601: "2026-01-01T12:00:00Z"))
        let end = try #require(Timestamp(iso8601: "2026-01-11T11:59:59Z"))
        #expect(start.days(until: end) == 9)
        #expect(end.days(until: start) == -10)
    }

    @Test(arguments: [Int64.min, -1, 0, 86_399, Int64.max])
    func measuresDaysBetweenExtremeTimestampsWithoutOverflow(_ seconds: Int64) {
        let earliest = Timestamp(secondsSinceEpoch: .min)
        let latest = Timestamp(secondsSinceEpoch: .max)
        let moment = Timestamp(secondsSinceEpoch: seconds)
        #expect(earliest.days(until: latest) == 213_503_982_334_601)
        #expect(latest.days(until: earliest) == -213_503_982_334_602)
        #expect(moment.days(until: moment) == 0)
        #expect(moment.adding(seconds: .max).secondsSinceEpoch >= moment.secondsSinceEpoch)
        #expect(moment.adding(seconds: .min).secondsSinceEpoch <= moment.secondsSinceEpoch)
        #expect(!moment.iso8601.isEmpty)
    }

    @Test func holdsAdditionAtTheEndsOfTheRange() {
        #expect(Timestamp(secondsSinceEpoch: .max - 5).adding(seconds: 10) == Timestamp(secondsSinceEpoch: .max))
        #expect(Timestamp(secondsSinceEpoch: .min + 5).adding(seconds: -10) == Timestamp(secondsSinceEpoch: .min))
        #expect(Timestamp(secondsSinceEpoch: 10).adding(seconds: -20) == Timestamp(secondsSinceEpoch: -10))
    }
}
