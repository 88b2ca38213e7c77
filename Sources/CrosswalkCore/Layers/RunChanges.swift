/// What changed since the previous recorded run: the "since the previous run" part of every
/// report. Built from the run history (`CrosswalkHistory`) by `crosswalk run`; absent from a
/// ``GapReport`` when there is no earlier run to compare with.
///
/// A finding is identified across runs by its control and subject (``FindingKey``). The lists
/// are cut at ``listLimit`` (worst first); the counts are always complete.
public struct RunChanges: Sendable {
    /// How many findings each list keeps; `crosswalk diff` gives the complete sets.
    public static let listLimit = 200

    /// The run this one is compared with.
    public var previous: RunReference
    /// Non-pass findings that were not non-pass in the previous run and never were before.
    public var newFailures: [ChangedFinding]
    public var newFailureCount: Int
    /// Findings that were non-pass in the previous run and are not now.
    public var resolvedFailures: [ChangedFinding]
    public var resolvedCount: Int
    /// Non-pass findings that were resolved in some earlier run and are back.
    public var regressions: [ChangedFinding]
    public var regressionCount: Int
    /// Non-pass in both runs.
    public var unchangedCount: Int
    /// Findings failing now that did not fail in the previous run, by severity: new findings and
    /// regressions with status `fail`, and findings that were non-pass but not failing then (not
    /// assessed, or accepted under a waiver that has since expired). The new-failure gate reads it.
    public var newlyFailing: [Severity: Int] = [:]
    /// Each reported framework's score now and in the previous run, in report order.
    public var scoreChanges: [FrameworkScoreChange]
    /// Mean time from first seen to resolved, by severity, over every resolution in the history.
    public var meanTimeToResolve: [ResolutionTime]
    /// The scores of the last ``TrendPoint/limit`` runs, oldest first, this run included.
    public var trend: [TrendPoint]

    public init(
        previous: RunReference,
        newFailures: [ChangedFinding],
        newFailureCount: Int,
        resolvedFailures: [ChangedFinding],
        resolvedCount: Int,
        regressions: [ChangedFinding],
        regressionCount: Int,
        unchangedCount: Int,
        scoreChanges: [FrameworkScoreChange],
        meanTimeToResolve: [ResolutionTime],
        trend: [TrendPoint]
    ) {
        self.previous = previous
        self.newFailures = newFailures
        self.newFailureCount = newFailureCount
        self.resolvedFailures = resolvedFailures
        self.resolvedCount = resolvedCount
        self.regressions = regressions
        self.regressionCount = regressionCount
        self.unchangedCount = unchangedCount
        self.scoreChanges = scoreChanges
        self.meanTimeToResolve = meanTimeToResolve
        self.trend = trend
    }
}

/// One recorded run, as other runs refer to it.
public struct RunReference: Hashable, Sendable {
    /// The run's id in the history: its UTC timestamp folder name, `20261101T000000Z`.
    public var id: String
    public var generatedAt: Timestamp

    public init(id: String, generatedAt: Timestamp) {
        self.id = id
        self.generatedAt = generatedAt
    }
}

/// A finding's identity across runs: its control and its subject.
public struct FindingKey: Hashable, Comparable, Sendable {
    public var controlID: String
    public var subjectID: String

    public init(controlID: String, subjectID: String) {
        self.controlID = controlID
        self.subjectID = subjectID
    }

    public static func < (lhs: FindingKey, rhs: FindingKey) -> Bool {
        (lhs.controlID, lhs.subjectID) < (rhs.controlID, rhs.subjectID)
    }
}

/// A finding that appeared, was resolved or came back.
public struct ChangedFinding: Hashable, Sendable {
    public var key: FindingKey
    public var severity: Severity
    /// The status it has in the run that has it as a non-pass (`fail`, `error`, `not-assessed`).
    public var status: ResultStatus
    /// The owning team, or nil when the identity has no owner.
    public var owner: String?
    /// When it was first seen as non-pass (for resolved findings and regressions: in the episode
    /// that just ended or began).
    public var firstSeen: Timestamp

    public init(key: FindingKey, severity: Severity, status: ResultStatus, owner: String?, firstSeen: Timestamp) {
        self.key = key
        self.severity = severity
        self.status = status
        self.owner = owner
        self.firstSeen = firstSeen
    }
}

/// A framework's score in this run and the previous one.
public struct FrameworkScoreChange: Hashable, Sendable {
    public var catalogID: String
    /// Fractions in 0…1; nil when the framework had no live mapping (or was not reported) then.
    public var previous: Double?
    public var current: Double?

    public init(catalogID: String, previous: Double?, current: Double?) {
        self.catalogID = catalogID
        self.previous = previous
        self.current = current
    }

    /// current − previous in percentage points, when both exist.
    public var pointChange: Double? {
        guard let previous, let current else { return nil }
        return (current - previous) * 100
    }
}

/// Mean time to resolve the findings of one severity.
public struct ResolutionTime: Hashable, Sendable {
    public var severity: Severity
    /// Findings resolved (episodes closed) over the whole history.
    public var resolvedCount: Int
    /// Their mean time from first seen to the first run that no longer had them, in days.
    public var meanDays: Double

    public init(severity: Severity, resolvedCount: Int, meanDays: Double) {
        self.severity = severity
        self.resolvedCount = resolvedCount
        self.meanDays = meanDays
    }
}

/// One run's framework scores, for the trend.
public struct TrendPoint: Hashable, Sendable {
    /// How many runs the trend shows.
    public static let limit = 30

    public var run: RunReference
    /// Score fractions (0…1) by catalog id; a framework without a live mapping is absent.
    public var scores: [String: Double]

    public init(run: RunReference, scores: [String: Double]) {
        self.run = run
        self.scores = scores
    }
}
