/// Groups every failing result by the owner of its subject's identity (docs/assessment.md §7,
/// "Findings by owner"), reading each control's findings once from the run's spool.
///
/// A result counts when its status is `fail` or `error`. Its owner is the owner recorded for the
/// identity of its subject (an identity, or the identity holding a credential); results about a
/// role or a platform, and about identities without an owner, fall under "no owner". Owners are
/// ordered by their most severe finding, then by how many findings they have (most first), then
/// by name; "no owner" comes last.
public enum OwnerGrouping {
    /// The groups reports list: the first ``OwnerFindings/groupLimit`` owners in order, then "no
    /// owner"; and how many owners and findings the list leaves out.
    public struct Result: Sendable {
        public var groups: [OwnerFindings] = []
        public var omittedOwners = 0
        public var omittedFindings = 0

        public init(groups: [OwnerFindings] = [], omittedOwners: Int = 0, omittedFindings: Int = 0) {
            self.groups = groups
            self.omittedOwners = omittedOwners
            self.omittedFindings = omittedFindings
        }
    }

    public static func group(_ evaluation: Evaluation) throws -> Result {
        let identities = evaluation.identities.identities
        var byOwner: [String: OwnerFindings] = [:]
        var unowned = OwnerFindings(owner: nil)
        for outcome in evaluation.outcomes {
            try outcome.forEachFinding { finding in
                guard finding.status == .fail || finding.status == .error else { return }
                let owner = OwnerName.of(identity(of: finding.subject, in: identities, evaluation))
                let attributed = AttributedFinding(
                    control: outcome.definition,
                    subject: finding.subject,
                    owner: owner,
                    message: finding.message.text
                )
                if let owner {
                    byOwner[owner, default: OwnerFindings(owner: owner)].add(attributed)
                } else {
                    unowned.add(attributed)
                }
            }
        }
        var groups = Array(byOwner.values)
        groups.sort(by: precedes)
        let omitted = groups.dropFirst(OwnerFindings.groupLimit)
        var result = Result(
            groups: Array(groups.prefix(OwnerFindings.groupLimit)),
            omittedOwners: omitted.count,
            omittedFindings: omitted.reduce(0) { $0 + $1.total }
        )
        for index in result.groups.indices { result.groups[index].trim() }
        unowned.trim()
        if unowned.total > 0 { result.groups.append(unowned) }
        return result
    }

    /// The identity `subject` belongs to: by ordinal when it is placed, else by id.
    static func identity(
        of subject: SubjectReference,
        in identities: [Identity],
        _ evaluation: Evaluation
    )
        -> Identity?
    {
        guard let identityID = subject.identityID else { return nil }
        let ordinal = Int(subject.ordinal)
        if ordinal >= 0, ordinal < identities.count, identities[ordinal].id == identityID {
            return identities[ordinal]
        }
        return evaluation.identity(withID: identityID)
    }

    /// Most severe finding first, then more findings, then owner name.
    static func precedes(_ lhs: OwnerFindings, _ rhs: OwnerFindings) -> Bool {
        let lhsWeight = lhs.worstSeverity?.weight ?? 0
        let rhsWeight = rhs.worstSeverity?.weight ?? 0
        if lhsWeight != rhsWeight { return lhsWeight > rhsWeight }
        if lhs.total != rhs.total { return lhs.total > rhs.total }
        return lhs.ownerText < rhs.ownerText
    }
}
