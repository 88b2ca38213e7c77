/// A calendar day in UTC, as a waiver's `created` and `expires` write it (`YYYY-MM-DD`).
public struct WaiverDay: Hashable, Comparable, Sendable {
    /// The day's first instant, 00:00:00 UTC.
    public var start: Timestamp

    /// Parses `YYYY-MM-DD`; nil for anything else (times included: a waiver is dated by day).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let start = Timestamp(iso8601: text), start.isoDate == text
        else { return nil }
        self.start = start
    }

    public init(start: Timestamp) {
        self.start = start
    }

    /// `YYYY-MM-DD`.
    public var text: String { start.isoDate }

    public static func < (lhs: WaiverDay, rhs: WaiverDay) -> Bool { lhs.start < rhs.start }
}
