/// Collects one control's results over one batch of identities (or over the whole inventory):
/// counts every status, keeps every non-pass result as a ``Finding``, keeps passing subjects only
/// when asked, and notes which identities are affected. Counts are also kept for the results inside
/// the run's `ai-agents` scope (``AIAgentScope``), so the assess stage can judge `ai-agents`
/// mappings; results whose scope is not known yet (an identity whose `spawned_by` chain is not
/// resolved) are set aside and counted when the evaluation finishes.
///
/// A recorder is cheap to fill: it holds the batch's findings and a few counters, never strings
/// built for results that pass. ``EvaluationSession`` merges recorders in input order.
public struct ResultRecorder: Sendable {
    private(set) var tally = StatusTally()
    private(set) var agentScopeTally = StatusTally()

    /// Results by status (statuses with at least one result).
    public var counts: [ResultStatus: Int] { tally.dictionary }
    /// Results about subjects known to be in the `ai-agents` scope, by status.
    public var agentScopeCounts: [ResultStatus: Int] { agentScopeTally.dictionary }
    /// Non-pass results, in the order recorded.
    public private(set) var findings: [Finding] = []
    /// For each finding, the identities it affects by id when that is not just its subject's own
    /// identity (a credential shared with others, a role, a platform; empty for missing evidence,
    /// which affects nobody); nil for "the subject's own identity".
    private(set) var affecting: [[String]?] = []
    /// For findings whose affected identities were also given by ordinal (identities numbered in a
    /// run), those ordinals, by the finding's index: the evaluate stage reads them instead of
    /// looking each id up again (a platform's finding can name a million identities).
    private(set) var affectingOrdinals: [Int: [Int32]] = [:]
    public private(set) var passingSubjects: [SubjectReference] = []
    /// Results whose subject's scope was not known when recorded, with their status.
    private(set) var pendingScope: [(subject: SubjectReference, status: ResultStatus)] = []
    let keepPassing: Bool
    let scope: AgentScopeLookup
    /// Where findings go once ``FindingOverflow/partSize`` of them have gathered, when a control
    /// that reads the whole inventory records millions of them; nil keeps them all.
    var overflow: FindingOverflow?

    public init(keepPassing: Bool, agentScope: AIAgentScope = AIAgentScope()) {
        self.init(keepPassing: keepPassing, scope: AgentScopeLookup(complete: agentScope))
    }

    init(keepPassing: Bool, scope: AgentScopeLookup) {
        self.keepPassing = keepPassing
        self.scope = scope
    }

    public mutating func pass(_ subject: SubjectReference) {
        count(.pass, subject)
        if keepPassing, let overflow, passingSubjects.count >= overflow.partSize {
            overflow.take(takeFindings())
        }
        if keepPassing { passingSubjects.append(subject) }
    }

    /// Records a pass for `identity`, as ``pass(_:)`` with its subject does. Most results of a run
    /// are passes: the subject (three strings to retain and release) is built only when the
    /// recorder keeps passing subjects or needs it to settle the result's scope.
    public mutating func pass(identity: Identity) {
        if keepPassing || !countWithoutSubject(.pass, ordinal: identity.ordinal) { pass(.identity(identity)) }
    }

    /// Records a pass for `credential` of `identity`, as ``pass(_:)`` with its subject does,
    /// building the subject only when it is needed (see ``pass(identity:)``).
    public mutating func pass(credential: Credential, of identity: Identity) {
        if keepPassing || !countWithoutSubject(.pass, ordinal: identity.ordinal) {
            pass(.credential(credential, of: identity))
        }
    }

    /// Records that the control does not apply to `identity`, building its subject only when it
    /// is needed (see ``pass(identity:)``).
    public mutating func notApplicable(identity: Identity) {
        if !countWithoutSubject(.notApplicable, ordinal: identity.ordinal) { notApplicable(.identity(identity)) }
    }

    /// Records that the control does not apply to `credential` of `identity`, building its
    /// subject only when it is needed (see ``pass(identity:)``).
    public mutating func notApplicable(credential: Credential, of identity: Identity) {
        if !countWithoutSubject(.notApplicable, ordinal: identity.ordinal) {
            notApplicable(.credential(credential, of: identity))
        }
    }

    /// Counts a result about the identity at `ordinal` (or its credential) when its scope is settled
    /// by the ordinal alone; false, counting nothing, when the subject is needed.
    private mutating func countWithoutSubject(_ status: ResultStatus, ordinal: Int32) -> Bool {
        guard let membership = scope.settledMembership(ofIdentityAt: ordinal) else { return false }
        tally[status] += 1
        if membership == .inside { agentScopeTally[status] += 1 }
        return true
    }

    /// Records a failure. `affecting` names the identities it concerns when that is not just the
    /// subject's own identity (a shared role, a platform).
    public mutating func fail(
        _ subject: consuming SubjectReference,
        _ message: consuming ResultMessage,
        evidence: consuming [Evidence],
        affecting identities: consuming [String]? = nil
    ) {
        record(Finding(subject: subject, status: .fail, message: message, evidence: evidence), affecting: identities)
    }

    /// Records a failure that affects `identities`, also given by `ordinals` when every one of
    /// them has one (nil otherwise), in the same order.
    mutating func fail(
        _ subject: consuming SubjectReference,
        _ message: consuming ResultMessage,
        evidence: consuming [Evidence],
        affecting identities: consuming [String],
        ordinals: consuming [Int32]?
    ) {
        if let ordinals { affectingOrdinals[findings.count] = ordinals }
        fail(subject, message, evidence: evidence, affecting: identities)
    }

    public mutating func notApplicable(_ subject: SubjectReference) {
        count(.notApplicable, subject)
    }

    /// Records that evidence needed to judge the subject is missing.
    public mutating func notAssessed(
        _ subject: consuming SubjectReference,
        _ message: consuming ResultMessage,
        evidence: consuming [Evidence] = []
    ) {
        record(Finding(subject: subject, status: .notAssessed, message: message, evidence: evidence), affecting: [])
    }

    public mutating func error(
        _ subject: consuming SubjectReference,
        _ message: consuming ResultMessage,
        evidence: consuming [Evidence] = []
    ) {
        record(Finding(subject: subject, status: .error, message: message, evidence: evidence), affecting: nil)
    }

    private mutating func count(_ status: ResultStatus, _ subject: SubjectReference) {
        tally[status] += 1
        switch scope.membership(of: subject) {
        case .inside: agentScopeTally[status] += 1
        case .outside: break
        case .pending: pendingScope.append((subject, status))
        }
    }

    private mutating func record(_ finding: consuming Finding, affecting identities: consuming [String]?) {
        if let origin = finding.subject.origin {
            finding.evidence.append(
                Evidence(field: "source", observed: origin.description, expected: "")
            )
            finding.subject.origin = nil
        }
        count(finding.status, finding.subject)
        findings.append(finding)
        affecting.append(identities)
        if let overflow, findings.count >= overflow.partSize { overflow.take(takeFindings()) }
    }

    /// A recorder holding the findings and passing subjects gathered so far (and no counts), which
    /// this one forgets: counts stay here, so the two add up to the same results.
    mutating func takeFindings() -> ResultRecorder {
        var part = ResultRecorder(keepPassing: keepPassing, scope: scope)
        part.findings = findings
        part.affecting = affecting
        part.affectingOrdinals = affectingOrdinals
        part.passingSubjects = passingSubjects
        findings.removeAll(keepingCapacity: true)
        affecting.removeAll(keepingCapacity: true)
        affectingOrdinals = [:]
        passingSubjects.removeAll(keepingCapacity: true)
        return part
    }

    /// Hands over the findings, in the order recorded, and for each the identities it affects,
    /// keeping none: whoever takes them owns them and may move each out without copying it.
    mutating func handOverFindings() -> (findings: [Finding], affecting: [[String]?], ordinals: [Int: [Int32]]) {
        var taken: [Finding] = []
        var takenAffecting: [[String]?] = []
        swap(&taken, &findings)
        swap(&takenAffecting, &affecting)
        let takenOrdinals = affectingOrdinals
        affectingOrdinals = [:]
        return (taken, takenAffecting, takenOrdinals)
    }

    /// The identities finding `index` affects, by id: those named when it was recorded, or else its
    /// subject's identity.
    public func affectedIDs(ofFinding index: Int) -> [String] {
        affecting[index] ?? findings[index].subject.identityID.map { [$0] } ?? []
    }

    /// Ids of the identities with a failing or erroring result (directly or through a credential,
    /// role or platform).
    public var affectedIdentities: Set<String> {
        Set(findings.indices.flatMap(affectedIDs(ofFinding:)))
    }

    /// Turns failures matched by `accepts` into `accepted` results (waivers). Returns how many.
    public mutating func accept(where accepts: (Finding) -> Bool) -> Int {
        var accepted = 0
        for index in findings.indices where findings[index].status == .fail && accepts(findings[index]) {
            acceptFinding(at: index)
            accepted += 1
        }
        return accepted
    }

    /// Turns failures for which `waive` gives an evidence line (the waiver that accepts them)
    /// into `accepted` results carrying that line. Returns how many.
    @discardableResult
    public mutating func accept(adding waive: (Finding) -> Evidence?) -> Int {
        var accepted = 0
        for index in findings.indices where findings[index].status == .fail {
            guard let line = waive(findings[index]) else { continue }
            findings[index].evidence.append(line)
            acceptFinding(at: index)
            accepted += 1
        }
        return accepted
    }

    private mutating func acceptFinding(at index: Int) {
        findings[index].status = .accepted
        tally[.fail] -= 1
        tally[.accepted] += 1
        let subject = findings[index].subject
        switch scope.membership(of: subject) {
        case .inside:
            agentScopeTally[.fail] -= 1
            agentScopeTally[.accepted] += 1
        case .outside:
            break
        case .pending:
            if let position = pendingScope.lastIndex(where: { $0.subject == subject && $0.status == .fail }) {
                pendingScope[position].status = .accepted
            }
        }
    }
}

/// Takes a recorder's findings off its hands in parts, in order, as a control that reads the
/// whole inventory records them (``EvaluationSession/finish(runner:)``), so that millions of them
/// never wait in memory at once. Used from one thread at a time.
final class FindingOverflow: @unchecked Sendable {
    /// Findings gathered before they are handed over.
    let partSize: Int
    private let handle: (consuming ResultRecorder) throws -> Void
    /// The first error the handler threw; later parts are dropped.
    private(set) var failure: (any Error)?

    init(partSize: Int, _ handle: @escaping (consuming ResultRecorder) throws -> Void) {
        self.partSize = max(1, partSize)
        self.handle = handle
    }

    func take(_ part: consuming ResultRecorder) {
        guard failure == nil else { return }
        do { try handle(part) } catch { failure = error }
    }
}
