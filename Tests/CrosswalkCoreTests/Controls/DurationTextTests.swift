import Testing

@testable import CrosswalkCore

/// Durations in evidence are exact and read as English: every nonzero unit, largest first, commas
/// between all but the last two, "and" before the last, and a plural unless the count is one.
struct DurationTextTests {
    @Test(arguments: [
        (Int64(0), "0 seconds"),
        (1, "1 second"),
        (59, "59 seconds"),
        (60, "1 minute"),
        (61, "1 minute and 1 second"),
        (3_600, "1 hour"),
        (7_322, "2 hours, 2 minutes and 2 seconds"),
        (86_400, "1 day"),
        (86_460, "1 day and 1 minute"),
        (90_061, "1 day, 1 hour, 1 minute and 1 second"),
        (31_536_000, "365 days"),
        (31_536_001, "365 days and 1 second"),
        (31_622_399, "365 days, 23 hours, 59 minutes and 59 seconds"),
        (-90, "minus 1 minute and 30 seconds"),
        (Int64.min, "minus 106751991167300 days, 15 hours, 30 minutes and 8 seconds"),
    ])
    func describesEveryUnitExactly(seconds: Int64, expected: String) {
        #expect(DurationText.describe(seconds: seconds) == expected)
    }
}
