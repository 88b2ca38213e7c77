/// One identity-security check. A control reads the inventory and policy in an
/// ``EvaluationContext`` and records one result per subject it applies to.
public protocol Control: Sendable {
    var definition: ControlDefinition { get }
    func evaluate(_ context: EvaluationContext, into recorder: inout ResultRecorder)
}

/// Everything a control may read: the normalised inventory, the policy and the evaluation time.
/// Controls never read the clock: `now` comes from the caller.
public struct EvaluationContext: Sendable {
    public var inventory: Inventory
    public var policy: Policy
    public var now: Timestamp

    public init(inventory: Inventory, policy: Policy, now: Timestamp) {
        self.inventory = inventory
        self.policy = policy
        self.now = now
    }

    /// Days elapsed from `timestamp` to now.
    public func daysSince(_ timestamp: Timestamp) -> Int64 {
        timestamp.days(until: now)
    }

    /// Whether `credential` can still be used at the evaluation time: its status is active and no
    /// revocation has taken effect. A `revoked` time after the evaluation time is a scheduled
    /// revocation, so the credential still works until then.
    public func isActive(_ credential: Credential) -> Bool {
        credential.status.isActive && !isRevocationRecorded(credential)
    }

    /// Whether `credential` has been revoked for good by the evaluation time: a `revoked` time at or
    /// before now, or a status of revoked, deleted or expired. A disabled credential is not revoked:
    /// re-enabling it restores its value.
    public func isRevoked(_ credential: Credential) -> Bool {
        isRevocationRecorded(credential) || [LifecycleStatus.revoked, .deleted, .expired].contains(credential.status)
    }

    private func isRevocationRecorded(_ credential: Credential) -> Bool {
        credential.revoked.map { $0 <= now } ?? false
    }

    /// Describes an age for evidence: `2025-01-31 (486 days ago)`.
    public func describeAge(of timestamp: Timestamp) -> String {
        let days = daysSince(timestamp)
        if days < 0 { return "\(timestamp.isoDate) (in the future)" }
        return "\(timestamp.isoDate) (\(days) day\(days == 1 ? "" : "s") ago)"
    }
}

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
        _ message: String,
        evidence: [Evidence],
        affecting identities: [String]? = nil
    ) {
        record(Finding(subject: subject, status: .fail, message: message, evidence: evidence), affecting: identities)
    }

    public mutating func notApplicable(_ subject: SubjectReference) {
        count(.notApplicable, subject)
    }

    /// Records that evidence needed to judge the subject is missing.
    public mutating func notAssessed(_ subject: SubjectReference, _ message: String, evidence: [Evidence] = []) {
        record(Finding(subject: subject, status: .notAssessed, message: message, evidence: evidence), affecting: [])
    }

    public mutating func error(_ subject: SubjectReference, _ message: String, evidence: [Evidence] = []) {
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
