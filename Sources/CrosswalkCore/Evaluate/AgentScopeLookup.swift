/// Answers, for the subject of a result, whether it lies in the run's `ai-agents` scope, or that
/// this is not known yet: while identities stream in, an identity that is not an agent but was
/// spawned by one not yet judged waits until the evaluation finishes.
struct AgentScopeLookup: Sendable {
    enum Membership: UInt8, Sendable {
        case outside
        case inside
        case pending
    }

    /// The whole scope, once known (after every identity was read, or for a whole inventory).
    var complete: AIAgentScope?
    /// While streaming: the membership of the batch's identities, by `ordinal - base`.
    var base: Int32 = 0
    var batch: [Membership] = []

    init(complete: AIAgentScope) {
        self.complete = complete
    }

    init(base: Int32, batch: [Membership]) {
        self.base = base
        self.batch = batch
    }

    /// The membership of the identity at `ordinal`, or of one of its credentials, when the ordinal
    /// settles it: nil for an identity placed in no run, one whose membership waits, or (in a
    /// scope that also lists identities by id) one not among the members by ordinal. Then only
    /// ``membership(of:)`` on the whole subject answers.
    func settledMembership(ofIdentityAt ordinal: Int32) -> Membership? {
        guard ordinal >= 0 else { return nil }
        if let complete {
            if complete.members.contains(ordinal) { return .inside }
            return complete.identityIDs.isEmpty ? .outside : nil
        }
        let offset = Int(ordinal) - Int(base)
        guard offset >= 0, offset < batch.count else { return nil }
        let membership = batch[offset]
        return membership == .pending ? nil : membership
    }

    func membership(of subject: SubjectReference) -> Membership {
        switch subject.kind {
        case .identity, .credential:
            if let settled = settledMembership(ofIdentityAt: subject.ordinal) { return settled }
        case .role, .platform:
            break
        }
        if let complete { return complete.contains(subject) ? .inside : .outside }
        return .pending
    }
}
