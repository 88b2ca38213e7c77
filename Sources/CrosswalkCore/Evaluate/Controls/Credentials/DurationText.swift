/// Writes an exact duration in words for messages and evidence, without rounding: a lifetime of
/// 365 days and 1 second must not read as "365 days" next to a limit of 365 days.
enum DurationText {
    /// `31536000` → `365 days`; `31536001` → `365 days and 1 second`;
    /// `31622399` → `365 days, 23 hours, 59 minutes and 59 seconds`; `0` → `0 seconds`.
    static func describe(seconds: Int64) -> String {
        guard seconds > 0 else { return seconds == 0 ? "0 seconds" : "minus \(describe(magnitude: seconds.magnitude))" }
        return describe(magnitude: seconds.magnitude)
    }

    private static func describe(magnitude seconds: UInt64) -> String {
        let units: [(size: UInt64, name: String)] = [(86_400, "day"), (3_600, "hour"), (60, "minute"), (1, "second")]
        var rest = seconds
        var parts: [String] = []
        for unit in units {
            let count = rest / unit.size
            rest %= unit.size
            if count > 0 { parts.append("\(count) \(unit.name)\(count == 1 ? "" : "s")") }
        }
        guard let last = parts.popLast() else { return "0 seconds" }
        return parts.isEmpty ? last : "\(parts.joined(separator: ", ")) and \(last)"
    }
}
