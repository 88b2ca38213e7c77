/// How a framework entry's status (docs/assessment.md §5) reads in an OSCAL finding's target.
///
/// Only *satisfied* is `satisfied`: it alone is a compliance claim. *Gaps found* is
/// `not-satisfied` (reason `fail`); *no gaps, partly evidenced* and *not assessed* are
/// `not-satisfied` (reason `other`), because missing evidence is never a pass. *Not applicable*
/// gets no objective status but the implementation status `not-applicable`. *Not covered* entries
/// get no finding: no control speaks to them, so the result lists them among the excluded
/// controls instead.
struct OSCALEntryState: Equatable {
    /// The objective status: `satisfied` or `not-satisfied`; nil for not-applicable entries.
    var state: String?
    /// Why: `pass`, `fail` or `other`.
    var reason: String?
    /// The target's implementation status, for not-applicable entries.
    var implementationStatus: String?

    init(state: String? = nil, reason: String? = nil, implementationStatus: String? = nil) {
        self.state = state
        self.reason = reason
        self.implementationStatus = implementationStatus
    }

    /// The state of an entry with `status`; nil for *not covered* (no finding).
    init?(_ status: EntryStatus) {
        switch status {
        case .satisfied: (state, reason) = ("satisfied", "pass")
        case .gapsFound: (state, reason) = ("not-satisfied", "fail")
        case .partiallyEvidenced, .notAssessed: (state, reason) = ("not-satisfied", "other")
        case .notApplicable: implementationStatus = "not-applicable"
        case .notCovered: return nil
        }
    }
}
