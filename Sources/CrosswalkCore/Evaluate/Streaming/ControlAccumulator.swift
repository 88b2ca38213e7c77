/// One control's results over the whole run, built up batch by batch in input order: counts, the
/// in-memory sample of findings, the identities affected, and every finding written to the
/// ``ResultSpool``. ``EvaluationSession`` owns one per control.
struct ControlAccumulator {
    let control: any Control
    /// The control's position in the registry (its bit in ``Evaluation/failingControls``).
    let position: Int
    let keepPassing: Bool
    let spool: any ResultSpool

    private var counts = StatusTally()
    private var scopeCounts = StatusTally()
    private var pendingScope: [(subject: SubjectReference, status: ResultStatus)] = []
    private var sample: [(key: SampleKey, finding: Finding)] = []
    private var passingSample: [SubjectReference] = []
    private var findingCount = 0
    /// Identities affected by findings about their own identity, by ordinal.
    private var ownAffected = IdentitySet()
    /// Findings naming the identities they affect: the subject (for the `ai-agents` scope) and the ids.
    private var namedAffected: [(subject: SubjectReference, ids: [String])] = []
    /// Findings about identities without an ordinal (built outside a run), by id.
    private var unplacedAffected: [(subject: SubjectReference, id: String)] = []
    private var buffers: [[UInt8]]

    /// The spool streams of each status's findings, worst first, then the passing subjects'.
    static let streamsPerControl = findingStatuses.count + 1
    static let findingStatuses: [ResultStatus] = [.fail, .error, .notAssessed, .accepted]

    init(control: any Control, position: Int, keepPassing: Bool, spool: any ResultSpool) {
        self.control = control
        self.position = position
        self.keepPassing = keepPassing
        self.spool = spool
        self.buffers = Array(repeating: [], count: Self.streamsPerControl)
    }

    private func stream(_ slot: Int) -> Int { position * Self.streamsPerControl + slot }

    /// Orders the sample: worst status first, then subject id.
    struct SampleKey: Comparable {
        var status: ResultStatus
        var id: String

        static func < (lhs: SampleKey, rhs: SampleKey) -> Bool { (lhs.status, lhs.id) < (rhs.status, rhs.id) }
    }

    /// Adds one recorder's results (a batch, or the whole inventory) in order.
    mutating func merge(_ recorder: ResultRecorder, failingControls: inout [UInt64]) throws {
        counts.add(recorder.tally)
        scopeCounts.add(recorder.agentScopeTally)
        pendingScope += recorder.pendingScope
        let bit: UInt64 = 1 << UInt64(position)
        for (index, finding) in recorder.findings.enumerated() {
            findingCount += 1
            let subject = finding.subject
            if finding.status == .fail, subject.identityID != nil, subject.ordinal >= 0 {
                let ordinal = Int(subject.ordinal)
                if ordinal >= failingControls.count {
                    failingControls.append(contentsOf: repeatElement(0, count: ordinal - failingControls.count + 1))
                }
                failingControls[ordinal] |= bit
            }
            if let named = recorder.affecting[index] {
                if !named.isEmpty { namedAffected.append((subject, named)) }
            } else if let identityID = subject.identityID {
                if subject.ordinal >= 0 {
                    ownAffected.insert(subject.ordinal)
                } else {
                    unplacedAffected.append((subject, identityID))
                }
            }
            offerToSample(finding)
            let slot = Self.findingStatuses.firstIndex(of: finding.status) ?? 0
            ResultCodec.encode(finding, into: &buffers[slot])
        }
        if keepPassing {
            for subject in recorder.passingSubjects {
                ResultCodec.encode(passing: subject, into: &buffers[Self.findingStatuses.count])
                passingSample.append(subject)
                if passingSample.count >= 2 * ControlOutcome.sampleLimit { trimPassingSample() }
            }
        }
        try flush(atLeast: 1 << 16)
    }

    private mutating func offerToSample(_ finding: Finding) {
        let limit = ControlOutcome.sampleLimit
        if sample.count >= limit, let last = sample.last, finding.status > last.key.status {
            return
        }
        sample.append((SampleKey(status: finding.status, id: finding.subject.id), finding))
        if sample.count >= 2 * limit { trimSample() }
    }

    private mutating func trimSample() {
        sample.sort { $0.key < $1.key }
        if sample.count > ControlOutcome.sampleLimit { sample.removeLast(sample.count - ControlOutcome.sampleLimit) }
    }

    private mutating func trimPassingSample() {
        passingSample.sort { $0.id < $1.id }
        if passingSample.count > ControlOutcome.sampleLimit {
            passingSample.removeLast(passingSample.count - ControlOutcome.sampleLimit)
        }
    }

    /// Writes buffered records to the spool once a buffer holds `threshold` bytes.
    private mutating func flush(atLeast threshold: Int) throws {
        for slot in buffers.indices where !buffers[slot].isEmpty && buffers[slot].count >= threshold {
            try spool.append(buffers[slot], to: stream(slot))
            buffers[slot].removeAll(keepingCapacity: true)
        }
    }

    /// The control's outcome, once every result is in: resolves the scope of results that waited
    /// for it, and the identities named by id.
    mutating func finish(scope: AIAgentScope, ordinalOf: (String) -> Int32?) throws -> ControlOutcome {
        try flush(atLeast: 1)
        for (subject, status) in pendingScope where scope.contains(subject) {
            scopeCounts[status] += 1
        }
        pendingScope = []
        trimSample()
        trimPassingSample()
        // Ids that name no identity of the run (possible only for inventories built directly,
        // without the loader's reference checks) cannot be counted and are left out.
        var affected = ownAffected
        var scopeAffected = ownAffected.intersection(scope.members)
        func add(_ id: String, inScope: Bool) {
            guard let ordinal = ordinalOf(id) else { return }
            affected.insert(ordinal)
            if inScope { scopeAffected.insert(ordinal) }
        }
        for (subject, id) in unplacedAffected { add(id, inScope: scope.contains(subject)) }
        for (subject, ids) in namedAffected {
            let inScope = scope.contains(subject)
            for id in ids { add(id, inScope: inScope) }
        }
        var outcome = ControlOutcome(
            definition: control.definition,
            counts: counts.dictionary,
            findings: sample.map(\.finding),
            findingCount: findingCount,
            passingSubjects: passingSample,
            affectedIdentities: affected,
            agentScopeCounts: scopeCounts.dictionary,
            agentScopeAffectedIdentities: scopeAffected
        )
        outcome.spool = spool
        outcome.findingStreams = Self.findingStatuses.indices.map(stream)
        outcome.passingStream = keepPassing ? stream(Self.findingStatuses.count) : nil
        return outcome
    }
}
