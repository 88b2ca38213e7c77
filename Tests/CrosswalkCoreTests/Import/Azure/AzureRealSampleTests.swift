import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The two real Azure samples: a recorded Graph `servicePrincipals` response and an excerpt of a
/// recorded ARM `roleAssignments` response, alone and joined with a generated `az ad sp list`
/// export that shares their principal ids.
@Suite struct AzureRealSampleTests {
    /// The five `ServicePrincipal` principals the ARM excerpt grants Owner at subscription scope.
    static let armOwnerPrincipals = [
        "04682e4a-6d00-4431-a67d-27d364f3a0cf", "056cdcb7-07df-4329-a5c1-dd8b53c85a05",
        "0e521cb2-43c2-4c4b-ae14-122e11d12fae", "12229a56-a139-4df5-9873-e2d6869d6978",
        "1c93a1ad-59cf-42fc-b6ce-0f5ffd464a70",
    ]

    @Test func graphSampleYieldsItsServicePrincipalAndClientSecret() throws {
        let imported = try ImportFixtures.run([(AzureFixture.servicePrincipals, AzureFixture.graphSample)])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.map(\.id) == ["66e30abb-1162-47a4-97e7-007bf57bb3ac"])
        let principal = try imported.azureIdentity("66e30abb-1162-47a4-97e7-007bf57bb3ac")
        #expect(principal.name == "azure-cli-test000001")
        #expect(principal.kind == .serviceAccount)
        #expect(principal.platform == "azure")
        #expect(principal.status == .active)
        #expect(principal.created == AzureFixture.time("2022-05-07T06:53:37Z"))
        #expect(principal.authentication == .clientSecret)
        // Its application is owned by the only tenant in the file, which is therefore the home tenant.
        #expect(!principal.thirdParty)
        #expect(principal.origin?.file == AzureFixture.graphSample)
        #expect(principal.origin?.kind == "azure-service-principals")
        #expect(principal.unreported.contains(.owner))
        #expect(principal.unreported.contains(.lastUsed))
        #expect(principal.unreported.contains(.credentialLastUsed))
        #expect(principal.unreported.contains(.credentialStorage))
        #expect(principal.unreported.contains(.environment))
        #expect(principal.unreported.contains(.trustZone))
        #expect(!principal.unreported.contains(.lastReviewed))

        #expect(principal.credentials.count == 1)
        let secret = try principal.azureCredential("6449cb68-995e-4a16-8e14-13009429ef35")
        #expect(secret.type == .clientSecret)
        #expect(secret.status == .active)
        #expect(secret.created == AzureFixture.time("2022-05-07T06:53:38Z"))
        #expect(secret.lastRotated == AzureFixture.time("2022-05-07T06:53:38Z"))
        #expect(secret.expires == AzureFixture.time("2024-05-07T06:53:38Z"))
        #expect(secret.storage == nil)
        #expect(secret.origin?.file == AzureFixture.graphSample)
    }

    @Test func graphSampleSecretFindingsFollowItsDates() throws {
        let imported = try ImportFixtures.run([(AzureFixture.servicePrincipals, AzureFixture.graphSample)])
        let subject = "66e30abb-1162-47a4-97e7-007bf57bb3ac/6449cb68-995e-4a16-8e14-13009429ef35"
        // Issued 2022-05-07T06:53:38Z, valid until 2024-05-07T06:53:38Z: a 731-day lifetime,
        // beyond the default 180 days for static secrets, whenever it is judged.
        #expect(try ImportFixtures.results(of: "CW-CRED-04", on: imported)[subject] == .fail)
        #expect(
            try ImportFixtures.results(of: "CW-CRED-04", on: imported, now: AzureFixture.time("2022-06-01T00:00:00Z"))[
                subject
            ] == .fail
        )
        // Rotation age: 1,639 days on 2026-11-01 (fail), 24 days on 2022-06-01 (pass, limit 90).
        #expect(try ImportFixtures.results(of: "CW-CRED-02", on: imported)[subject] == .fail)
        #expect(
            try ImportFixtures.results(of: "CW-CRED-02", on: imported, now: AzureFixture.time("2022-06-01T00:00:00Z"))[
                subject
            ] == .pass
        )
    }

    @Test func armSampleGrantsOwnerAtSubscriptionToFiveServicePrincipals() throws {
        let imported = try ImportFixtures.run([(AzureFixture.assignments, AzureFixture.armSample)])
        #expect(imported.errors.isEmpty)
        // Only principals of type ServicePrincipal: the two User assignments are skipped.
        #expect(imported.identities.map(\.id) == Self.armOwnerPrincipals)
        let ownerRole = try imported.azureRole("azure:role/\(AzureFixture.owner)")
        #expect(ownerRole.name == "Owner")
        #expect(ownerRole.permissions == ["*"])
        #expect(ownerRole.administrative)
        #expect(ownerRole.platform == "azure")
        #expect(imported.roles.count == 1)
        for id in Self.armOwnerPrincipals {
            let principal = try imported.azureIdentity(id)
            // Known only from the assignment: named by its id, every listing field unreported.
            #expect(principal.name == id)
            #expect(principal.kind == .serviceAccount)
            #expect(principal.credentials.isEmpty)
            #expect(principal.unreported.contains(.owner))
            #expect(
                principal.roleBindings == [
                    RoleBinding(role: "azure:role/\(AzureFixture.owner)", scope: AzureFixture.subscription)
                ]
            )
            #expect(principal.origin?.file == AzureFixture.armSample)
        }
        let results = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(results == Dictionary(uniqueKeysWithValues: Self.armOwnerPrincipals.map { ($0, ResultStatus.fail) }))
        #expect(
            imported.azureWarningMessages.contains {
                $0.contains("skipped 2 role assignments") && $0.contains("2 User")
            }
        )
    }

    @Test func armSampleJoinsTheServicePrincipalsOfAnAzListExport() throws {
        let imported = try ImportFixtures.run([
            (AzureFixture.assignments, AzureFixture.armSample),
            (AzureFixture.servicePrincipals, AzureFixture.spList),
        ])
        #expect(imported.errors.isEmpty)
        // Eight listed service principals, and 1c93a1ad…, which only the assignment names.
        #expect(imported.identities.count == 9)
        let listed = try imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf")
        #expect(listed.name == "deploy-pipeline")
        #expect(listed.origin?.file == AzureFixture.spList)
        #expect(listed.roleBindings.map(\.role) == ["azure:role/\(AzureFixture.owner)"])
        let managed = try imported.azureIdentity("056cdcb7-07df-4329-a5c1-dd8b53c85a05")
        #expect(managed.kind == .managedIdentity)
        #expect(managed.roleBindings.map(\.role) == ["azure:role/\(AzureFixture.owner)"])
        let impliedOnly = try imported.azureIdentity("1c93a1ad-59cf-42fc-b6ce-0f5ffd464a70")
        #expect(impliedOnly.origin?.file == AzureFixture.armSample)

        let administrative = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        for id in Self.armOwnerPrincipals { #expect(administrative[id] == .fail, "\(id)") }
        for id in [
            "7d0c5a3e-2b1f-4e8a-9c6d-3a4b5c6d7e8f", "2b7e6f10-9c3d-4a8e-b1f2-0c9d8e7f6a51",
            "3c8f7a21-0d4e-4b9f-a2c3-1d0e9f8a7b62", "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d",
        ] {
            #expect(administrative[id] == .pass, "\(id)")
        }
        // The agent identity holds Owner's `*`: a wildcard grant.
        let agentResults = try ImportFixtures.results(of: "CW-AUTHZ-01", on: imported)
        #expect(agentResults["0e521cb2-43c2-4c4b-ae14-122e11d12fae"] == .fail)
    }

    @Test func graphAndArmSamplesShareNoPrincipal() throws {
        let imported = try ImportFixtures.run([
            (AzureFixture.servicePrincipals, AzureFixture.graphSample),
            (AzureFixture.assignments, AzureFixture.armSample),
        ])
        #expect(imported.identities.map(\.id) == ["66e30abb-1162-47a4-97e7-007bf57bb3ac"] + Self.armOwnerPrincipals)
        #expect(try imported.azureIdentity("66e30abb-1162-47a4-97e7-007bf57bb3ac").roleBindings.isEmpty)
        #expect(imported.sources.map(\.kind) == [AzureFixture.servicePrincipals, AzureFixture.assignments])
    }
}
