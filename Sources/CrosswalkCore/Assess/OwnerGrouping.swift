/// Groups every failing result by the owner of its subject's identity (docs/assessment.md §7,
/// "Findings by owner").
///
/// A result counts when its status is `fail` or `error`. Its owner is the owner recorded for the
/// identity of its subject (an identity, or the identity holding a credential); results about a
/// role or a platform, and about identities without an owner, fall under "no owner". Owners are
/// ordered by their most severe finding, then by how many findings they have (most first), then
/// by name; "no owner" comes last.
///
/// The owners are ranked from the counts the evaluate stage kept (``Evaluation/ownerTally``), so
/// only the findings of the owners listed are read back from the spool, and only theirs are held
/// in memory: a million identities with sixteen thousand owners keep fifty short lists.
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
        let tally = try evaluation.ownerTally ?? counted(evaluation)
        var ranked: [(number: Int, group: OwnerFindings)] = []
        for number in tally.owners.indices {
            var group = OwnerFindings(owner: tally.owners[number])
            group.countsBySeverity = tally.countsBySeverity(ofOwner: number)
            if group.total > 0 { ranked.append((number, group)) }
        }
        ranked.sort { precedes($0.group, $1.group) }
        let omitted = ranked.dropFirst(OwnerFindings.groupLimit)
        var groups = ranked.prefix(OwnerFindings.groupLimit).map(\.group)
        var unowned = OwnerFindings(owner: nil)
        unowned.countsBySeverity = tally.unownedBySeverity
        let listsUnowned = unowned.total > 0
        // Position in `groups` of each listed owner, by owner number and by name.
        var slotOfNumber = [Int](repeating: -1, count: tally.owners.count)
        var slotOfOwner: [String: Int] = [:]
        for (slot, entry) in ranked.prefix(OwnerFindings.groupLimit).enumerated() {
            slotOfNumber[entry.number] = slot
            slotOfOwner[tally.owners[entry.number]] = slot
        }
        // Owners by ordinal decide which findings to decode; without them (an evaluation assembled
        // by hand), every failing finding is decoded and its owner looked up.
        let byOrdinal = !tally.ownerOfOrdinal.isEmpty
        let inventory = evaluation.identities
        // The most severe controls first, as lists are ordered: once a group's list is full of
        // findings that precede all of a control's, that control's findings are not read for it,
        // and a control that no group can list any more is not read at all.
        let outcomes = evaluation.outcomes.sorted {
            (-$0.definition.severity.weight, $0.definition.id) < (-$1.definition.severity.weight, $1.definition.id)
        }
        for outcome in outcomes {
            let control = outcome.definition
            let listing = groups.map { $0.mayList(control) }
            let listingUnowned = listsUnowned && unowned.mayList(control)
            guard listingUnowned || listing.contains(true) else { continue }
            try outcome.forEachFinding(where: { status, ordinal, hasIdentity in
                guard status == .fail || status == .error else { return false }
                guard hasIdentity else { return listingUnowned }
                guard byOrdinal, ordinal >= 0 else { return true }
                let number = tally.owner(ofOrdinal: ordinal)
                if number < 0 { return listingUnowned }
                let slot = slotOfNumber[Int(number)]
                return slot >= 0 && listing[slot]
            }) { finding in
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
                    guard let slot = slotOfOwner[owner] else { return }
                    groups[slot].consider(control: control, subject: finding.subject, attributed)
                } else if listsUnowned {
                    unowned.consider(control: control, subject: finding.subject, attributed)
                }
            }
        }
        var result = Result(
            groups: groups,
            omittedOwners: omitted.count,
            omittedFindings: omitted.reduce(0) { $0 + $1.group.total }
        )
        for index in result.groups.indices { result.groups[index].trim() }
        unowned.trim()
        if listsUnowned { result.groups.append(unowned) }
        return result
    }

    /// The owner counts of an evaluation that did not keep them, from every failing finding.
    static func counted(_ evaluation: Evaluation) throws -> OwnerTally {
        var tally = OwnerTally()
        let inventory = evaluation.identities
        for outcome in evaluation.outcomes {
            let severity = outcome.definition.severity
            try outcome.forEachFinding { finding in
                guard finding.status == .fail || finding.status == .error else { return }
                let owner = OwnerName.of(finding.subject, in: inventory)
                tally.count(owner: owner.map { tally.number(of: $0) } ?? -1, severity: severity)
            }
        }
        return tally
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
