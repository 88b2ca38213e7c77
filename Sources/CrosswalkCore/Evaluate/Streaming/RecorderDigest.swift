/// What the in-order merge needs from one control's results over one batch, prepared where the
/// batch was evaluated (on any thread): counts, the batch's best candidates for the sample, the
/// findings already encoded for the ``ResultSpool``, and the identities they affect. Keeping this
/// work off the merge keeps the one sequential step of the evaluate stage short.
struct RecorderDigest: Sendable {
    /// Orders the sample: worst status first, then subject id.
    struct SampleKey: Comparable, Sendable {
        var status: ResultStatus
        var id: String

        static func < (lhs: SampleKey, rhs: SampleKey) -> Bool { (lhs.status, lhs.id) < (rhs.status, rhs.id) }
    }

    /// The spool slots of each status's findings, worst first, then the passing subjects'.
    static let findingStatuses: [ResultStatus] = [.fail, .error, .notAssessed, .accepted]
    static let slotCount = findingStatuses.count + 1

    var tally: StatusTally
    var agentScopeTally: StatusTally
    var pendingScope: [(subject: SubjectReference, status: ResultStatus)]
    var findingCount: Int
    /// At most ``ControlOutcome/sampleLimit`` findings, the batch's first by ``SampleKey``.
    var sample: [(key: SampleKey, finding: Finding)] = []
    var passingSample: [SubjectReference] = []
    /// Encoded records per slot (``findingStatuses``, then passing subjects).
    var encoded: [[UInt8]]
    /// Ordinals of identities affected by findings about their own identity.
    var ownAffected: [Int32]
    /// Findings naming the identities they affect.
    var namedAffected: [(subject: SubjectReference, ids: [String])]
    /// Findings naming the identities they affect by ordinal too (``ResultRecorder``), by ordinal.
    var namedAffectedOrdinals: [(subject: SubjectReference, ordinals: [Int32])] = []
    /// Findings about identities without an ordinal (built outside a run), by id.
    var unplacedAffected: [(subject: SubjectReference, id: String)]
    /// Ordinals of identities with a failing result.
    var failing: [Int32]
    /// For each `fail` or `error` result about an identity or its credential, the identity's
    /// ordinal, for counting failures by owner (``OwnerTally``).
    var ownerFailures: [Int32] = []
    /// Ids of the identities of such results that have no ordinal (inventories built directly).
    var unplacedOwnerFailures: [String] = []
    /// `fail` or `error` results about a role or a platform: they count under "no owner".
    var subjectlessFailures = 0
    /// The batch's message and evidence templates, in order of first use: the numbering of its
    /// encoded records.
    var templates = ControlTemplates()
    /// Ordinals of the identities the batch's findings (and kept passing subjects) are about.
    var referenced: [Int32] = []
    /// Ids of such identities that have no ordinal.
    var unplacedReferenced: [String] = []

    /// Digests `recorder`'s results of the control with id `control`; `sampleCutoff` is the
    /// control's ``ControlAccumulator/sampleCutoff`` when the batch was prepared, if any.
    init(_ recorder: consuming ResultRecorder, control: String, keepPassing: Bool, sampleCutoff: SampleKey? = nil) {
        tally = recorder.tally
        agentScopeTally = recorder.agentScopeTally
        pendingScope = recorder.pendingScope
        findingCount = recorder.findings.count
        encoded = Array(repeating: [], count: Self.slotCount)
        ownAffected = []
        namedAffected = []
        unplacedAffected = []
        failing = []
        var candidates: [(key: SampleKey, finding: Finding)] = []
        var cutoff = sampleCutoff
        // Millions of findings, each a dozen references a copy would retain: each is moved out of
        // the recorder's list, in order (the list reversed, then taken from its end), and lent
        // from there. A finding read through the list, even through a pointer, is copied first.
        // The lists are reversed through their buffers, whose swaps move elements; an array's own
        // `reverse()` copies each element it swaps.
        var (findings, affecting, affectingOrdinals) = recorder.handOverFindings()
        findings.withUnsafeMutableBufferPointer { $0.reverse() }
        affecting.withUnsafeMutableBufferPointer { $0.reverse() }
        var index = 0
        while let finding = findings.popLast() {
            let ordinals = affectingOrdinals.isEmpty ? nil : affectingOrdinals.removeValue(forKey: index)
            digest(finding, affecting: affecting.removeLast(), ordinals: ordinals, control: control)
            Self.offer(finding, to: &candidates, cutoff: &cutoff)
            index += 1
        }
        sample = Self.trimmed(candidates)
        var passing: [SubjectReference] = []
        if keepPassing {
            for subject in recorder.passingSubjects {
                ResultCodec.encode(passing: subject, into: &encoded[Self.findingStatuses.count])
                noteReference(subject)
                passing.append(subject)
                if passing.count >= 2 * ControlOutcome.sampleLimit { passing = Self.trimmed(passing) }
            }
        }
        passingSample = Self.trimmed(passing)
    }

    /// Counts one finding, notes whom it affects and encodes it for the spool.
    private mutating func digest(
        _ finding: borrowing Finding,
        affecting named: [String]?,
        ordinals: [Int32]?,
        control: String
    ) {
        let status = finding.status
        note(finding.subject, status: status, affecting: named, ordinals: ordinals)
        let slot = Self.findingStatuses.firstIndex(of: status) ?? 0
        ResultCodec.encode(finding, control: control, templates: &templates, into: &encoded[slot])
    }

    /// Notes whom a finding about `subject` affects. The subject is lent, not copied: read through
    /// the finding, each of its fields was read from a copy of the whole subject (a dozen
    /// references retained and released), several times per finding.
    private mutating func note(
        _ subject: borrowing SubjectReference,
        status: ResultStatus,
        affecting named: [String]?,
        ordinals: [Int32]? = nil
    ) {
        let ordinal = subject.ordinal
        let identityID = subject.identityID
        if status == .fail, identityID != nil, ordinal >= 0 { failing.append(ordinal) }
        if status == .fail || status == .error {
            if let identityID {
                if ordinal >= 0 {
                    ownerFailures.append(ordinal)
                } else {
                    unplacedOwnerFailures.append(identityID)
                }
            } else {
                subjectlessFailures += 1
            }
        }
        if let ordinals {
            if !ordinals.isEmpty { namedAffectedOrdinals.append((copy subject, ordinals)) }
        } else if let named {
            if !named.isEmpty { namedAffected.append((copy subject, named)) }
        } else if let identityID {
            if ordinal >= 0 {
                ownAffected.append(ordinal)
            } else {
                unplacedAffected.append((copy subject, identityID))
            }
        }
        noteReference(subject)
    }

    private mutating func noteReference(_ subject: borrowing SubjectReference) {
        guard let identityID = subject.identityID else { return }
        if subject.ordinal >= 0 {
            if referenced.last != subject.ordinal { referenced.append(subject.ordinal) }
        } else {
            unplacedReferenced.append(identityID)
        }
    }

    /// Adds a finding to sample candidates, trimming them now and then. Once a trim has filled
    /// the sample, `cutoff` is its last key, and a finding that does not precede it is not kept
    /// (nor copied): it could never be among the first ``ControlOutcome/sampleLimit``, since later
    /// findings only raise the bar. A status worse than the cutoff's decides without the subject id.
    static func offer(
        _ finding: borrowing Finding,
        to candidates: inout [(key: SampleKey, finding: Finding)],
        cutoff: inout SampleKey?
    ) {
        if let bar = cutoff {
            if finding.status > bar.status { return }
            if finding.status == bar.status, !finding.subject.idPrecedes(bar.id) { return }
        }
        candidates.append((SampleKey(status: finding.status, id: finding.subject.id), copy finding))
        if candidates.count >= 2 * ControlOutcome.sampleLimit {
            candidates = trimmed(candidates)
            cutoff = candidates.last?.key
        }
    }

    static func trimmed(_ candidates: [(key: SampleKey, finding: Finding)]) -> [(key: SampleKey, finding: Finding)] {
        Array(candidates.sorted { $0.key < $1.key }.prefix(ControlOutcome.sampleLimit))
    }

    static func trimmed(_ subjects: [SubjectReference]) -> [SubjectReference] {
        Array(subjects.sorted { $0.id < $1.id }.prefix(ControlOutcome.sampleLimit))
    }
}
