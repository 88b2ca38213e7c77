/// Compares a measurement in a small unit (seconds) with a policy limit in a larger one (minutes,
/// days) without multiplying the limit into an overflow, whatever values the inputs hold.
enum UnitComparison {
    /// Whether `value` (in small units) is more than `limit` large units of `unitSize` small units each.
    static func exceeds(_ value: Int64, limit: Int64, unitSize: Int64) -> Bool {
        let (product, overflow) = limit.multipliedReportingOverflow(by: unitSize)
        guard !overflow else {
            // The limit lies beyond what Int64 holds: every value is below a huge positive limit
            // and above a huge negative one.
            return limit < 0
        }
        return value > product
    }
}
