/// The subjects of the `ai-agents` mapping scope, worked out once per run from the inventory:
/// agents, identities whose `spawned_by` chain passes through an agent, the roles bound to any of
/// them and the platforms they are on. Credentials are in scope through their identity.
public struct AIAgentScope: Sendable {
    /// Identities in scope that have an ordinal (identities placed in a run), by ordinal.
    public private(set) var members = IdentitySet()
    /// Identities in scope without an ordinal (inventories built directly, as in tests), by id.
    public private(set) var identityIDs: Set<String> = []
    public private(set) var roleIDs: Set<String> = []
    public private(set) var platforms: Set<String> = []

    /// An empty scope (an inventory without agents).
    public init() {}

    public init(_ inventory: Inventory) {
        self.init(inventory, known: [])
    }

    /// The scope of `inventory`, where `known` already judges its identities by position (the
    /// evaluate stage judged most as they arrived): only the ``AgentScopeLookup/Membership/pending``
    /// ones, and any beyond `known`, are walked up their `spawned_by` chains.
    init(_ inventory: Inventory, known: [AgentScopeLookup.Membership]) {
        let identities = inventory.identities
        // 0 unjudged, 1 on the current walk, 2 outside, 3 inside.
        var state = [UInt8](repeating: 0, count: identities.count)
        for (position, membership) in known.prefix(identities.count).enumerated() {
            switch membership {
            case .outside: state[position] = 2
            case .inside: state[position] = 3
            case .pending: break
            }
        }
        for start in identities.indices where state[start] == 0 {
            // Walk up the spawned_by chain until an identity already judged, a missing parent or a
            // cycle; then judge the walked identities from the top down.
            var path: [Int] = []
            var current: Int? = start
            var above = false
            while let position = current {
                if state[position] >= 2 {
                    above = state[position] == 3
                    break
                }
                guard state[position] == 0 else {
                    // A cycle: every member's chain passes through every other member, so all of
                    // them (and everything below) are in scope when any member is an agent.
                    let cycle = path[(path.lastIndex(of: position) ?? 0)...]
                    above = cycle.contains { identities[$0].isAgent }
                    break
                }
                state[position] = 1
                path.append(position)
                current = identities[position].spawnedBy.flatMap(inventory.identityPosition(of:))
            }
            for position in path.reversed() {
                above = above || identities[position].isAgent
                state[position] = above ? 3 : 2
            }
        }
        for (position, identity) in identities.enumerated() where state[position] == 3 {
            if identity.ordinal >= 0 {
                members.insert(identity.ordinal)
            } else {
                identityIDs.insert(identity.id)
            }
            for binding in identity.roleBindings { roleIDs.insert(binding.role) }
            if let platform = identity.platform { platforms.insert(platform) }
        }
    }

    public var isEmpty: Bool { members.isEmpty && identityIDs.isEmpty }

    public func contains(_ subject: SubjectReference) -> Bool {
        switch subject.kind {
        case .identity, .credential:
            if subject.ordinal >= 0, members.contains(subject.ordinal) { return true }
            // Only inventories built outside a run list identities by id: a run never hashes here.
            guard !identityIDs.isEmpty, let identityID = subject.identityID else { return false }
            return identityIDs.contains(identityID)
        case .role: return roleIDs.contains(subject.id)
        case .platform: return platforms.contains(subject.id)
        }
    }
}
