/// The subjects of the `ai-agents` mapping scope, worked out once per run from the inventory:
/// agents, identities whose `spawned_by` chain passes through an agent, the roles bound to any of
/// them and the platforms they are on. Credentials are in scope through their identity.
public struct AIAgentScope: Sendable {
    public private(set) var identityIDs: Set<String> = []
    public private(set) var roleIDs: Set<String> = []
    public private(set) var platforms: Set<String> = []

    /// An empty scope (an inventory without agents).
    public init() {}

    public init(_ inventory: Inventory) {
        var memo: [String: Bool] = [:]
        memo.reserveCapacity(inventory.identities.count)
        for start in inventory.identities where memo[start.id] == nil {
            // Walk up the spawned_by chain until an identity already judged, a missing parent or a
            // cycle; then judge the walked identities from the top down.
            var path: [Identity] = []
            var onPath = Set<String>()
            var current: Identity? = start
            var above = false
            while let identity = current {
                if let known = memo[identity.id] {
                    above = known
                    break
                }
                guard onPath.insert(identity.id).inserted else { break }
                path.append(identity)
                current = identity.spawnedBy.flatMap { inventory.identity(withID: $0) }
            }
            for identity in path.reversed() {
                above = above || identity.isAgent
                memo[identity.id] = above
            }
        }
        for identity in inventory.identities where memo[identity.id] == true {
            identityIDs.insert(identity.id)
            for binding in identity.roleBindings { roleIDs.insert(binding.role) }
            if let platform = identity.platform { platforms.insert(platform) }
        }
    }

    /// Whether no subject is in scope.
    public var isEmpty: Bool { identityIDs.isEmpty }

    /// Whether a result about `subject` belongs to the scope.
    public func contains(_ subject: SubjectReference) -> Bool {
        switch subject.kind {
        case .identity, .credential: return subject.identityID.map(identityIDs.contains) ?? false
        case .role: return roleIDs.contains(subject.id)
        case .platform: return platforms.contains(subject.id)
        }
    }
}
