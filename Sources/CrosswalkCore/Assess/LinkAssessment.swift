/// One mapping of a leaf entry with its control's results counted in the mapping's scope, its
/// weight and its rate (docs/assessment.md §4 and §6).
public struct LinkAssessment: Sendable {
    public var mapping: Mapping
    public var severity: Severity
    public var evidenceSource: EvidenceSource
    /// The control's status over all of its subjects (for display).
    public var controlStatus: ControlStatus
    /// *P*, *F*, *U* among the subjects in the mapping's scope.
    public var counts: ScopedCounts

    public init(
        mapping: Mapping,
        severity: Severity,
        evidenceSource: EvidenceSource,
        controlStatus: ControlStatus,
        counts: ScopedCounts
    ) {
        self.mapping = mapping
        self.severity = severity
        self.evidenceSource = evidenceSource
        self.controlStatus = controlStatus
        self.counts = counts
    }

    /// Whether any result in scope speaks to the entry.
    public var isLive: Bool { counts.isLive }

    /// *P* ÷ (*P* + *F* + *U*).
    public var rate: Double { counts.rate }

    /// strength × severity weight × evidence factor.
    public var weight: Double {
        Double(mapping.strength) * Double(severity.weight) * evidenceSource.weightFactor
    }

    /// Whether the link is full (`equal` or `superset-of`).
    public var isFull: Bool { mapping.relationship.canFullySatisfy }
}
