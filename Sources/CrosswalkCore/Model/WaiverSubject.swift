/// Which results of its control a waiver accepts, by subject.
///
/// For an identity subject the identity id is compared; for a credential subject either the
/// holding identity's id or `identity/credential`; for a role its id, for a platform its name.
public enum WaiverSubject: Hashable, Sendable {
    /// One subject id exactly (an identity id also covers that identity's credentials).
    case id(String)
    /// Subject ids matching a glob (`*` matches any run of characters).
    case match(String)
    /// Results about identities carrying every one of these tags (after the overlay).
    case tags([Tag])

    /// Whether the selector picks `subject`, given the tags of its identity.
    func selects(_ subject: SubjectReference, tags: [Tag]) -> Bool {
        switch self {
        case .id(let id):
            return subject.id == id || (subject.kind == .credential && subject.identityID == id)
        case .match(let pattern):
            if Pattern.matches(pattern, subject.id) { return true }
            guard subject.kind == .credential, let identityID = subject.identityID else { return false }
            return Pattern.matches(pattern, identityID)
        case .tags(let wanted):
            guard subject.identityID != nil else { return false }
            return Self.carries(tags, wanted)
        }
    }

    /// Whether `tags` include every wanted key with the wanted value.
    static func carries(_ tags: [Tag], _ wanted: [Tag]) -> Bool {
        wanted.allSatisfy { want in tags.contains { $0.key == want.key && $0.value == want.value } }
    }

    /// As the waivers file writes it.
    public var description: String {
        switch self {
        case .id(let id): return "id \(id)"
        case .match(let pattern): return "match \(pattern)"
        case .tags(let tags): return "tag " + tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        }
    }
}
