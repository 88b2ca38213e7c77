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
        let inventory = evaluation.identities
        var byOwner: [String: OwnerFindings] = [:]
        var unowned = OwnerFindings(owner: nil)
        for outcome in evaluation.outcomes {
            let control = outcome.definition
            try outcome.forEachFinding { finding in
                guard finding.status == .fail || finding.status == .error else { return }
                let owner = OwnerName.of(finding.subject, in: inventory)
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

    /// Most severe finding first, then more findings, then owner name.
    static func precedes(_ lhs: OwnerFindings, _ rhs: OwnerFindings) -> Bool {
        let lhsWeight = lhs.worstSeverity?.weight ?? 0
        let rhsWeight = rhs.worstSeverity?.weight ?? 0
        if lhsWeight != rhsWeight { return lhsWeight > rhsWeight }
        if lhs.total != rhs.total { return lhs.total > rhs.total }
        return lhs.ownerText < rhs.ownerText
    }
}
