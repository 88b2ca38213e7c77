/// The normalised inventory: every identity and role from all inventory inputs, with the lookups
/// the controls need. This is the boundary type between the load and evaluate stages.
public struct Inventory: Sendable {
    /// Organisation named by the inventory, if any.
    public var organization: String?
    /// Identities in input order.
    public private(set) var identities: [Identity]
    /// Roles in input order.
    public private(set) var roles: [Role]
    /// Position of each identity by id (32-bit: a million ids are kept for the whole run).
    private var identityIndex: [String: Int32]
    private var roleIndex: [String: Int]

    /// Builds an inventory; callers (the loader) have already rejected duplicate ids.
    public init(organization: String? = nil, identities: [Identity], roles: [Role]) {
        self.organization = organization
        self.identities = identities
        self.roles = roles
        var identityIndex: [String: Int32] = [:]
        identityIndex.reserveCapacity(identities.count)
        for (position, identity) in identities.enumerated() where identityIndex[identity.id] == nil {
            identityIndex[identity.id] = Int32(position)
        }
        var roleIndex: [String: Int] = [:]
        for (position, role) in roles.enumerated() where roleIndex[role.id] == nil {
            roleIndex[role.id] = position
        }
        self.identityIndex = identityIndex
        self.roleIndex = roleIndex
    }

    /// An inventory whose lookups are already built: `identityIndex` maps each identity's id to
    /// its position in `identities` (an empty index makes ``identity(withID:)`` find nothing, as
    /// for a batch of identities judged one record at a time).
    init(
        organization: String?,
        identities: [Identity],
        roles: [Role],
        identityIndex: [String: Int32],
        roleIndex: [String: Int]
    ) {
        self.organization = organization
        self.identities = identities
        self.roles = roles
        self.identityIndex = identityIndex
        self.roleIndex = roleIndex
    }

    /// The position of each role by id, for building batches that share it.
    var roleIndexTable: [String: Int] { roleIndex }

    public func identity(withID id: String) -> Identity? {
        identityIndex[id].map { identities[Int($0)] }
    }

    public func identityPosition(of id: String) -> Int? {
        identityIndex[id].map(Int.init)
    }

    /// The position in ``roles`` of the role with `id` (the first, if several share it).
    public func rolePosition(of id: String) -> Int? {
        roleIndex[id]
    }

    public func role(withID id: String) -> Role? {
        roleIndex[id].map { roles[$0] }
    }

    /// The permission patterns an identity holds through all of its role bindings, sorted, unique.
    public func effectivePermissions(of identity: Identity) -> [String] {
        var permissions = Set<String>()
        for binding in identity.roleBindings {
            if let role = role(withID: binding.role) {
                permissions.formUnion(role.permissions)
            }
        }
        return permissions.sorted()
    }
}

/// What an inventory says before its identities: the organization and every role. The load stage
/// hands it over first, so the evaluate stage knows every role before judging any identity.
public struct InventoryHeader: Sendable {
    public var organization: String?
    public var roles: [Role]

    public init(organization: String?, roles: [Role]) {
        self.organization = organization
        self.roles = roles
    }
}
