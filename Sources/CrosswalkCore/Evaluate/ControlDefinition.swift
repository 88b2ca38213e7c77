/// How bad a failing control is. Orders findings and weighs the top gaps.
public enum Severity: String, CaseIterable, Comparable, Sendable {
    case critical
    case high
    case medium
    case low

    /// Weight used to rank gaps: severity weight × affected identities.
    public var weight: Int {
        switch self {
        case .critical: return 8
        case .high: return 4
        case .medium: return 2
        case .low: return 1
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.weight < rhs.weight }
}

/// What a control evaluates one result for.
public enum SubjectKind: String, CaseIterable, Sendable {
    case identity
    case credential
    case role
    case platform
}

/// Everything a control declares about itself: what it checks, why, on what, from which evidence,
/// against which policy parameters, how to fix a failure, and examples that the tests run.
public struct ControlDefinition: Sendable {
    /// Stable id such as `CW-CRED-02`; never reused for a different check.
    public var id: String
    public var title: String
    public var description: String
    public var rationale: String
    public var severity: Severity
    /// What a failure leaves open; ranks top gaps after severity.
    public var exposureClass: ExposureClass
    public var subjectKind: SubjectKind
    /// Whether the control reads observed facts or the organisation's own attestations.
    public var evidenceSource: EvidenceSource
    /// Which subjects the control applies to, in words (e.g. "active static secrets").
    public var appliesTo: String
    /// Inventory fields read as evidence, as documented key paths.
    public var evidenceFields: [String]
    /// Policy parameters read, as documented keys.
    public var policyParameters: [String]
    public var remediation: String
    /// Passing and failing examples; the test suite runs every one.
    public var examples: [ControlExample]

    public init(
        id: String,
        title: String,
        description: String,
        rationale: String,
        severity: Severity,
        exposureClass: ExposureClass = .hygiene,
        subjectKind: SubjectKind,
        evidenceSource: EvidenceSource = .observed,
        appliesTo: String,
        evidenceFields: [String],
        policyParameters: [String],
        remediation: String,
        examples: [ControlExample]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.rationale = rationale
        self.severity = severity
        self.exposureClass = exposureClass
        self.subjectKind = subjectKind
        self.evidenceSource = evidenceSource
        self.appliesTo = appliesTo
        self.evidenceFields = evidenceFields
        self.policyParameters = policyParameters
        self.remediation = remediation
        self.examples = examples
    }
}

/// A small inventory and policy with the status the control must give each subject.
///
/// Examples are evaluated at ``ControlExample/now`` so that ages are stable.
public struct ControlExample: Sendable {
    public static let now = Timestamp(iso8601: "2026-06-01T00:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)

    public var name: String
    /// A complete native inventory document in YAML.
    public var inventory: String
    /// A complete policy snapshot in YAML.
    public var policy: String
    /// Expected status per subject id (identity id, `identity/credential`, role id or platform).
    public var expected: [String: ResultStatus]

    public init(_ name: String, inventory: String, policy: String = "version: 1", expected: [String: ResultStatus]) {
        self.name = name
        self.inventory = inventory
        self.policy = policy
        self.expected = expected
    }
}
