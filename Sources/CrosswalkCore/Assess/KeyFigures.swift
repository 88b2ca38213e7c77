/// The headline numbers of the executive summary. Each one is a control's result, read from its
/// outcome and never recomputed from the inventory (docs/assessment.md, section 7), so a figure
/// always agrees with the control's section of the report.
public struct KeyFigures: Sendable {
    /// The control behind ``identitiesWithOwner``.
    public static let ownerControlID = "CW-LIFE-01"
    /// The control behind ``agentsOnWorkloadIdentity``.
    public static let workloadIdentityControlID = "CW-AUTH-01"
    /// The control behind ``staticSecretsWithinRotation``.
    public static let rotationControlID = "CW-CRED-02"
    /// The control behind ``exposedCredentials``.
    public static let exposureControlID = "CW-CRED-05"

    /// CW-LIFE-01's pass rate: identities with an accountable owner ÷ identities it applies to.
    public var identitiesWithOwner: Ratio
    /// CW-AUTH-01's pass rate: active agents on a platform-managed workload identity ÷ active agents.
    public var agentsOnWorkloadIdentity: Ratio
    /// CW-CRED-02's pass rate: active static secrets rotated within the interval ÷ active static
    /// secrets (a secret whose dates are missing counts in the denominator only).
    public var staticSecretsWithinRotation: Ratio
    /// CW-CRED-05's failing results: credentials detected as exposed and not revoked, each named
    /// with its owner, in subject id order (the first ``ControlOutcome/sampleLimit``).
    public var exposedCredentials: [AttributedFinding]

    /// How many credentials detected as exposed are still not revoked (all of them).
    public var activeExposedCredentials: Int

    /// Reads the four figures from the evaluation. A control that did not run, or that applies to
    /// no subject, gives a ratio with denominator 0 (printed "n/a").
    public init(evaluation: Evaluation) {
        func passRate(_ id: String) -> Ratio {
            evaluation.outcome(for: id)?.passRate ?? Ratio(0, of: 0)
        }
        identitiesWithOwner = passRate(Self.ownerControlID)
        agentsOnWorkloadIdentity = passRate(Self.workloadIdentityControlID)
        staticSecretsWithinRotation = passRate(Self.rotationControlID)
        let exposure = evaluation.outcome(for: Self.exposureControlID)
        exposedCredentials = exposure.map { AttributedFinding.failing(in: $0, of: evaluation) } ?? []
        activeExposedCredentials = exposure?.count(.fail) ?? 0
    }
}
