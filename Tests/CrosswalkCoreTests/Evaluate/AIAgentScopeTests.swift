import Testing

@testable import CrosswalkCore

@Suite struct AIAgentScopeTests {
    /// What the evaluate stage knows as identities arrive in order: agents are inside, identities
    /// without a parent outside, others as their parent when it came earlier and is judged, else
    /// pending.
    static func arrivalMembership(_ identities: [Identity]) -> [AgentScopeLookup.Membership] {
        var membership: [AgentScopeLookup.Membership] = []
        var positions: [String: Int] = [:]
        for identity in identities {
            if identity.isAgent {
                membership.append(.inside)
            } else if let parent = identity.spawnedBy {
                if let position = positions[parent], membership[position] != .pending {
                    membership.append(membership[position])
                } else {
                    membership.append(.pending)
                }
            } else {
                membership.append(.outside)
            }
            if positions[identity.id] == nil { positions[identity.id] = membership.count - 1 }
        }
        return membership
    }

    /// Children before and after their parents, a cycle through an agent, a cycle without one,
    /// a parent that is missing, and agents below identities outside the scope.
    static func identities() -> [Identity] {
        [
            Identity(id: "late-child", name: "late-child", kind: .bot, spawnedBy: "root-agent"),
            Identity(id: "root-agent", name: "root-agent", kind: .agent, roleBindings: [RoleBinding(role: "r1")]),
            Identity(id: "child", name: "child", kind: .bot, platform: "aws", spawnedBy: "root-agent"),
            Identity(id: "grandchild", name: "grandchild", kind: .serviceAccount, spawnedBy: "child"),
            Identity(id: "a", name: "a", kind: .serviceAccount, spawnedBy: "b"),
            Identity(id: "b", name: "b", kind: .agent, spawnedBy: "c"),
            Identity(id: "c", name: "c", kind: .bot, spawnedBy: "a", roleBindings: [RoleBinding(role: "r2")]),
            Identity(id: "x", name: "x", kind: .bot, spawnedBy: "y"),
            Identity(id: "y", name: "y", kind: .bot, spawnedBy: "x"),
            Identity(id: "orphan", name: "orphan", kind: .bot, spawnedBy: "missing"),
            Identity(id: "plain", name: "plain", kind: .bot),
            Identity(id: "agent-below", name: "agent-below", kind: .agent, platform: "gcp", spawnedBy: "plain"),
            Identity(id: "below-agent-below", name: "below-agent-below", kind: .bot, spawnedBy: "agent-below"),
        ]
    }

    @Test(arguments: [false, true])
    func knownMembershipGivesTheScopeOfAFullWalk(_ reversed: Bool) {
        var identities = Self.identities()
        if reversed { identities.reverse() }
        for index in identities.indices { identities[index].ordinal = Int32(index) }
        let inventory = Inventory(identities: identities, roles: [])
        let walked = AIAgentScope(inventory)
        let known = Self.arrivalMembership(identities)
        #expect(known.contains(.pending) && known.contains(.inside) && known.contains(.outside))
        let scope = AIAgentScope(inventory, known: known)
        #expect(scope.members == walked.members)
        #expect(scope.roleIDs == walked.roleIDs && scope.roleIDs == ["r1", "r2"])
        #expect(scope.platforms == walked.platforms && scope.platforms == ["aws", "gcp"])
        let inside = Set(identities.filter { scope.members.contains($0.ordinal) }.map(\.id))
        #expect(
            inside == [
                "late-child", "root-agent", "child", "grandchild", "a", "b", "c", "agent-below", "below-agent-below",
            ]
        )
    }
}
