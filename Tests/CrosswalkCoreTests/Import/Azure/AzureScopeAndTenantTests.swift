import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// How far a grant reaches decides its role id, and how the home tenant is told from the
/// applications' owning tenants.
@Suite struct AzureScopeAndTenantTests {
    static let principal = "0a0a0a0a-0000-4000-8000-000000000001"

    @Test(arguments: [
        ("/", true),
        ("/providers/Microsoft.Management/managementGroups/contoso", true),
        ("/subscriptions/s1", true),
        ("/subscriptions/s1/", true),
        ("/SUBSCRIPTIONS/s1/RESOURCEGROUPS/rg", false),
        ("/subscriptions/s1/resourcegroups/rg/providers/Microsoft.Web/sites/shop", false),
        ("/subscriptions/s1/providers/Microsoft.Network/networkWatchers/nw", false),
        ("/some/unknown/path", true),
    ])
    func scopeBreadthDecidesTheRoleID(scope: String, broad: Bool) throws {
        let text = """
            [{"principalId": "\(Self.principal)", "principalType": "ServicePrincipal", "scope": "\(scope)",
              "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"}]
            """
        let imported = ImportFixtures.run(texts: [(AzureFixture.assignments, "ra.json", text)])
        let expectedRole = "azure:role/b24988ac-6180-42a0-ab88-20f7382dd24c" + (broad ? "" : "@narrow")
        #expect(
            try imported.azureIdentity(Self.principal).roleBindings == [RoleBinding(role: expectedRole, scope: scope)]
        )
        // Contributor is administrative only when the grant is broad.
        #expect(try imported.azureRole(expectedRole).administrative == broad)
        #expect(try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)[Self.principal] == (broad ? .fail : .pass))
    }

    static func principals(_ owners: [String]) -> String {
        let records = owners.enumerated().map { index, owner in
            """
            {"id": "0b0b0b0b-0000-4000-8000-00000000000\(index)", "displayName": "app-\(index)",
             "servicePrincipalType": "Application", "appOwnerOrganizationId": "\(owner)"}
            """
        }
        return "[" + records.joined(separator: ",") + "]"
    }

    @Test func theMostCommonOwningTenantIsHome() throws {
        let imported = ImportFixtures.run(texts: [
            (AzureFixture.servicePrincipals, "sp.json", Self.principals(["t-home", "t-vendor", "t-home"]))
        ])
        #expect(imported.identities.map(\.thirdParty) == [false, true, false])
        #expect(!imported.azureWarningMessages.contains { $0.contains("home tenant") })
    }

    @Test func aTieLeavesTheHomeTenantUnknown() throws {
        let microsoft = "f8cdef31-a31e-4b4a-93e4-5f571e91255a"
        let imported = ImportFixtures.run(texts: [
            (AzureFixture.servicePrincipals, "sp.json", Self.principals(["t-one", "t-two", microsoft]))
        ])
        // Only Microsoft's first-party application is known to be third-party.
        #expect(imported.identities.map(\.thirdParty) == [false, false, true])
        #expect(imported.azureWarningMessages.contains { $0.contains("cannot tell the home tenant") })
    }

    @Test func aSingleTenantApplicationOutweighsTheMajority() throws {
        let text = """
            [{"id": "0c0c0c0c-0000-4000-8000-000000000001", "servicePrincipalType": "Application",
              "appOwnerOrganizationId": "t-vendor", "displayName": "vendor-1"},
             {"id": "0c0c0c0c-0000-4000-8000-000000000002", "servicePrincipalType": "Application",
              "appOwnerOrganizationId": "t-vendor", "displayName": "vendor-2"},
             {"id": "0c0c0c0c-0000-4000-8000-000000000003", "servicePrincipalType": "Application",
              "appOwnerOrganizationId": "t-home", "signInAudience": "AzureADMyOrg", "displayName": "ours"}]
            """
        let imported = ImportFixtures.run(texts: [(AzureFixture.servicePrincipals, "sp.json", text)])
        #expect(imported.identities.map(\.thirdParty) == [true, true, false])
    }
}
