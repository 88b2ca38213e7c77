/// The posture across every framework in the run, for the top of the executive summary
/// (docs/assessment.md §6, "Overall").
///
/// The overall score is the plain mean of the unrounded framework scores that exist (each framework
/// weighs the same, whatever its size); entry counts and coverage are totals over all leaf entries.
public struct OverallPosture: Sendable {
    /// Mean of the framework scores; nil when no framework has a score.
    public var score: Double?
    /// Frameworks that have a score.
    public var scoredFrameworks: Int
    public var frameworks: Int
    /// Leaf entries per status, summed over frameworks.
    public var statusCounts: [EntryStatus: Int]
    /// Covered leaf entries ÷ leaf entries, over all frameworks.
    public var coverage: Ratio
    /// Critical controls failing in a live mapping of any framework, by id.
    public var criticalGaps: [String]

    public init(_ frameworks: [FrameworkAssessment]) {
        let scores = frameworks.compactMap { $0.score?.fraction }
        score = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        scoredFrameworks = scores.count
        criticalGaps = Set(frameworks.flatMap { $0.score?.criticalGaps ?? [] }).sorted()
        self.frameworks = frameworks.count
        var counts: [EntryStatus: Int] = [:]
        for framework in frameworks {
            for status in EntryStatus.allCases { counts[status, default: 0] += framework.count(status) }
        }
        statusCounts = counts
        let leaves = frameworks.reduce(0) { $0 + $1.leafEntryCount }
        coverage = Ratio(leaves - (counts[.notCovered] ?? 0), of: leaves)
    }

    public func count(_ status: EntryStatus) -> Int { statusCounts[status] ?? 0 }

    /// The posture of the mean score, capped at Mixed by a critical gap; nil without a score.
    public var posture: Posture? { score.map { Posture($0, hasCriticalGap: !criticalGaps.isEmpty) } }

    /// Whole percent, or "n/a".
    public var scoreText: String {
        score.map(FrameworkScore.percentText) ?? "n/a"
    }
}
