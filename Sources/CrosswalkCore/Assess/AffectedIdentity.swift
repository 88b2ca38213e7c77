/// One identity behind a framework entry's gaps: who it is, which team owns it, and which of the
/// entry's mapped controls it fails (directly, through a credential, or through a role it holds or
/// the platform it runs on).
public struct AffectedIdentity: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The owner recorded for the identity; nil when none is recorded (or it is blank).
    public var owner: String?
    /// Ids of the entry's mapped controls with a failing or erroring result affecting the identity,
    /// in control order.
    public var failingControlIDs: [String]

    public init(id: String, name: String, owner: String?, failingControlIDs: [String]) {
        self.id = id
        self.name = name
        self.owner = owner
        self.failingControlIDs = failingControlIDs
    }

    /// The owner as reports print it.
    public var ownerText: String { owner ?? OwnerName.none }
}
