import CrosswalkCore

/// The difference between two runs' sets of non-pass findings, by control and subject: what
/// `crosswalk diff` prints. Each list is sorted by control, then subject.
public struct FindingSetDiff: Sendable {
    /// What the older and newer side are (file paths or run ids), for the heading.
    public var old: String
    public var new: String
    /// Non-pass in the newer run only.
    public var newFindings: [SnapshotFinding]
    /// Non-pass in the older run only.
    public var resolvedFindings: [SnapshotFinding]
    /// Non-pass in both; with the newer run's severity, status and owner.
    public var unchangedFindings: [SnapshotFinding]

    /// Compares `oldFindings` with `newFindings`; a key listed twice on one side counts once.
    public init(old: String, new: String, oldFindings: [SnapshotFinding], newFindings: [SnapshotFinding]) {
        self.old = old
        self.new = new
        var before: [FindingKey: SnapshotFinding] = [:]
        for finding in oldFindings where before[finding.key] == nil { before[finding.key] = finding }
        var after: [FindingKey: SnapshotFinding] = [:]
        for finding in newFindings where after[finding.key] == nil { after[finding.key] = finding }
        self.newFindings = after.values.filter { before[$0.key] == nil }.sorted { $0.key < $1.key }
        self.resolvedFindings = before.values.filter { after[$0.key] == nil }.sorted { $0.key < $1.key }
        self.unchangedFindings = after.values.filter { before[$0.key] != nil }.sorted { $0.key < $1.key }
    }
}
