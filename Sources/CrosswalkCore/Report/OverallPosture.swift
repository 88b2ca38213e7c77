/// The posture across every framework in the run, for the top of the executive summary.
///
/// The overall score is the plain mean of the framework scores (each framework weighs the same,
/// whatever its size); entry counts and coverage are totals over all scored entries.
public struct OverallPosture: Sendable {
    /// Mean of the framework scores; nil when no framework has an assessed entry.
    public var score: Double?
    /// Frameworks that have a score.
    public var scoredFrameworks: Int
    public var frameworks: Int
    /// Scored entries per status, summed over frameworks.
    public var statusCounts: [EntryStatus: Int]
    /// Covered scored entries ÷ scored entries, over all frameworks.
    public var coverage: Ratio

    public init(_ frameworks: [FrameworkAssessment]) {
        let scores = frameworks.compactMap { $0.score?.fraction }
        score = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        scoredFrameworks = scores.count
        self.frameworks = frameworks.count
        var counts: [EntryStatus: Int] = [:]
        for framework in frameworks {
            for status in EntryStatus.allCases { counts[status, default: 0] += framework.count(status) }
        }
        statusCounts = counts
        let scored = frameworks.reduce(0) { $0 + $1.scoredEntryCount }
        coverage = Ratio(scored - (counts[.notCovered] ?? 0), of: scored)
    }

    public func count(_ status: EntryStatus) -> Int { statusCounts[status] ?? 0 }

    /// Whole percent, or "n/a".
    public var scoreText: String {
        score.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a"
    }
}
