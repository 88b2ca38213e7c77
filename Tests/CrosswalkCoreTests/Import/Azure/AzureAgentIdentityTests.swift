import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Entra Agent ID: agent identities are spawned by their blueprint's principal, so a grant the
/// blueprint lacks is an escalation by delegation (CW-AGENT-01).
@Suite struct AzureAgentIdentityTests {
    static let blueprintAppID = "d0e1f2a3-0000-4000-8000-0000000000d1"
    static let blueprint = "b1b1b1b1-0000-4000-8000-000000000001"
    static let escalated = "a1a1a1a1-0000-4000-8000-000000000001"
    static let contained = "a1a1a1a1-0000-4000-8000-000000000002"

    static let principals = """
        {"@odata.context": "https://graph.microsoft.com/beta/$metadata#servicePrincipals", "value": [
          {"@odata.type": "#microsoft.graph.agentIdentity", "id": "\(escalated)", "displayName": "refund-agent",
           "servicePrincipalType": "ServiceIdentity", "agentIdentityBlueprintId": "\(blueprintAppID)",
           "sponsors": [{"id": "u1", "displayName": "Sam Finance"}]},
          {"@odata.type": "#microsoft.graph.agentIdentity", "id": "\(contained)", "displayName": "faq-agent",
           "servicePrincipalType": "ServiceIdentity", "agentIdentityBlueprintId": "\(blueprintAppID)"},
          {"@odata.type": "#microsoft.graph.agentIdentityBlueprintPrincipal", "id": "\(blueprint)",
           "appId": "\(blueprintAppID)", "displayName": "support-agents-blueprint", "servicePrincipalType": "Application"}
        ]}
        """

    static func assignment(_ principal: String, role: String) -> String {
        """
        {"principalId": "\(principal)", "principalType": "ServicePrincipal", "scope": "/subscriptions/s1",
         "roleDefinitionId": "/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/\(role)"}
        """
    }

    static let reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
    static let owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"

    @Test func agentIdentitiesAreSpawnedByTheirBlueprint() throws {
        let assignments =
            "["
            + [
                Self.assignment(Self.blueprint, role: Self.reader), Self.assignment(Self.escalated, role: Self.owner),
                Self.assignment(Self.contained, role: Self.reader),
            ].joined(separator: ",") + "]"
        let imported = ImportFixtures.run(texts: [
            (AzureFixture.servicePrincipals, "agents.json", Self.principals),
            (AzureFixture.assignments, "roles.json", assignments),
        ])
        #expect(imported.errors.isEmpty)
        let refund = try imported.azureIdentity(Self.escalated)
        #expect(refund.kind == .agent)
        #expect(refund.spawnedBy == Self.blueprint)
        #expect(refund.owner == "Sam Finance")
        #expect(try imported.azureIdentity(Self.contained).spawnedBy == Self.blueprint)
        let blueprint = try imported.azureIdentity(Self.blueprint)
        #expect(blueprint.kind == .serviceAccount)
        #expect(blueprint.spawnedBy == nil)

        // Owner's `*` is not covered by the blueprint's Reader `*/read`; Reader is.
        let escalation = try ImportFixtures.results(of: "CW-AGENT-01", on: imported)
        #expect(escalation[Self.escalated] == .fail)
        #expect(escalation[Self.contained] == .pass)
    }

    @Test func aBlueprintNoExportListsLeavesTheAgentUnparented() throws {
        let imported = ImportFixtures.run(texts: [
            (AzureFixture.servicePrincipals, "sp.json", try Fixtures.text(AzureFixture.spList))
        ])
        #expect(try imported.azureIdentity("0e521cb2-43c2-4c4b-ae14-122e11d12fae").spawnedBy == nil)
    }
}
