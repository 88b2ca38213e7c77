/// Collects a control's results: counts every status, keeps every non-pass result as a
/// ``Finding``, keeps passing subjects only when asked, and marks which identities are affected.
/// Counts and affected identities are also kept for the results inside the run's ``AIAgentScope``
/// (a second count table, not a list), so the map stage can judge `ai-agents` mappings.
public struct ResultRecorder: Sendable {
    public private(set) var counts: [ResultStatus: Int] = [:]
    /// Results about subjects in the `ai-agents` scope, by status.
    public private(set) var agentScopeCounts: [ResultStatus: Int] = [:]
    /// Affected identities of the failing or erroring results in the `ai-agents` scope.
    public private(set) var agentScopeAffectedIdentities: Set<String> = []
    public private(set) var findings: [Finding] = []
    public private(set) var passingSubjects: [SubjectReference] = []
    /// Ids of identities with a failing or erroring result (directly or through a credential, role or platform).
    public private(set) var affectedIdentities: Set<String> = []
    let keepPassing: Bool
    let agentScope: AIAgentScope

    public init(keepPassing: Bool, agentScope: AIAgentScope = AIAgentScope()) {
        self.keepPassing = keepPassing
        self.agentScope = agentScope
    }

    public mutating func pass(_ subject: SubjectReference) {
        count(.pass, subject)
        if keepPassing { passingSubjects.append(subject) }
    }

    private mutating func count(_ status: ResultStatus, _ subject: SubjectReference) {
        counts[status, default: 0] += 1
        if !agentScope.isEmpty, agentScope.contains(subject) { agentScopeCounts[status, default: 0] += 1 }
    }

    /// Records a failure. `affecting` names the identities it concerns when that is not just the
    /// subject's own identity (a shared role, a platform).
    public mutating func fail(
        _ subject: SubjectReference,
        _ message: ResultMessage,
        evidence: [Evidence],
        affecting identities: [String]? = nil
    ) {
        record(Finding(subject: subject, status: .fail, message: message, evidence: evidence), affecting: identities)
    }

    public mutating func notApplicable(_ subject: SubjectReference) {
        count(.notApplicable, subject)
    }

    /// Records that evidence needed to judge the subject is missing.
    public mutating func notAssessed(_ subject: SubjectReference, _ message: ResultMessage, evidence: [Evidence] = []) {
        record(Finding(subject: subject, status: .notAssessed, message: message, evidence: evidence), affecting: [])
    }

    public mutating func error(_ subject: SubjectReference, _ message: ResultMessage, evidence: [Evidence] = []) {
        record(Finding(subject: subject, status: .error, message: message, evidence: evidence), affecting: nil)
    }

    private mutating func record(_ finding: Finding, affecting identities: [String]?) {
        count(finding.status, finding.subject)
        findings.append(finding)
        let inAgentScope = !agentScope.isEmpty && agentScope.contains(finding.subject)
        if let identities {
            affectedIdentities.formUnion(identities)
            if inAgentScope { agentScopeAffectedIdentities.formUnion(identities) }
        } else if let identityID = finding.subject.identityID {
            affectedIdentities.insert(identityID)
            if inAgentScope { agentScopeAffectedIdentities.insert(identityID) }
        }
    }

    /// Turns failures matched by `accepts` into `accepted` results (waivers). Returns how many.
    public mutating func accept(where accepts: (Finding) -> Bool) -> Int {
        var accepted = 0
        for index in findings.indices where findings[index].status == .fail && accepts(findings[index]) {
            findings[index].status = .accepted
            counts[.fail, default: 0] -= 1
            counts[.accepted, default: 0] += 1
            if !agentScope.isEmpty, agentScope.contains(findings[index].subject) {
                agentScopeCounts[.fail, default: 0] -= 1
                agentScopeCounts[.accepted, default: 0] += 1
            }
            accepted += 1
        }
        return accepted
    }
}
