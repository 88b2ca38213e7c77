/// One control's results among the subjects of one mapping scope, in the three kinds the rule
/// book counts (docs/assessment.md §4): *P* passes, *F* failures (accepted included) and *U*
/// not-assessed and error results.
public struct ScopedCounts: Hashable, Sendable {
    public var passing: Int
    public var failing: Int
    public var unknown: Int

    public init(passing: Int, failing: Int, unknown: Int) {
        self.passing = passing
        self.failing = failing
        self.unknown = unknown
    }

    public init(_ counts: [ResultStatus: Int]) {
        passing = counts[.pass] ?? 0
        failing = (counts[.fail] ?? 0) + (counts[.accepted] ?? 0)
        unknown = (counts[.notAssessed] ?? 0) + (counts[.error] ?? 0)
    }

    public var total: Int { passing + failing + unknown }

    /// Whether any result speaks to the mapping.
    public var isLive: Bool { total > 0 }

    /// *P* ÷ (*P* + *F* + *U*); zero when nothing is counted.
    public var rate: Double { total == 0 ? 0 : Double(passing) / Double(total) }
}
