/// How reports name an identity's owner: the recorded owner, or ``none`` when there is none. The
/// one place that decides what counts as an owner (a blank owner is none), so that every report,
/// export and the run history agree.
public enum OwnerName {
    /// What every report prints for a subject without a recorded owner.
    public static let none = "no owner"

    /// `owner`, or nil when it is missing or blank.
    public static func recorded(_ owner: String?) -> String? {
        guard let owner else { return nil }
        // Most owners begin with a printable ASCII character, which is not whitespace: decided
        // from the first byte, without walking characters (this runs per identity and per finding).
        if let first = owner.utf8.first, (0x21...0x7E).contains(first) { return owner }
        return owner.allSatisfy(\.isWhitespace) ? nil : owner
    }

    /// Whether `owner`, as UTF-8, counts as a recorded owner (``recorded(_:)`` keeps it).
    static func isRecorded(utf8 owner: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = owner.first, (0x21...0x7E).contains(first) { return true }
        return recorded(String(decoding: owner, as: UTF8.self)) != nil
    }

    /// `owner` as reports print it: the recorded owner, or ``none``.
    public static func text(_ owner: String?) -> String { recorded(owner) ?? none }

    /// The owner recorded for `identity`, nil when none is recorded or it is blank.
    public static func of(_ identity: Identity?) -> String? { recorded(identity?.owner) }

    /// The owner of the identity `subject` belongs to (none for roles and platforms), found by the
    /// subject's ordinal when it is placed, else by id. Reads the one field, without copying the
    /// identity: it runs once per finding in the owner grouping and the run history.
    public static func of(_ subject: SubjectReference, in inventory: Inventory) -> String? {
        guard let identityID = subject.identityID else { return nil }
        let identities = inventory.identities
        let ordinal = Int(subject.ordinal)
        if ordinal >= 0, ordinal < identities.count, identities[ordinal].id == identityID {
            return recorded(identities[ordinal].owner)
        }
        return recorded(inventory.identity(withID: identityID)?.owner)
    }
}
