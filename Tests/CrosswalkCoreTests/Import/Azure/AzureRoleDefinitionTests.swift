import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// `az role definition list`: custom roles get their permissions, and whether they are
/// administrative follows from what they allow, as for the built-in roles.
@Suite struct AzureRoleDefinitionTests {
    static let definitions = "Tests/Fixtures/imports/azure/az-role-definitions.json"
    static let kind = "azure-role-definitions"
    static let deployer = "c0de0001-0000-4000-8000-000000000001"
    static let accessManager = "c0de0002-0000-4000-8000-000000000002"
    static let vmOperator = "c0de0003-0000-4000-8000-000000000003"

    static func assignment(_ principal: String, _ role: String, at scope: String) -> String {
        """
        {"principalId": "\(principal)", "principalType": "ServicePrincipal", "scope": "\(scope)",
         "roleDefinitionId": "/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/\(role)"}
        """
    }

    static let agents = """
        [{"id": "a0000000-0000-4000-8000-000000000001", "displayName": "ops-agent", "servicePrincipalType": "ServiceIdentity"},
         {"id": "a0000000-0000-4000-8000-000000000002", "displayName": "build-agent", "servicePrincipalType": "ServiceIdentity"},
         {"id": "a0000000-0000-4000-8000-000000000003", "displayName": "iam-bot", "servicePrincipalType": "Application"},
         {"id": "a0000000-0000-4000-8000-000000000004", "displayName": "rg-deployer", "servicePrincipalType": "Application"}]
        """

    private func imported() throws -> ImportedInventory {
        let assignments =
            "["
            + [
                Self.assignment("a0000000-0000-4000-8000-000000000001", Self.vmOperator, at: "/subscriptions/s1"),
                Self.assignment("a0000000-0000-4000-8000-000000000002", Self.deployer, at: "/subscriptions/s1"),
                Self.assignment(
                    "a0000000-0000-4000-8000-000000000003",
                    Self.accessManager,
                    at: "/subscriptions/s1/resourceGroups/app"
                ),
                Self.assignment(
                    "a0000000-0000-4000-8000-000000000004",
                    Self.deployer,
                    at: "/subscriptions/s1/resourceGroups/app"
                ),
            ].joined(separator: ",") + "]"
        return ImportFixtures.run(texts: [
            (AzureFixture.servicePrincipals, "sp.json", Self.agents),
            (AzureFixture.assignments, "ra.json", assignments),
            (Self.kind, Self.definitions, try Fixtures.text(Self.definitions)),
        ])
    }

    @Test func customRolesGetTheirPermissions() throws {
        let imported = try imported()
        #expect(imported.errors.isEmpty)
        let operatorRole = try imported.azureRole("azure:role/\(Self.vmOperator)")
        #expect(operatorRole.name == "Contoso VM Operator")
        #expect(
            operatorRole.permissions == [
                "Microsoft.Compute/virtualMachines/read", "Microsoft.Compute/virtualMachines/start/action",
                "Microsoft.Compute/virtualMachines/restart/action",
            ]
        )
        #expect(!operatorRole.administrative)
        // `*` minus authorization writes: administrative only at broad scope, like Contributor.
        #expect(try imported.azureRole("azure:role/\(Self.deployer)").administrative)
        #expect(try !imported.azureRole("azure:role/\(Self.deployer)@narrow").administrative)
        // It can write role assignments: administrative at every scope.
        #expect(try imported.azureRole("azure:role/\(Self.accessManager)@narrow").administrative)
        #expect(!imported.azureWarningMessages.contains { $0.contains("not a built-in role") })
        // The definition without permissions is skipped, with its position.
        let broken = try #require(imported.warnings.first { $0.keyPath == "[4].permissions" })
        #expect(broken.file == Self.definitions)
        #expect(broken.location?.line == 116)
    }

    @Test func customRolePermissionsFeedThePrivilegeControls() throws {
        let imported = try imported()
        let wildcard = try ImportFixtures.results(of: "CW-AUTHZ-01", on: imported)
        #expect(
            wildcard == [
                "a0000000-0000-4000-8000-000000000001": .pass,
                "a0000000-0000-4000-8000-000000000002": .fail,
            ]
        )
        let administrative = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(
            administrative == [
                "a0000000-0000-4000-8000-000000000001": .pass,
                "a0000000-0000-4000-8000-000000000002": .fail,
                "a0000000-0000-4000-8000-000000000003": .fail,
                "a0000000-0000-4000-8000-000000000004": .pass,
            ]
        )
    }

    @Test func builtInDefinitionsReplaceTheUnknownRoleWarning() throws {
        let imported = try ImportFixtures.run([
            (AzureFixture.assignments, AzureFixture.roleAssignments),
            (AzureFixture.servicePrincipals, AzureFixture.spList),
            (Self.kind, Self.definitions),
        ])
        let blob = try imported.azureRole("azure:role/ba92f5b4-2d11-453d-a403-e96b0029c9fe@narrow")
        #expect(blob.name == "Storage Blob Data Contributor (resource group or resource scope)")
        // Actions and data actions.
        #expect(blob.permissions.count == 9)
        #expect(blob.permissions.contains("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"))
        #expect(!imported.azureWarningMessages.contains { $0.contains("not a built-in role") })
    }

    @Test func rawARMDefinitionsKeepTheirFieldsUnderProperties() throws {
        let text = """
            {"value": [{"properties": {"roleName": "Key Rotator", "type": "CustomRole",
              "permissions": [{"actions": ["Microsoft.KeyVault/vaults/keys/rotate/action"], "notActions": []}],
              "assignableScopes": ["/subscriptions/s1"]},
              "id": "/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/C0DE0005-0000-4000-8000-000000000005",
              "type": "Microsoft.Authorization/roleDefinitions", "name": "C0DE0005-0000-4000-8000-000000000005"}]}
            """
        let imported = ImportFixtures.run(texts: [
            (AzureFixture.servicePrincipals, "sp.json", Self.agents),
            (
                AzureFixture.assignments, "ra.json",
                "["
                    + Self.assignment(
                        "a0000000-0000-4000-8000-000000000001",
                        "c0de0005-0000-4000-8000-000000000005",
                        at: "/"
                    )
                    + "]"
            ),
            (Self.kind, "defs.json", text),
        ])
        #expect(imported.errors.isEmpty)
        let role = try imported.azureRole("azure:role/c0de0005-0000-4000-8000-000000000005")
        #expect(role.name == "Key Rotator")
        #expect(role.permissions == ["Microsoft.KeyVault/vaults/keys/rotate/action"])
    }

    @Test func definitionsAreDetected() throws {
        let document = ImportDocument(try Fixtures.file(Self.definitions))
        #expect(ImportRegistry.detect(document).map(\.name) == [Self.kind])
    }
}
