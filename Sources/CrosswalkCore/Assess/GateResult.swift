/// One gate's verdict for a run (``GateCheck``): which condition, whether it held, and a sentence
/// saying why.
public struct GateResult: Hashable, Sendable {
    /// A condition of the ``GatePolicy``.
    public enum Gate: Hashable, Sendable {
        case failuresAtOrAbove
        case newFailuresAtOrAbove
        /// The minimum score of one catalog, by id.
        case minimumScore(String)
        case maximumScoreDrop
        case requireCompleteEvidence
    }

    /// Whether the condition held.
    public enum State: String, Hashable, Sendable {
        case passed
        case breached
        /// The run cannot tell (no previous run to compare with, a catalog not reported).
        case notJudged = "not-judged"
    }

    public var gate: Gate
    public var state: State
    /// One sentence, e.g. `2 controls of severity high or worse fail: CW-CRED-01, CW-AUTHZ-02`.
    public var detail: String

    public var breached: Bool { state == .breached }

    public init(gate: Gate, state: State, detail: String) {
        self.gate = gate
        self.state = state
        self.detail = detail
    }
}
