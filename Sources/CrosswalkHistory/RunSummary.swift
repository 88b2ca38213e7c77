import CrosswalkCore

/// One recorded run as `crosswalk history` lists it.
public struct RunSummary: Hashable, Sendable {
    public var run: RunReference
    public var toolVersion: String
    public var configHash: String
    /// Score fractions (0…1) by catalog id, in report order; nil when no mapping was live.
    public var scores: [(catalogID: String, score: Double?)]
    /// Non-pass findings in the run.
    public var findingCount: Int
    /// Compared with the run recorded before it (all zero for the first run).
    public var newCount: Int
    public var resolvedCount: Int
    public var regressionCount: Int

    public static func == (lhs: RunSummary, rhs: RunSummary) -> Bool {
        lhs.run == rhs.run && lhs.toolVersion == rhs.toolVersion && lhs.configHash == rhs.configHash
            && lhs.scores.map(\.catalogID) == rhs.scores.map(\.catalogID)
            && lhs.scores.map(\.score) == rhs.scores.map(\.score) && lhs.findingCount == rhs.findingCount
            && lhs.newCount == rhs.newCount && lhs.resolvedCount == rhs.resolvedCount
            && lhs.regressionCount == rhs.regressionCount
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(run) }
}

/// What recording a run found, compared with the run before it.
public struct RecordedRun: Hashable, Sendable {
    public var run: RunReference
    public var findingCount: Int
    public var newCount: Int
    public var resolvedCount: Int
    public var regressionCount: Int
    public var unchangedCount: Int
}
