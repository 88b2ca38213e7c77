/// Fields an identity's source cannot tell. An imported identity whose export has no owner column,
/// say, is not *ownerless*: the controls that need a field its source does not report give
/// *not assessed*, never a pass or a fail, until an overlay fills the field in.
public struct UnreportedFields: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `owner`: the accountable person or team.
    public static let owner = UnreportedFields(rawValue: 1 << 0)
    /// `last_used` of the identity.
    public static let lastUsed = UnreportedFields(rawValue: 1 << 1)
    /// `environment`.
    public static let environment = UnreportedFields(rawValue: 1 << 2)
    /// `trust_zone`.
    public static let trustZone = UnreportedFields(rawValue: 1 << 3)
    /// `last_reviewed`.
    public static let lastReviewed = UnreportedFields(rawValue: 1 << 4)
    /// `credentials[].last_used` of every credential the identity holds.
    public static let credentialLastUsed = UnreportedFields(rawValue: 1 << 5)
    /// `credentials[].storage` of every credential the identity holds.
    public static let credentialStorage = UnreportedFields(rawValue: 1 << 6)
    /// `interactive_use`.
    public static let interactiveUse = UnreportedFields(rawValue: 1 << 7)
    /// `shared_account`.
    public static let sharedAccount = UnreportedFields(rawValue: 1 << 8)

    /// Every field, with the key the inventory format and the overlay use for it.
    public static let named: [(field: UnreportedFields, key: String)] = [
        (.owner, "owner"), (.lastUsed, "last_used"), (.environment, "environment"), (.trustZone, "trust_zone"),
        (.lastReviewed, "last_reviewed"), (.credentialLastUsed, "credentials[].last_used"),
        (.credentialStorage, "credentials[].storage"), (.interactiveUse, "interactive_use"),
        (.sharedAccount, "shared_account"),
    ]

    /// The keys of the fields in this set, in the order of ``named``.
    public var keys: [String] { Self.named.filter { contains($0.field) }.map(\.key) }
}
