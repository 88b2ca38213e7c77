/// What the OSCAL export states about the subject of a finding besides its id and name: the
/// identity it belongs to (for owner, platform and kind), found by ordinal and checked by id.
struct OSCALSubjectFacts {
    /// The text of the `owner` property when an identity records none (docs/assessment.md §7).
    static let noOwner = OwnerName.none

    private let directory: IdentityDirectory
    private let identities: [Identity]

    init(_ directory: IdentityDirectory) {
        self.directory = directory
        identities = directory.identities
    }

    /// The identity `subject` is, or belongs to (credentials); nil for roles and platforms.
    func identity(of subject: SubjectReference) -> Identity? {
        guard let identityID = subject.identityID else { return nil }
        let ordinal = Int(subject.ordinal)
        if ordinal >= 0, ordinal < identities.count, identities[ordinal].id == identityID {
            return identities[ordinal]
        }
        return directory.position(of: identityID).map { identities[$0] }
    }

    /// The owning team, or ``noOwner``.
    func owner(of identity: Identity?) -> String {
        OwnerName.of(identity) ?? Self.noOwner
    }

    /// The OSCAL subject type: identities and credentials are inventory items; roles and
    /// platforms are components.
    static func subjectType(_ kind: SubjectKind) -> String {
        switch kind {
        case .identity, .credential: return "inventory-item"
        case .role, .platform: return "component"
        }
    }
}
