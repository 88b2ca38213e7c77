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
}
