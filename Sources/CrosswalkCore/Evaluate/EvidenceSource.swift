/// Where a control's evidence comes from: facts read from the inventory, or the organisation's own
/// declarations in the policy snapshot, which Crosswalk cannot check (docs/assessment.md §3).
public enum EvidenceSource: String, CaseIterable, Sendable {
    /// Facts read from the inventory (dates, roles, tools compared with the policy's rules).
    case observed
    /// Declarations in the policy snapshot (`logging`, `runtime_checks`, `approval_workflows`).
    case attested

    /// How much a mapping of a control with this evidence weighs in a score: 1 or ½.
    public var weightFactor: Double {
        switch self {
        case .observed: return 1
        case .attested: return 0.5
        }
    }
}
