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
/// Boundary type between the evaluate and assess stages (together with ``Evaluation``).
///
/// Counts and identity sets cover every result. Findings are kept in memory only as a sample —
/// the first ``sampleLimit``, worst first, then by subject id — which is what the Markdown and
/// HTML reports list; ``forEachFinding(_:)`` reads every one back from the run's ``ResultSpool``.
public struct ControlOutcome: Sendable {
    /// How many findings (and passing subjects) an outcome keeps in memory.
    public static let sampleLimit = 100

    public var definition: ControlDefinition
    public var counts: [ResultStatus: Int]
    /// The first ``sampleLimit`` results that are not a pass or not-applicable, worst first, then
    /// by subject id.
    public var findings: [Finding]
    /// How many results are not a pass or not-applicable (all of them, not just the sample).
    public var findingCount: Int
    /// The first ``sampleLimit`` passing subjects by id, kept only when the run includes passes.
    public var passingSubjects: [SubjectReference]
    /// Identities with a failing or erroring result, directly or through a credential, role or
    /// platform, by ordinal.
    public var affectedIdentities: IdentitySet
    /// Results about subjects in the `ai-agents` scope, by status.
    public var agentScopeCounts: [ResultStatus: Int]
    /// Affected identities of failing or erroring results in the `ai-agents` scope.
    public var agentScopeAffectedIdentities: IdentitySet
    /// The message and evidence templates of the control's findings, in order of first use.
    public var templates = ControlTemplates()
    /// The identities the control's findings (and listed passing subjects) are about, by ordinal.
    public var referencedIdentities = IdentitySet()
    /// Ids of identities such results name that have no ordinal (inventories built directly).
    public var unplacedReferencedIDs: Set<String> = []
    /// Where every finding and passing subject was written, and under which streams.
    var spool: (any ResultSpool)?
    var findingStreams: [Int] = []
    var passingStream: Int?

    public init(
        definition: ControlDefinition,
        counts: [ResultStatus: Int],
        findings: [Finding],
        findingCount: Int,
        passingSubjects: [SubjectReference] = [],
        affectedIdentities: IdentitySet = IdentitySet(),
        agentScopeCounts: [ResultStatus: Int] = [:],
        agentScopeAffectedIdentities: IdentitySet = IdentitySet()
    ) {
        self.definition = definition
        self.counts = counts
        self.findings = findings
        self.findingCount = findingCount
        self.passingSubjects = passingSubjects
        self.affectedIdentities = affectedIdentities
        self.agentScopeCounts = agentScopeCounts
        self.agentScopeAffectedIdentities = agentScopeAffectedIdentities
    }

    /// Calls `body` with every finding, worst status first, then in the order the subjects were
    /// evaluated (input order). Reads the spool when the run kept one; otherwise the sample is all
    /// there is.
    public func forEachFinding(_ body: (Finding) throws -> Void) throws {
        guard let spool else {
            for finding in findings { try body(finding) }
            return
        }
        for stream in findingStreams {
            try ResultCodec.forEach(in: spool, stream: stream, templates: templates, body)
        }
    }

    /// Calls `body` with the findings whose status, and the ordinal of whose identity (-1 for none
    /// or for a role or platform), `include` accepts, in the order of ``forEachFinding(_:)``.
    /// Findings it rejects are skipped without being decoded from the spool.
    func forEachFinding(
        where include: @escaping (_ status: ResultStatus, _ ordinal: Int32, _ hasIdentity: Bool) -> Bool,
        _ body: (Finding) throws -> Void
    ) throws {
        guard let spool else {
            for finding in findings
            where include(finding.status, finding.subject.ordinal, finding.subject.identityID != nil) {
                try body(finding)
            }
            return
        }
        for stream in findingStreams {
            try ResultCodec.forEach(
                in: spool,
                stream: stream,
                templates: templates,
                where: { include($0.status, $0.ordinal, $0.hasIdentity) },
                { try body($0.finding(templates)) }
            )
        }
    }

    /// Calls `body` with every finding read in place, in the order of ``forEachFinding(_:)``:
    /// what the JSON and XML reports copy from. Message and evidence templates are numbered as in
    /// ``templates``.
    func forEachEncodedFinding(_ body: (EncodedResult) throws -> Void) throws {
        guard let spool else {
            try ResultCodec.forEach(encoding: findings, control: definition.id, templates: templates, body)
            return
        }
        for stream in findingStreams {
            try ResultCodec.forEach(in: spool, stream: stream, templates: templates, where: nil, body)
        }
    }

    /// Calls `body` with every passing subject read in place, in the order of
    /// ``forEachPassingSubject(_:)``.
    func forEachEncodedPassingSubject(_ body: (EncodedResult) throws -> Void) throws {
        guard let spool, let passingStream else {
            try ResultCodec.forEach(encodingPassing: passingSubjects, templates: templates, body)
            return
        }
        try ResultCodec.forEach(in: spool, stream: passingStream, templates: templates, where: nil, body)
    }

    /// Calls `body` with every passing subject when the run includes passes, in evaluation order.
    public func forEachPassingSubject(_ body: (SubjectReference) throws -> Void) throws {
        guard let spool, let passingStream else {
            for subject in passingSubjects { try body(subject) }
            return
        }
        try ResultCodec.forEach(in: spool, stream: passingStream, templates: templates) { try body($0.subject) }
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
    public func affectedIdentities(in scope: MappingScope) -> IdentitySet {
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

/// The evaluate stage's output: one outcome per control, in registry order, and what the
/// reports need to know about the identities the results name.
public struct Evaluation: Sendable {
    public var now: Timestamp
    public var outcomes: [ControlOutcome]
    /// Whether the inventory has any subject in the `ai-agents` scope (for not-applicable reasons).
    public var hasAIAgents: Bool
    /// Every identity's ``Identity/peerRecord``, by ordinal, for names and owners.
    public var identities: Inventory
    /// Counts that describe the inventory itself.
    public var summary: InventorySummary
    /// For each identity (by ordinal), which controls (by registry position) it fails, directly or
    /// through one of its credentials.
    public var failingControls: [UInt64]
    /// Warnings found while reading the inputs, shown in the provenance section.
    public var warnings: [Diagnostic] = []
    /// Results each waiver accepted, by the waiver's position in the waivers file.
    public var waiverMatches: [Int: Int] = [:]
    /// Failing results by owner, counted while evaluating; nil for an evaluation assembled by
    /// hand, which ``OwnerGrouping`` then counts itself.
    public var ownerTally: OwnerTally?

    public init(
        now: Timestamp,
        outcomes: [ControlOutcome],
        hasAIAgents: Bool = true,
        identities: Inventory = Inventory(identities: [], roles: []),
        summary: InventorySummary = InventorySummary(
            identityCount: 0,
            agentCount: 0,
            credentialCount: 0,
            roleCount: 0,
            platforms: [],
            kinds: []
        ),
        failingControls: [UInt64] = []
    ) {
        self.now = now
        self.outcomes = outcomes
        self.hasAIAgents = hasAIAgents
        self.identities = identities
        self.summary = summary
        self.failingControls = failingControls
    }

    public func outcome(for controlID: String) -> ControlOutcome? {
        outcomes.first { $0.definition.id == controlID }
    }

    /// The identity with this id, as its peer record (name, owner, kind, platform, …).
    public func identity(withID id: String) -> Identity? {
        identities.identity(withID: id)
    }
}
