/// The rolled-up state of one control across all of its subjects.
public enum ControlStatus: String, Sendable {
    /// Every applicable subject passed.
    case pass
    /// At least one subject failed (or is accepted: a waived failure is still a failure).
    case fail
    /// No failure, but evidence was missing or evaluation erred for some subject.
    case notAssessed = "not-assessed"
    /// No subject in the inventory is one the control applies to.
    case notApplicable = "not-applicable"
}

/// One control's results over the whole inventory: counts, findings and derived figures.
/// Boundary type between the evaluate and map stages (together with ``Evaluation``).
public struct ControlOutcome: Sendable {
    public var definition: ControlDefinition
    public var counts: [ResultStatus: Int]
    /// Every result that is not a pass or not-applicable, worst first, then by subject id.
    public var findings: [Finding]
    /// Passing subjects, kept only when the run asks to include passes.
    public var passingSubjects: [SubjectReference]
    /// Identities with a failing or erroring result, directly or through a credential, role or platform.
    public var affectedIdentities: Set<String>
    /// Results about subjects in the `ai-agents` scope, by status.
    public var agentScopeCounts: [ResultStatus: Int]
    /// Affected identities of failing or erroring results in the `ai-agents` scope.
    public var agentScopeAffectedIdentities: Set<String>

    public init(definition: ControlDefinition, recorder: ResultRecorder) {
        self.definition = definition
        self.counts = recorder.counts
        self.agentScopeCounts = recorder.agentScopeCounts
        self.agentScopeAffectedIdentities = recorder.agentScopeAffectedIdentities
        self.findings = recorder.findings.sorted {
            ($0.status, $0.subject.id) < ($1.status, $1.subject.id)
        }
        self.passingSubjects = recorder.passingSubjects.sorted { $0.id < $1.id }
        self.affectedIdentities = recorder.affectedIdentities
    }

    public func count(_ status: ResultStatus) -> Int { counts[status] ?? 0 }

    /// Result counts among the subjects of `scope`, by status.
    public func counts(in scope: MappingScope) -> [ResultStatus: Int] {
        switch scope {
        case .all: return counts
        case .aiAgents: return agentScopeCounts
        }
    }

    /// *P*, *F* and *U* among the subjects of `scope`.
    public func scopedCounts(in scope: MappingScope) -> ScopedCounts {
        ScopedCounts(counts(in: scope))
    }

    /// Affected identities among the results in `scope`.
    public func affectedIdentities(in scope: MappingScope) -> Set<String> {
        switch scope {
        case .all: return affectedIdentities
        case .aiAgents: return agentScopeAffectedIdentities
        }
    }

    public var affectedIdentityCount: Int { affectedIdentities.count }

    /// Subjects the control applies to: everything but not-applicable.
    public var applicableCount: Int {
        ResultStatus.allCases.filter { $0 != .notApplicable }.reduce(0) { $0 + count($1) }
    }

    public var status: ControlStatus {
        if count(.fail) + count(.accepted) > 0 { return .fail }
        if count(.notAssessed) > 0 || count(.error) > 0 { return .notAssessed }
        if count(.pass) > 0 { return .pass }
        return .notApplicable
    }

    /// Passing ÷ applicable subjects (accepted results are not passes); nil when nothing applies.
    public var passRate: Ratio? {
        applicableCount == 0 ? nil : Ratio(count(.pass), of: applicableCount)
    }
}

/// The evaluate stage's output: one outcome per control, in registry order.
public struct Evaluation: Sendable {
    public var now: Timestamp
    public var outcomes: [ControlOutcome]
    /// Whether the inventory has any subject in the `ai-agents` scope (for not-applicable reasons).
    public var hasAIAgents: Bool

    public init(now: Timestamp, outcomes: [ControlOutcome], hasAIAgents: Bool = true) {
        self.now = now
        self.outcomes = outcomes
        self.hasAIAgents = hasAIAgents
    }

    public func outcome(for controlID: String) -> ControlOutcome? {
        outcomes.first { $0.definition.id == controlID }
    }
}
