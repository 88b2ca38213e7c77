/// Where a catalog entry stands after the map stage (docs/assessment.md §5).
public enum EntryStatus: String, CaseIterable, Sendable {
    /// Nothing fails, nothing is missing, and a full link of an observed control passes.
    case satisfied
    /// Nothing fails, but the evidence covers only part of the entry (only partial links, only
    /// attested full links) or some subjects could not be assessed.
    case partiallyEvidenced = "partially-evidenced"
    /// Some mapped control fails for a subject in the mapping's scope.
    case gapsFound = "gaps-found"
    /// Mapped controls have subjects in scope, but none passes or fails: evidence is missing.
    case notAssessed = "not-assessed"
    /// Controls map to the entry, but no subject in the inventory is one they judge in scope.
    case notApplicable = "not-applicable"
    /// No control maps to the entry: a coverage gap, never a compliance claim.
    case notCovered = "not-covered"

    /// Plain words for reports.
    public var label: String {
        switch self {
        case .satisfied: return "Satisfied"
        case .partiallyEvidenced: return "No gaps, partly evidenced"
        case .gapsFound: return "Gaps found"
        case .notAssessed: return "Not assessed"
        case .notApplicable: return "Not applicable"
        case .notCovered: return "Not covered"
        }
    }

    /// Whether the entry is inside the score: covered and applicable.
    public var isApplicable: Bool { self != .notCovered && self != .notApplicable }
}
