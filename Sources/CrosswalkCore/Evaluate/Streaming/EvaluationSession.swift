/// The evaluate stage for inventories of any size: identities arrive in batches, in input order,
/// and are judged as they come; only each identity's ``Identity/peerRecord`` is kept.
///
/// 1. ``prepare(_:)`` (in input order) numbers the batch's identities (``Identity/ordinal``) and
///    notes which are known to be in the `ai-agents` scope.
/// 2. ``batchEvaluator`` runs every ``ControlReach/identity`` control on the prepared batch and
///    makes the identities' peer records. It reads nothing the session changes, so batches may be
///    evaluated on several threads at once.
/// 3. ``merge(_:)`` (in input order again) adds the batch's results to each control's counts,
///    sample and spool, and keeps its peer records, so the outcome does not depend on how many
///    threads evaluated. ``add(_:runner:)`` merges each group of batches beside the caller, while
///    it reads the next group.
/// 4. ``finish()`` runs the ``ControlReach/inventory`` controls on the peer records, settles the
///    scope of results that waited for it, and returns the ``Evaluation``.
public final class EvaluationSession {
    public let batchEvaluator: BatchEvaluator
    private let policy: Policy
    private let now: Timestamp
    private let organization: String?
    private let roles: [Role]
    private let roleIndex: [String: Int]
    private let keepPassing: Bool
    /// How many findings of a cross-record control wait in memory before they are merged.
    private let findingPartSize: Int
    private let inventoryControls: [(position: Int, control: any Control)]
    private var accumulators: [ControlAccumulator]
    private var peers: [Identity] = []
    /// How many identities have been numbered (``prepare(_:)`` runs ahead of ``merge(_:)``).
    private var numbered: Int32 = 0
    /// The merge ``add(_:runner:)`` started beside its caller, and where it leaves an error.
    private var pendingMerge: (work: any StartedWork, failure: WorkResults<any Error>)?
    private var ordinalByID: [String: Int32] = [:]
    private var membership: [AgentScopeLookup.Membership] = []
    private var failingControls: [UInt64] = []
    /// Failing results by owner, counted as batches merge.
    private var ownerTally = OwnerTally()
    private var agentCount = 0
    private var credentialCount = 0
    private var kindCounts: [String: Int] = [:]
    private var platforms = Set<String>()
    private var finished = false
    /// The waivers in force, applied to every control's failures; nil when none were given.
    private let waivers: WaiverBook?
    /// The tag waivers selecting each identity, by ordinal (only identities some select).
    private var waiverTags: [Int32: [Int]] = [:]
    /// Results each waiver accepted, by file position.
    public private(set) var waiverMatches: [Int: Int] = [:]

    /// - Parameters:
    ///   - controls: the controls to run, in registry order (at most 64).
    ///   - roles: every role of the inventory, known before any identity arrives.
    ///   - spool: where every finding (and passing subject, when `includePassing`) is written.
    public init(
        controls: [any Control] = ControlRegistry.all,
        policy: Policy,
        now: Timestamp,
        organization: String? = nil,
        roles: [Role],
        includePassing: Bool = false,
        spool: any ResultSpool = MemoryResultSpool(),
        findingPartSize: Int = 4096,
        waivers: WaiverBook? = nil,
        preparingOn runner: any WorkRunner = SerialRunner()
    ) {
        self.waivers = waivers
        precondition(controls.count <= 64, "a run evaluates at most 64 controls")
        self.findingPartSize = findingPartSize
        self.policy = policy
        self.now = now
        self.organization = organization
        self.roles = roles
        self.keepPassing = includePassing
        let roleIndex = Inventory(identities: [], roles: roles).roleIndexTable
        self.roleIndex = roleIndex
        let positioned = controls.enumerated().map { (position: $0.offset, control: $0.element) }
        self.inventoryControls = positioned.filter { $0.control.reach == .inventory }
        let identityControls = positioned.filter { $0.control.reach == .identity }
        self.batchEvaluator = BatchEvaluator(
            controls: identityControls,
            // What controls work out about the roles (tens of thousands at scale) is worked out
            // beside the reading of the first records, the controls side by side; the first batch
            // waits for it.
            evaluations: PendingValue.start(on: runner) { [identityControls] in
                let prepared = WorkResults<PreparedEvaluation>(count: identityControls.count)
                runner.run(identityControls.count) { index in
                    prepared.set(
                        index,
                        PreparedEvaluation.of(identityControls[index].control, roles: roles, policy: policy)
                    )
                }
                return prepared.values
            },
            policy: policy,
            now: now,
            roles: roles,
            roleIndex: roleIndex,
            keepPassing: includePassing,
            waivers: waivers
        )
        self.accumulators = positioned.map {
            ControlAccumulator(control: $0.control, position: $0.position, keepPassing: includePassing, spool: spool)
        }
    }

    /// Sizes the session's per-identity tables for about `count` identities in all, once the
    /// caller can judge how many the input holds: growing them step by step to a million rehashed
    /// every id (and copied every kept record) at each step, while the other cores waited.
    public func expectIdentities(_ count: Int) {
        // The merge in progress appends to these tables; its error, if any, waits for the next call.
        pendingMerge?.work.wait()
        guard count > peers.count else { return }
        ordinalByID.reserveCapacity(count)
        membership.reserveCapacity(count)
        peers.reserveCapacity(count)
        ownerTally.reserveIdentities(count)
    }

    /// Step 1: numbers the identities in input order and keeps their peer records. Call in input
    /// order, once per batch. A batch handed over whole (no other copy of the array) is numbered in
    /// place; one still shared with the caller is copied first.
    public func prepare(_ identities: consuming [Identity]) -> PreparedBatch {
        precondition(!finished, "prepare after finish")
        let base = numbered
        var batch = identities
        var batchMembership: [AgentScopeLookup.Membership] = []
        batchMembership.reserveCapacity(batch.count)
        var batchWaiverTags: [Int32: [Int]] = [:]
        for index in batch.indices {
            let ordinal = numbered
            numbered += 1
            batch[index].ordinal = ordinal
            let identity = batch[index]
            let member: AgentScopeLookup.Membership
            if identity.isAgent {
                member = .inside
            } else if let parentID = identity.spawnedBy {
                if let parent = ordinalByID[parentID].map(Int.init), membership[parent] != .pending {
                    member = membership[parent]
                } else {
                    member = .pending
                }
            } else {
                member = .outside
            }
            membership.append(member)
            batchMembership.append(member)
            // One hash claims the id; an id seen before (never from the loader, which rejects
            // duplicates) keeps its first ordinal.
            if let first = ordinalByID.updateValue(ordinal, forKey: identity.id) { ordinalByID[identity.id] = first }
            ownerTally.appendIdentity(owner: identity.owner)
            if let waivers, waivers.hasTagWaivers {
                let tagged = waivers.taggedWaivers(of: identity)
                if !tagged.isEmpty {
                    batchWaiverTags[ordinal] = tagged
                    waiverTags[ordinal] = tagged
                }
            }
            if identity.isAgent { agentCount += 1 }
            credentialCount += identity.credentials.count
            kindCounts[identity.kind.rawValue, default: 0] += 1
            if let platform = identity.platform { platforms.insert(platform) }
        }
        var prepared = PreparedBatch(identities: batch, scope: AgentScopeLookup(base: base, batch: batchMembership))
        prepared.waiverTags = batchWaiverTags
        // What the samples already hold lets the batch's digests skip findings that cannot join
        // them (the samples come out the same, whenever the batch is merged).
        prepared.sampleCutoffs = batchEvaluator.controls.map { accumulators[$0.position].sampleCutoff }
        return prepared
    }

    /// Step 2 for several prepared batches at once, spread over `runner`; the results come back in
    /// the batches' order.
    public func evaluate(_ batches: [PreparedBatch], runner: any WorkRunner) -> [EvaluatedBatch] {
        let evaluator = batchEvaluator
        if batches.count <= 1 || runner.width <= 1 { return batches.map(evaluator.evaluate) }
        let results = WorkResults<EvaluatedBatch>(count: batches.count)
        runner.run(batches.count) { index in results.set(index, evaluator.evaluate(batches[index])) }
        return results.values
    }

    /// Steps 1 to 3 for batches that arrive together, in input order: prepares them, evaluates
    /// them side by side on `runner`, and starts merging them in order beside the caller (merging
    /// changes only the session, which the caller's next reading never touches); the merge is
    /// waited for at the next call or in ``finish(runner:)``. Throws when the spool could not take
    /// the results of an earlier call.
    ///
    /// The caller reads and decodes the next group on one core while the merge runs on the other:
    /// merged beside the evaluation instead, the merge had lengthened it while a core idled
    /// through the reading.
    ///
    /// Batches handed over whole are numbered in place, and each is let go on the thread that
    /// evaluated it: copying and freeing a million identities on the calling thread, between
    /// groups, had left the other core idle.
    public func add(_ batches: consuming [[Identity]], runner: any WorkRunner) throws {
        try settleMerge()
        let handedOver = HandedOver<PreparedBatch>()
        for index in batches.indices {
            var batch: [Identity] = []
            swap(&batch, &batches[index])
            handedOver.append(prepare(consume batch))
        }
        let evaluator = batchEvaluator
        let evaluated = WorkResults<EvaluatedBatch>(count: handedOver.count)
        runner.run(handedOver.count) { evaluated.set($0, evaluator.evaluate(handedOver.take($0))) }
        let merge = MergeJob(session: self, batches: evaluated.values)
        let failure = WorkResults<any Error>(count: 1)
        pendingMerge = (
            runner.start {
                do { try merge.run() } catch { failure.set(0, error) }
            },
            failure
        )
    }

    /// Waits for the merge ``add(_:runner:)`` started, and throws what it threw. ``finish(runner:)``
    /// does this first; a caller that stops before finishing (its inputs had errors) calls it
    /// itself, so that no merge is still writing to the spool when the caller lets it go.
    func settleMerge() throws {
        guard let pending = pendingMerge else { return }
        pendingMerge = nil
        pending.work.wait()
        if let error = pending.failure.values.first { throw error }
    }

    /// Calls `work` for each index in `0..<count` on `runner`, with `merge` as one more piece of
    /// work beside them, and returns the values in index order. Throws what `merge` threw.
    private static func run<Value>(
        _ count: Int,
        on runner: any WorkRunner,
        beside merge: some SideMerge,
        _ work: @Sendable (Int) -> Value
    ) throws -> [Value] {
        let results = WorkResults<Value>(count: count)
        let failure = WorkResults<any Error>(count: 1)
        runner.run(count + 1) { index in
            if index < count {
                results.set(index, work(index))
            } else {
                do { try merge.run() } catch { failure.set(0, error) }
            }
        }
        if let error = failure.values.first { throw error }
        return results.values
    }

    /// Step 3: adds an evaluated batch's results. Call in input order. Throws when the spool
    /// cannot take the results.
    public func merge(_ batch: EvaluatedBatch) throws {
        peers.append(contentsOf: batch.peers)
        for (index, count) in batch.waiverMatches { waiverMatches[index, default: 0] += count }
        for (index, digest) in batch.digests.enumerated() {
            try absorb(digest, position: batchEvaluator.controls[index].position)
        }
    }

    /// Adds one control's digest to its accumulator and its failures to the owner tally.
    private func absorb(_ digest: RecorderDigest, position: Int) throws {
        try accumulators[position].merge(digest, failingControls: &failingControls)
        let severity = accumulators[position].control.definition.severity
        for ordinal in digest.ownerFailures {
            ownerTally.count(owner: ownerTally.owner(ofOrdinal: ordinal), severity: severity)
        }
        for id in digest.unplacedOwnerFailures {
            let ordinal = ordinalByID[id] ?? -1
            ownerTally.count(owner: ownerTally.owner(ofOrdinal: ordinal), severity: severity)
        }
        if digest.subjectlessFailures > 0 {
            ownerTally.count(owner: -1, severity: severity, times: digest.subjectlessFailures)
        }
    }

    /// Judges a ``PartitionedControl`` in consecutive parts of `findingPartSize` subjects,
    /// `runner.width` parts at a time, each part's results digested where it was judged; the parts
    /// merge in order, each group while the next is judged, so the outcome is that of one pass.
    private func evaluateInParts<Partitioned: PartitionedControl>(
        _ control: Partitioned,
        position: Int,
        context: EvaluationContext,
        scope: AIAgentScope,
        runner: any WorkRunner
    ) throws {
        let preparation = control.prepare(context, on: runner)
        let count = control.subjectCount(in: context)
        let parts = stride(from: 0, to: count, by: findingPartSize).map { $0..<min($0 + findingPartSize, count) }
        let judge = PartJudge(
            control: control,
            preparation: preparation,
            context: context,
            scope: AgentScopeLookup(complete: scope),
            keepPassing: keepPassing,
            waivers: waivers,
            waiverTags: waiverTags
        )
        var next = 0
        var unmergedParts: [JudgedPart] = []
        repeat {
            let group = Array(parts[next..<min(next + runner.width, parts.count)])
            next += group.count
            let cutoff = accumulators[position].sampleCutoff
            let previous = PartMergeJob(session: self, position: position, parts: unmergedParts)
            unmergedParts = try Self.run(group.count, on: runner, beside: previous) {
                judge.judge(group[$0], sampleCutoff: cutoff)
            }
        } while !unmergedParts.isEmpty
    }

    /// Adds one judged part of a ``PartitionedControl``: its waiver matches and its digest.
    fileprivate func merge(_ part: JudgedPart, position: Int) throws {
        for (index, count) in part.waiverMatches { waiverMatches[index, default: 0] += count }
        try absorb(part.digest, position: position)
    }

    /// Step 4: runs the controls that read across identities, one after another, and returns every
    /// control's outcome. These controls are not run side by side, since each holds working sets
    /// the size of the inventory; but a ``PartitionedControl`` is judged in parts of
    /// `findingPartSize` subjects spread over `runner`, each group of parts merged while the next
    /// is judged, and a ``FewSubjectsControl`` (whose results are few) is judged beside the others
    /// and merged at its turn.
    public func finish(runner: any WorkRunner = SerialRunner()) throws -> Evaluation {
        try finish(runner: runner, alongside: nil)
    }

    /// Step 4, with `work` started on `runner` beside it: the controls that prepare what they read
    /// across identities do so on one core, which `work` can use meanwhile.
    func finish(runner: any WorkRunner, alongside work: (@Sendable () -> Void)?) throws -> Evaluation {
        precondition(!finished, "finish called twice")
        try settleMerge()
        finished = true
        let started = work.map { runner.start($0) }
        defer { started?.wait() }
        let inventory = Inventory(
            organization: organization,
            identities: peers,
            roles: roles,
            identityIndex: ordinalByID,
            roleIndex: roleIndex
        )
        let scope = AIAgentScope(inventory, known: membership)
        let context = EvaluationContext(inventory: inventory, policy: policy, now: now)
        // The controls judged identity by identity have all their results: their last records go
        // to the spool, and their outcomes are worked out beside the cross-record controls, which
        // leave a core idle at times (while one prepares, or one that is not partitioned judges).
        let ordinals = ordinalByID
        let identityPositions = batchEvaluator.controls.map(\.position)
        for position in identityPositions { try accumulators[position].flushAll() }
        let identityOutcomes = WorkResults<ControlOutcome>(count: identityPositions.count)
        let judged = accumulators
        let outcomesWork = runner.start {
            for (index, position) in identityPositions.enumerated() {
                var accumulator = judged[position]
                identityOutcomes.set(index, accumulator.finish(scope: scope) { ordinals[$0] })
            }
        }
        defer { outcomesWork.wait() }
        // The controls that judge a handful of subjects (``FewSubjectsControl``) are judged ahead,
        // one after another on a thread of their own, while the others are judged: each reads
        // every identity on one core, but its results are few, and wait for their turn to merge.
        let ahead = runner.width > 1 ? inventoryControls.filter { $0.control is any FewSubjectsControl } : []
        let judgedAhead = WorkResults<JudgedPart>(count: ahead.count)
        let aheadWork = runner.start { [keepPassing, waivers, waiverTags] in
            for (index, entry) in ahead.enumerated() {
                let judge = WholeJudge(
                    control: entry.control,
                    context: context,
                    scope: scope,
                    keepPassing: keepPassing,
                    waivers: waivers,
                    waiverTags: waiverTags
                )
                judgedAhead.set(index, judge.judge())
            }
        }
        defer { aheadWork.wait() }
        // One control at a time, its findings merged in parts as it records them: these controls
        // judge every identity at once, and their findings must not all wait in memory.
        for (position, control) in inventoryControls {
            if let index = ahead.firstIndex(where: { $0.position == position }) {
                aheadWork.wait()
                try merge(judgedAhead.value(at: index), position: position)
                continue
            }
            if runner.width > 1, let partitioned = control as? any PartitionedControl {
                try evaluateInParts(partitioned, position: position, context: context, scope: scope, runner: runner)
                continue
            }
            let controlID = control.definition.id
            let overflow = FindingOverflow(partSize: findingPartSize) { [self] (part: consuming ResultRecorder) in
                if let waivers {
                    part.applyWaivers(
                        waivers,
                        control: controlID,
                        tagged: { waiverTags[$0] ?? [] },
                        matches: &waiverMatches
                    )
                }
                try absorb(
                    RecorderDigest(
                        consume part,
                        control: controlID,
                        keepPassing: keepPassing,
                        sampleCutoff: accumulators[position].sampleCutoff
                    ),
                    position: position
                )
            }
            var recorder = ResultRecorder(keepPassing: keepPassing, agentScope: scope)
            recorder.overflow = overflow
            control.evaluate(context, into: &recorder)
            if let failure = overflow.failure { throw failure }
            if let waivers {
                let tags = waiverTags
                recorder.applyWaivers(waivers, control: controlID, tagged: { tags[$0] ?? [] }, matches: &waiverMatches)
            }
            try absorb(
                RecorderDigest(
                    recorder,
                    control: controlID,
                    keepPassing: keepPassing,
                    sampleCutoff: accumulators[position].sampleCutoff
                ),
                position: position
            )
        }
        // The cross-record controls' last records go to the spool; then their outcomes, which
        // read only what the run built, are worked out side by side.
        let inventoryPositions = inventoryControls.map(\.position)
        for position in inventoryPositions { try accumulators[position].flushAll() }
        let inventoryOutcomes = WorkResults<ControlOutcome>(count: inventoryPositions.count)
        let complete = accumulators
        runner.run(inventoryPositions.count) { index in
            var accumulator = complete[inventoryPositions[index]]
            inventoryOutcomes.set(index, accumulator.finish(scope: scope) { ordinals[$0] })
        }
        outcomesWork.wait()
        var byPosition = [ControlOutcome?](repeating: nil, count: accumulators.count)
        for (position, outcome) in zip(identityPositions, identityOutcomes.values) { byPosition[position] = outcome }
        for (position, outcome) in zip(inventoryPositions, inventoryOutcomes.values) { byPosition[position] = outcome }
        let outcomes = byPosition.compactMap { $0 }
        if failingControls.count < peers.count {
            failingControls.append(contentsOf: repeatElement(0, count: peers.count - failingControls.count))
        }
        var evaluation = Evaluation(
            now: now,
            outcomes: outcomes,
            hasAIAgents: !scope.isEmpty,
            identities: inventory,
            summary: InventorySummary(
                identityCount: peers.count,
                agentCount: agentCount,
                credentialCount: credentialCount,
                roleCount: roles.count,
                platforms: platforms.sorted(),
                kinds: kindCounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            ),
            failingControls: failingControls
        )
        evaluation.waiverMatches = waiverMatches
        evaluation.ownerTally = ownerTally
        return evaluation
    }
}

/// A batch of identities numbered by ``EvaluationSession/prepare(_:)``, ready to evaluate.
public struct PreparedBatch: Sendable {
    public internal(set) var identities: [Identity]
    let scope: AgentScopeLookup
    /// The tag waivers selecting the batch's identities, by ordinal.
    var waiverTags: [Int32: [Int]] = [:]
    /// Each ``BatchEvaluator`` control's sample cutoff when the batch was prepared.
    var sampleCutoffs: [RecorderDigest.SampleKey?] = []
}

/// The results of one batch: one digest per ``ControlReach/identity`` control.
public struct EvaluatedBatch: Sendable {
    let digests: [RecorderDigest]
    /// The batch's identities as the session keeps them (``Identity/peerRecord``), in order.
    var peers: [Identity] = []
    /// Results each waiver accepted in the batch, by file position.
    var waiverMatches: [Int: Int] = [:]
}

/// Runs the ``ControlReach/identity`` controls on one prepared batch. Holds only values that never
/// change during a run, so any number of threads may use it at once.
public struct BatchEvaluator: Sendable {
    let controls: [(position: Int, control: any Control)]
    /// Each control's evaluation, with what it works out once per run already worked out
    /// (``RolePreparedControl``); started when the session is made.
    let evaluations: PendingValue<[PreparedEvaluation]>
    let policy: Policy
    let now: Timestamp
    let roles: [Role]
    let roleIndex: [String: Int]
    let keepPassing: Bool
    let waivers: WaiverBook?

    public func evaluate(_ batch: PreparedBatch) -> EvaluatedBatch {
        let inventory = Inventory(
            organization: nil,
            identities: batch.identities,
            roles: roles,
            identityIndex: [:],
            roleIndex: roleIndex
        )
        let context = EvaluationContext(inventory: inventory, policy: policy, now: now)
        var matches: [Int: Int] = [:]
        let evaluations = evaluations.value
        let digests = controls.enumerated().map { index, entry in
            var recorder = ResultRecorder(keepPassing: keepPassing, scope: batch.scope)
            evaluations[index].evaluate(context, &recorder)
            if let waivers {
                recorder.applyWaivers(
                    waivers,
                    control: entry.control.definition.id,
                    tagged: { batch.waiverTags[$0] ?? [] },
                    matches: &matches
                )
            }
            return RecorderDigest(
                consume recorder,
                control: entry.control.definition.id,
                keepPassing: keepPassing,
                sampleCutoff: index < batch.sampleCutoffs.count ? batch.sampleCutoffs[index] : nil
            )
        }
        return EvaluatedBatch(digests: digests, peers: batch.identities.map(\.peerRecord), waiverMatches: matches)
    }
}

/// Merging earlier results into the session as one piece of work beside the evaluation of later
/// ones. It changes only the session's own state, which the evaluating pieces never read, and the
/// runner returns only when it is done.
private protocol SideMerge: Sendable {
    func run() throws
}

/// The merge of a group of evaluated batches, which ``EvaluationSession/add(_:runner:)`` starts
/// beside its caller and waits for before it touches the session again.
private struct MergeJob: @unchecked Sendable {
    let session: EvaluationSession
    let batches: [EvaluatedBatch]

    func run() throws {
        for batch in batches { try session.merge(batch) }
    }
}

/// What judging one part of a ``PartitionedControl`` needs, none of which changes while the parts
/// are judged, so any number of threads may use it at once.
private struct PartJudge<Partitioned: PartitionedControl>: Sendable {
    let control: Partitioned
    let preparation: Partitioned.Preparation
    let context: EvaluationContext
    let scope: AgentScopeLookup
    let keepPassing: Bool
    let waivers: WaiverBook?
    let waiverTags: [Int32: [Int]]

    /// Judges the subjects at `positions` and digests their results.
    func judge(_ positions: Range<Int>, sampleCutoff: RecorderDigest.SampleKey?) -> JudgedPart {
        var recorder = ResultRecorder(keepPassing: keepPassing, scope: scope)
        control.evaluate(positions, of: context, with: preparation, into: &recorder)
        return JudgedPart(
            consume recorder,
            control: control.definition.id,
            keepPassing: keepPassing,
            waivers: waivers,
            waiverTags: waiverTags,
            sampleCutoff: sampleCutoff
        )
    }
}

/// What judging a ``FewSubjectsControl`` whole needs, none of which changes while it is judged.
private struct WholeJudge: @unchecked Sendable {
    let control: any Control
    let context: EvaluationContext
    let scope: AIAgentScope
    let keepPassing: Bool
    let waivers: WaiverBook?
    let waiverTags: [Int32: [Int]]

    /// Judges every subject and digests the results, as one part.
    func judge() -> JudgedPart {
        var recorder = ResultRecorder(keepPassing: keepPassing, agentScope: scope)
        control.evaluate(context, into: &recorder)
        return JudgedPart(
            consume recorder,
            control: control.definition.id,
            keepPassing: keepPassing,
            waivers: waivers,
            waiverTags: waiverTags
        )
    }
}

/// One part of a ``PartitionedControl``'s subjects, or a ``FewSubjectsControl``'s whole, judged
/// and digested.
private struct JudgedPart: Sendable {
    let digest: RecorderDigest
    /// Results each waiver accepted in the part, by file position.
    let waiverMatches: [Int: Int]

    /// `recorder`'s results of the control with id `control`, waivers applied, digested.
    init(
        _ recorder: consuming ResultRecorder,
        control: String,
        keepPassing: Bool,
        waivers: WaiverBook?,
        waiverTags: [Int32: [Int]],
        sampleCutoff: RecorderDigest.SampleKey? = nil
    ) {
        var matches: [Int: Int] = [:]
        if let waivers {
            recorder.applyWaivers(waivers, control: control, tagged: { waiverTags[$0] ?? [] }, matches: &matches)
        }
        digest = RecorderDigest(
            consume recorder,
            control: control,
            keepPassing: keepPassing,
            sampleCutoff: sampleCutoff
        )
        waiverMatches = matches
    }
}

/// The merge of a group of judged parts, run beside the judging of the next group.
private struct PartMergeJob: SideMerge, @unchecked Sendable {
    let session: EvaluationSession
    let position: Int
    let parts: [JudgedPart]

    func run() throws {
        for part in parts { try session.merge(part, position: position) }
    }
}

/// Values handed to the threads of ``WorkRunner/run(_:_:)``, each taken by exactly one call (the
/// one with its index), which then owns it and lets it go on its own thread.
private final class HandedOver<Value>: @unchecked Sendable {
    private var slots: [Value?] = []

    func append(_ value: consuming Value) {
        slots.append(value)
    }

    var count: Int { slots.count }

    /// The value at `index`, no longer held here; call once per index.
    func take(_ index: Int) -> Value {
        let value = slots.withUnsafeMutableBufferPointer { $0[index].take() }
        guard let value else { preconditionFailure("value \(index) taken twice") }
        return value
    }
}
