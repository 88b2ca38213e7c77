/// What the run history keeps of one run: its provenance, per-framework scores, per-control
/// status counts and every non-pass finding by control and subject. Built from a ``GapReport``
/// by ``RunSnapshotBuilder``; recorded and compared by `CrosswalkHistory`.
///
/// The findings are not held in memory: ``forEachFinding(_:)`` streams them (from the run's
/// result spool), so a snapshot of a million identities costs no more than its report.
public struct RunSnapshot: Sendable {
    public var generatedAt: Timestamp
    public var toolVersion: String
    /// A digest of the run's configuration, given by the caller; empty when there is none.
    public var configHash: String
    /// Every input's role, path and SHA-256, in report order.
    public var inputs: [SnapshotInput]
    /// Each reported framework's catalog, score and coverage, in report order.
    public var frameworks: [SnapshotFramework]
    /// Each control's result counts, in registry order.
    public var controls: [SnapshotControl]
    private let findingSource: @Sendable ((SnapshotFinding) throws -> Void) throws -> Void

    /// A snapshot whose findings `findings` streams, each once.
    public init(
        generatedAt: Timestamp,
        toolVersion: String,
        configHash: String,
        inputs: [SnapshotInput],
        frameworks: [SnapshotFramework],
        controls: [SnapshotControl],
        findings: @escaping @Sendable ((SnapshotFinding) throws -> Void) throws -> Void
    ) {
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        self.configHash = configHash
        self.inputs = inputs
        self.frameworks = frameworks
        self.controls = controls
        self.findingSource = findings
    }

    /// A snapshot with its findings in memory (tests, small runs).
    public init(
        generatedAt: Timestamp,
        toolVersion: String = "test",
        configHash: String = "",
        inputs: [SnapshotInput] = [],
        frameworks: [SnapshotFramework] = [],
        controls: [SnapshotControl] = [],
        findings: [SnapshotFinding]
    ) {
        self.init(
            generatedAt: generatedAt,
            toolVersion: toolVersion,
            configHash: configHash,
            inputs: inputs,
            frameworks: frameworks,
            controls: controls,
            findings: { body in for finding in findings { try body(finding) } }
        )
    }

    /// Calls `body` with every non-pass finding of the run.
    public func forEachFinding(_ body: (SnapshotFinding) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in try findingSource(body) }
    }
}

/// One input file of a snapshot's run, for provenance.
public struct SnapshotInput: Hashable, Sendable {
    public var role: String
    public var path: String
    public var sha256: String

    public init(role: String, path: String, sha256: String) {
        self.role = role
        self.path = path
        self.sha256 = sha256
    }
}

/// One reported framework in a snapshot: its catalog, score and coverage.
public struct SnapshotFramework: Hashable, Sendable {
    public var catalogID: String
    public var catalogVersion: String
    /// The score fraction (0…1); nil when no mapping was live.
    public var score: Double?
    /// Covered leaf entries ÷ leaf entries (0…1).
    public var coverage: Double

    public init(catalogID: String, catalogVersion: String, score: Double?, coverage: Double) {
        self.catalogID = catalogID
        self.catalogVersion = catalogVersion
        self.score = score
        self.coverage = coverage
    }
}

/// One control's result counts in a snapshot.
public struct SnapshotControl: Hashable, Sendable {
    public var controlID: String
    public var counts: [ResultStatus: Int]

    public init(controlID: String, counts: [ResultStatus: Int]) {
        self.controlID = controlID
        self.counts = counts
    }
}

/// One non-pass result (`fail`, `accepted`, `error` or `not-assessed`) of a snapshot's run.
public struct SnapshotFinding: Hashable, Sendable {
    public var key: FindingKey
    public var severity: Severity
    public var status: ResultStatus
    /// The owning team of the subject's identity; nil for roles, platforms and unowned identities.
    public var owner: String?

    public init(key: FindingKey, severity: Severity, status: ResultStatus, owner: String?) {
        self.key = key
        self.severity = severity
        self.status = status
        self.owner = owner
    }
}
