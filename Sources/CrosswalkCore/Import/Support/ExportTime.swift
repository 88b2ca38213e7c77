/// Reads the time stamps platform exports write, in every form they come in, and tells a real
/// time from a sentinel that means "no date" (which never becomes epoch 0).
///
/// Accepted: ISO 8601 / RFC 3339 date-times with `Z` or any offset and any number of fractional
/// digits (`2019-06-21T18:44:17.4439540Z`), a space instead of the `T` (Python's `str(datetime)`),
/// date-only `YYYY-MM-DD`, and Unix epoch seconds as an integer or a string of digits.
enum ExportTime: Equatable {
    /// A time.
    case time(Timestamp)
    /// A value that means "no date": empty, null, `N/A`, `no_information`, `not_supported`,
    /// `0` as an epoch, or GCP's `9999-12-31T23:59:59Z` (never expires).
    case none
    /// Text that is neither a time nor a known sentinel.
    case invalid

    /// Sentinels, compared without regard to case.
    static let sentinels: Set<String> = ["", "n/a", "no_information", "not_supported", "null", "none", "never"]

    init(_ text: String) {
        let trimmed = text.trimmedOfSpaces
        if Self.sentinels.contains(trimmed.lowercased()) {
            self = .none
            return
        }
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            guard let seconds = Int64(trimmed) else {
                self = .invalid
                return
            }
            self = seconds == 0 ? .none : .time(Timestamp(secondsSinceEpoch: seconds))
            return
        }
        guard let time = Timestamp(iso8601: trimmed) else {
            self = .invalid
            return
        }
        // GCP writes 9999-12-31T23:59:59Z for "never expires"; no real time lies that far out.
        self = time.secondsSinceEpoch >= Self.farFuture ? .none : .time(time)
    }

    /// Reads a node: a string as above, an integer as epoch seconds, null as no date.
    init(_ node: SourceNode?) {
        guard let node else {
            self = .none
            return
        }
        switch node.value {
        case .null: self = .none
        case .string(let text): self.init(text)
        case .integer(let seconds): self = seconds == 0 ? .none : .time(Timestamp(secondsSinceEpoch: seconds))
        case .number(let seconds) where seconds.isFinite && abs(seconds) < 1e15:
            self = seconds == 0 ? .none : .time(Timestamp(secondsSinceEpoch: Int64(seconds)))
        default: self = .invalid
        }
    }

    /// The time, or nil for a sentinel or invalid text.
    var timestamp: Timestamp? {
        if case .time(let time) = self { return time }
        return nil
    }

    /// 9000-01-01T00:00:00Z: anything at or after it is a "never" sentinel.
    static let farFuture: Int64 = Timestamp.daysSinceEpoch(year: 9000, month: 1, day: 1) * 86_400
}
