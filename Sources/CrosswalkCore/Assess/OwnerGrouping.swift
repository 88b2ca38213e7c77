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
            let control = outcome.definition
            try outcome.forEachFinding { finding in
                guard finding.status == .fail || finding.status == .error else { return }
                let owner = self.owner(of: finding.subject, in: identities, evaluation)
                // The sentence is built only for a finding that may be listed.
                func attributed() -> AttributedFinding {
                    var attributed = AttributedFinding(
                        control: control,
                        subject: finding.subject,
                        owner: owner,
                        message: finding.message.text
                    )
                    attributed.status = finding.status
                    return attributed
                }
                if let owner {
                    byOwner[owner, default: OwnerFindings(owner: owner)]
                        .add(control: control, subject: finding.subject, attributed)
                } else {
                    unowned.add(control: control, subject: finding.subject, attributed)
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

    /// The owner of the identity `subject` belongs to (``OwnerName/of(_:)``), found by ordinal
    /// when the subject is placed, else by id. Reads the one field, without copying the identity.
    static func owner(
        of subject: SubjectReference,
        in identities: [Identity],
        _ evaluation: Evaluation
    )
        -> String?
    {
        guard let identityID = subject.identityID else { return nil }
        let ordinal = Int(subject.ordinal)
        let owner: String?
        if ordinal >= 0, ordinal < identities.count, identities[ordinal].id == identityID {
            owner = identities[ordinal].owner
        } else {
            owner = evaluation.identity(withID: identityID)?.owner
        }
        return owner.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
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
