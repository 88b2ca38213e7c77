/// The kind, owner and platform of a result's subject, as the results CSV shows them, read from
/// the run's identities (by ordinal, checked against the id, else by id) and roles. The JUnit
/// report's finding lists show owners by the same rule.
///
/// - identity or credential: the kind of the identity it belongs to (`agent`, `service`, …), its
///   owner (`no owner` when none is recorded or it is blank) and its platform;
/// - role: `role`, `no owner`, the role's platform;
/// - platform: `platform`, `no owner`, the platform itself.
struct CSVSubjectDetails {
    static let noOwner = OwnerName.none

    private let inventory: Inventory

    init(_ report: GapReport) {
        inventory = report.evaluation.identities
    }

    /// `(kind, owner, platform)` of `subject`; owner is `no owner` when none is recorded or the
    /// subject is a role or a platform; platform is empty when unknown.
    func describe(_ subject: SubjectReference) -> (kind: String, owner: String, platform: String) {
        switch subject.kind {
        case .identity, .credential:
            guard let identity = identity(of: subject) else {
                return (subject.kind.rawValue, Self.noOwner, "")
            }
            let owner = OwnerName.of(identity) ?? Self.noOwner
            return (identity.kind.rawValue, owner, identity.platform ?? "")
        case .role:
            return ("role", Self.noOwner, inventory.role(withID: subject.id)?.platform ?? "")
        case .platform:
            return ("platform", Self.noOwner, subject.id)
        }
    }

    private func identity(of subject: SubjectReference) -> Identity? {
        guard let identityID = subject.identityID else { return nil }
        let identities = inventory.identities
        let ordinal = Int(subject.ordinal)
        if ordinal >= 0, ordinal < identities.count, identities[ordinal].id == identityID {
            return identities[ordinal]
        }
        return inventory.identity(withID: identityID)
    }
}
