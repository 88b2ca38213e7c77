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
    private var sample: [(key: RecorderDigest.SampleKey, finding: Finding)] = []
    /// The last key of the sample once it is full: findings of later batches that do not precede
    /// it can never enter the sample, so their digests need not keep them.
    private(set) var sampleCutoff: RecorderDigest.SampleKey?
    private var passingSample: [SubjectReference] = []
    private var findingCount = 0
    /// Identities affected by findings about their own identity, by ordinal.
    private var ownAffected = IdentitySet()
    /// Findings naming the identities they affect: the subject (for the `ai-agents` scope) and the ids.
    private var namedAffected: [(subject: SubjectReference, ids: [String])] = []
    /// Findings naming the identities they affect by ordinal: the subject and the ordinals.
    private var namedAffectedOrdinals: [(subject: SubjectReference, ordinals: [Int32])] = []
    /// Findings about identities without an ordinal (built outside a run), by id.
    private var unplacedAffected: [(subject: SubjectReference, id: String)] = []
    private var buffers: [[UInt8]]
    private var templates = ControlTemplates()
    /// The template map in force at the end of each slot's stream (empty: the control's numbering).
    private var templateMaps: [(messages: [Int], evidence: [Int])] = Array(
        repeating: ([], []),
        count: RecorderDigest.slotCount
    )
    private var referenced = IdentitySet()
    private var unplacedReferenced = Set<String>()

    init(control: any Control, position: Int, keepPassing: Bool, spool: any ResultSpool) {
        self.control = control
        self.position = position
        self.keepPassing = keepPassing
        self.spool = spool
        self.buffers = Array(repeating: [], count: RecorderDigest.slotCount)
    }

    private func stream(_ slot: Int) -> Int { position * RecorderDigest.slotCount + slot }

    /// Adds one batch's digest of results, in input order.
    mutating func merge(_ digest: RecorderDigest, failingControls: inout [UInt64]) throws {
        counts.add(digest.tally)
        scopeCounts.add(digest.agentScopeTally)
        pendingScope += digest.pendingScope
        findingCount += digest.findingCount
        let bit: UInt64 = 1 << UInt64(position)
        for ordinal in digest.failing {
            let index = Int(ordinal)
            if index >= failingControls.count {
                failingControls.append(contentsOf: repeatElement(0, count: index - failingControls.count + 1))
            }
            failingControls[index] |= bit
        }
        for ordinal in digest.ownAffected { ownAffected.insert(ordinal) }
        // The digest's records number templates in the digest's table; when that numbering is
        // not the control's, a template map goes before them.
        var messageMap = digest.templates.messages.all.map { templates.messages.index(of: $0) }
        var evidenceMap = digest.templates.evidence.all.map { templates.evidence.index(of: $0) }
        if messageMap.indices.elementsEqual(messageMap) && evidenceMap.indices.elementsEqual(evidenceMap) {
            messageMap = []
            evidenceMap = []
        }
        for ordinal in digest.referenced { referenced.insert(ordinal) }
        unplacedReferenced.formUnion(digest.unplacedReferenced)
        namedAffected += digest.namedAffected
        namedAffectedOrdinals += digest.namedAffectedOrdinals
        unplacedAffected += digest.unplacedAffected
        if !digest.sample.isEmpty {
            sample += digest.sample
            if sample.count > ControlOutcome.sampleLimit {
                sample = RecorderDigest.trimmed(sample)
                sampleCutoff = sample.last?.key
            }
        }
        if !digest.passingSample.isEmpty {
            passingSample += digest.passingSample
            if passingSample.count > ControlOutcome.sampleLimit {
                passingSample = RecorderDigest.trimmed(passingSample)
            }
        }
        for slot in digest.encoded.indices where !digest.encoded[slot].isEmpty {
            if templateMaps[slot].messages != messageMap || templateMaps[slot].evidence != evidenceMap {
                ResultCodec.encodeTemplateMap(messages: messageMap, evidence: evidenceMap, into: &buffers[slot])
                templateMaps[slot] = (messageMap, evidenceMap)
            }
            buffers[slot] += digest.encoded[slot]
        }
        try flush(atLeast: 1 << 16)
    }

    /// Writes buffered records to the spool once a buffer holds `threshold` bytes.
    private mutating func flush(atLeast threshold: Int) throws {
        for slot in buffers.indices where !buffers[slot].isEmpty && buffers[slot].count >= threshold {
            try spool.append(buffers[slot], to: stream(slot))
            buffers[slot].removeAll(keepingCapacity: true)
        }
    }

    /// Writes every buffered record to the spool (once every result is in).
    mutating func flushAll() throws {
        try flush(atLeast: 1)
    }

    /// The control's outcome, once every result is in and ``flushAll()`` has written the last of
    /// them: resolves the scope of results that waited for it, and the identities named by id.
    mutating func finish(scope: AIAgentScope, ordinalOf: (String) -> Int32?) -> ControlOutcome {
        for (subject, status) in pendingScope where scope.contains(subject) {
            scopeCounts[status] += 1
        }
        pendingScope = []
        sample = RecorderDigest.trimmed(sample)
        passingSample = RecorderDigest.trimmed(passingSample)
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
        for (subject, ordinals) in namedAffectedOrdinals {
            let inScope = scope.contains(subject)
            for ordinal in ordinals {
                affected.insert(ordinal)
                if inScope { scopeAffected.insert(ordinal) }
            }
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
        outcome.templates = templates
        outcome.referencedIdentities = referenced
        outcome.unplacedReferencedIDs = unplacedReferenced
        outcome.findingStreams = RecorderDigest.findingStatuses.indices.map(stream)
        outcome.passingStream = keepPassing ? stream(RecorderDigest.findingStatuses.count) : nil
        return outcome
    }
}
