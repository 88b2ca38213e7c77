import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// `az role assignment list --all` joined with `az ad sp list --all` and `az ad app list --all`:
/// scope-aware roles, skipped people and groups, unknown roles and principal types, and app
/// registration credentials joined to their service principals.
@Suite struct AzureRoleAssignmentTests {
    private func everything() throws -> ImportedInventory {
        try ImportFixtures.run([
            (AzureFixture.assignments, AzureFixture.roleAssignments),
            (AzureFixture.servicePrincipals, AzureFixture.spList),
            (AzureFixture.applications, AzureFixture.appList),
        ])
    }

    private static let sub = AzureFixture.subscription

    @Test func bindingScopeDecidesWhetherAGrantIsAdministrative() throws {
        let imported = try everything()
        #expect(imported.errors.isEmpty)
        let results = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(
            results == [
                // User Access Administrator at a management group.
                "04682e4a-6d00-4431-a67d-27d364f3a0cf": .fail,
                // A storage data role on one storage account.
                "056cdcb7-07df-4329-a5c1-dd8b53c85a05": .pass,
                // Reader at subscription scope.
                "0e521cb2-43c2-4c4b-ae14-122e11d12fae": .pass,
                // Reader, through an assignment with no principalType.
                "12229a56-a139-4df5-9873-e2d6869d6978": .pass,
                // Contributor at subscription scope.
                "7d0c5a3e-2b1f-4e8a-9c6d-3a4b5c6d7e8f": .fail,
                // Role Based Access Control Administrator at one resource group (disabled, still assessed).
                "2b7e6f10-9c3d-4a8e-b1f2-0c9d8e7f6a51": .fail,
                "3c8f7a21-0d4e-4b9f-a2c3-1d0e9f8a7b62": .pass,
                // Contributor at one resource group: it cannot change access.
                "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d": .pass,
                // The app registration with no service principal holds no role.
                "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b": .pass,
                // Owner at the tenant root, for a principal of unknown type.
                "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a": .fail,
                // Owner at one resource group: it can still grant access there.
                "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d": .fail,
            ]
        )
        let broadContributor = try imported.azureRole("azure:role/\(AzureFixture.contributor)")
        #expect(broadContributor.name == "Contributor")
        #expect(broadContributor.administrative)
        #expect(broadContributor.permissions == ["*"])
        let narrowContributor = try imported.azureRole("azure:role/\(AzureFixture.contributor)@narrow")
        #expect(narrowContributor.name == "Contributor (resource group or resource scope)")
        #expect(!narrowContributor.administrative)
        #expect(try imported.azureRole("azure:role/\(AzureFixture.owner)@narrow").administrative)
        let access = try imported.azureRole("azure:role/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9")
        #expect(access.name == "User Access Administrator")
        #expect(access.permissions.contains("Microsoft.Authorization/*"))
        let reader = try imported.azureRole("azure:role/acdd72a7-3385-48ef-bd42-f606fba81ae7")
        #expect(!reader.administrative)
        #expect(reader.permissions == ["*/read"])
        #expect(imported.roles.count == 8)
    }

    @Test func bindingsKeepTheirScopeAndCondition() throws {
        let imported = try everything()
        let pipeline = try imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf")
        let binding = try #require(pipeline.roleBindings.first)
        #expect(binding.role == "azure:role/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9")
        let scope = try #require(binding.scope)
        #expect(scope.hasPrefix("/providers/Microsoft.Management/managementGroups/contoso-root (condition: "))
        #expect(scope.contains("ActionMatches{'Microsoft.Authorization/roleAssignments/write'}"))
        let worker = try imported.azureIdentity("8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
        #expect(
            worker.roleBindings == [
                RoleBinding(
                    role: "azure:role/\(AzureFixture.contributor)@narrow",
                    scope: "\(Self.sub)/resourceGroups/build"
                )
            ]
        )
    }

    @Test func principalsOnlyAssignmentsNameAreImpliedIdentities() throws {
        let imported = try everything()
        let deployer = try imported.azureIdentity("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")
        #expect(deployer.name == "github-actions-deployer")
        #expect(deployer.kind == .serviceAccount)
        #expect(deployer.origin?.file == AzureFixture.roleAssignments)
        #expect(deployer.unreported.contains(.owner))
        // The second assignment to it has no roleDefinitionId and is skipped.
        #expect(deployer.roleBindings.count == 1)
        let unknown = try imported.azureIdentity("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
        #expect(unknown.kind.rawValue == "Unknown")
        #expect(unknown.name == unknown.id)
        #expect(unknown.roleBindings == [RoleBinding(role: "azure:role/\(AzureFixture.owner)", scope: "/")])
        #expect(imported.identities.count == 11)
    }

    @Test func peopleGroupsAndMalformedAssignmentsAreReported() throws {
        let imported = try everything()
        let messages = imported.azureWarningMessages
        #expect(
            messages.contains {
                $0.contains("skipped 3 role assignments") && $0.contains("1 Group") && $0.contains("1 User")
                    && $0.contains("1 no principalType")
            }
        )
        #expect(messages.filter { $0.contains("unknown principalType 'Unknown'") }.count == 1)
        #expect(
            messages.contains {
                $0.contains("1 role definition is not a built-in role") && $0.contains("Storage Blob Data Contributor")
            }
        )
        let missingDefinition = try #require(imported.warnings.first { $0.keyPath == "[12].roleDefinitionId" })
        #expect(missingDefinition.file == AzureFixture.roleAssignments)
        #expect(missingDefinition.location != nil)
        #expect(imported.warnings.contains { $0.keyPath == "[13]" && $0.message.contains("an integer") })
        let blob = try imported.azureRole("azure:role/ba92f5b4-2d11-453d-a403-e96b0029c9fe@narrow")
        #expect(blob.name == "Storage Blob Data Contributor (resource group or resource scope)")
        #expect(blob.permissions.isEmpty)
    }

    @Test func applicationCredentialsJoinTheirServicePrincipal() throws {
        let imported = try everything()
        let worker = try imported.azureIdentity("8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
        // The secret lives on the app registration; its owners come from there too.
        #expect(worker.credentials.map(\.id) == ["5f1c0e5e-1111-4c1a-9a0e-000000000004"])
        #expect(worker.authentication == .clientSecret)
        #expect(worker.owner == "lee@contoso.example")
        #expect(!worker.unreported.contains(.owner))
        let workerSecret = try worker.azureCredential("5f1c0e5e-1111-4c1a-9a0e-000000000004")
        #expect(workerSecret.origin?.file == AzureFixture.appList)
        let pipeline = try imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf")
        #expect(
            pipeline.credentials.map(\.id) == [
                "5f1c0e5e-1111-4c1a-9a0e-000000000001", "5f1c0e5e-1111-4c1a-9a0e-000000000002",
                "5f1c0e5e-1111-4c1a-9a0e-000000000005",
            ]
        )
        // An app registration no export lists a service principal for is an api-client identity.
        let orphan = try imported.azureIdentity("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b")
        #expect(orphan.kind == .apiClient)
        #expect(orphan.name == "orphan-reporting-app")
        #expect(orphan.created == AzureFixture.time("2026-06-01T00:00:00Z"))
        #expect(orphan.owner == nil)
        #expect(!orphan.unreported.contains(.owner))
        #expect(orphan.authentication == .certificate)

        let expiry = try ImportFixtures.results(of: "CW-CRED-04", on: imported)
        // 2025-01-15T08:30 → 2027-01-15T08:30: 730 days, beyond 180 for a client secret.
        #expect(expiry["8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d/5f1c0e5e-1111-4c1a-9a0e-000000000004"] == .fail)
        // Valid until 2299: in practice never expires.
        #expect(expiry["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000005"] == .fail)
        // 2026-06-01 → 2027-06-01: exactly 365 days, the certificate limit.
        #expect(expiry["f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b/5f1c0e5e-1111-4c1a-9a0e-000000000006"] == .pass)
        let rotation = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        // Issued 2025-01-15 and 2024-03-01: both older than 90 days on 2026-11-01.
        #expect(rotation["8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d/5f1c0e5e-1111-4c1a-9a0e-000000000004"] == .fail)
        #expect(rotation["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000005"] == .fail)
        let owners = try ImportFixtures.results(of: "CW-LIFE-01", on: imported)
        #expect(owners["8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d"] == .pass)
        #expect(owners["0e521cb2-43c2-4c4b-ae14-122e11d12fae"] == .pass)
        // The app registration's owners were exported, and there are none.
        #expect(owners["f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b"] == .fail)
    }

    @Test func fileOrderDoesNotChangeTheJoin() throws {
        let reversed = try ImportFixtures.run([
            (AzureFixture.applications, AzureFixture.appList),
            (AzureFixture.servicePrincipals, AzureFixture.spList),
            (AzureFixture.assignments, AzureFixture.roleAssignments),
        ])
        let forward = try everything()
        #expect(Set(reversed.identities.map(\.id)) == Set(forward.identities.map(\.id)))
        for identity in forward.identities {
            let other = try reversed.azureIdentity(identity.id)
            #expect(Set(other.roleBindings) == Set(identity.roleBindings))
            #expect(Set(other.credentials.map(\.id)) == Set(identity.credentials.map(\.id)))
            #expect(other.kind == identity.kind)
        }
    }

    @Test func armNextLinkAndConditionInTheRawShape() throws {
        let text = """
            {"value": [{"properties": {"roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/f58310d9-a9f6-439a-9e8d-f62e7b41a168",
              "principalId": "0A1B2C3D-0000-4000-8000-000000000001", "principalType": "ServicePrincipal",
              "condition": "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'logs'",
              "conditionVersion": "2.0"},
              "id": "/subscriptions/s1/resourceGroups/logs/providers/Microsoft.Authorization/roleAssignments/r1",
              "type": "Microsoft.Authorization/roleAssignments", "name": "r1"}],
             "nextLink": "https://management.azure.com/providers/Microsoft.Authorization/roleAssignments?$skiptoken=abc"}
            """
        let imported = ImportFixtures.run(texts: [(AzureFixture.assignments, "arm.json", text)])
        #expect(imported.errors.isEmpty)
        #expect(imported.warnings.contains { $0.keyPath == "nextLink" && $0.message.contains("incomplete") })
        let principal = try imported.azureIdentity("0a1b2c3d-0000-4000-8000-000000000001")
        // No scope property: the scope is read from the assignment id.
        #expect(principal.roleBindings.first?.role == "azure:role/f58310d9-a9f6-439a-9e8d-f62e7b41a168@narrow")
        #expect(
            principal.roleBindings.first?.scope?.hasPrefix("/subscriptions/s1/resourceGroups/logs (condition: ") == true
        )
    }
}
