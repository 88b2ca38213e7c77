/// The conditions that make an unattended run fail its scheduler (exit 1, or the incomplete
/// evaluation code), set in the run config's `gates` or on the command line. Reports are written
/// whatever the gates say. Every condition is off unless set.
public struct GatePolicy: Hashable, Sendable {
    /// Fail when a finding new since the previous run has this severity or worse.
    public var newFailuresAtOrAbove: Severity?
    /// Fail when a framework's score (percent, 0–100) is below its minimum, by catalog id.
    public var minimumScores: [String: Double]
    /// Fail when any framework's score drops by more than this many percentage points since the
    /// previous run.
    public var maximumScoreDrop: Double?
    /// Fail (with the incomplete evaluation exit code) when any result is `not-assessed` or
    /// `error`: evidence coverage is incomplete.
    public var requireCompleteEvidence: Bool
    /// The older `--fail-on`: fail when any control of this severity or worse fails.
    public var failuresAtOrAbove: Severity?

    public init(
        newFailuresAtOrAbove: Severity? = nil,
        minimumScores: [String: Double] = [:],
        maximumScoreDrop: Double? = nil,
        requireCompleteEvidence: Bool = false,
        failuresAtOrAbove: Severity? = nil
    ) {
        self.newFailuresAtOrAbove = newFailuresAtOrAbove
        self.minimumScores = minimumScores
        self.maximumScoreDrop = maximumScoreDrop
        self.requireCompleteEvidence = requireCompleteEvidence
        self.failuresAtOrAbove = failuresAtOrAbove
    }

    /// Whether any condition is set.
    public var isEmpty: Bool {
        newFailuresAtOrAbove == nil && minimumScores.isEmpty && maximumScoreDrop == nil && !requireCompleteEvidence
            && failuresAtOrAbove == nil
    }
}
