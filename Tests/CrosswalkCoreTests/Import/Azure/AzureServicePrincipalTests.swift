import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Service principal exports: kinds, third-party applications, credentials, both envelopes, YAML,
/// pagination, malformed records and secret hygiene.
@Suite struct AzureServicePrincipalTests {
    private func spList() throws -> ImportedInventory {
        try ImportFixtures.run([(AzureFixture.servicePrincipals, AzureFixture.spList)])
    }

    @Test func servicePrincipalTypesBecomeKinds() throws {
        let imported = try spList()
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.count == 8)
        let application = try imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf")
        #expect(application.kind == .serviceAccount)
        let managed = try imported.azureIdentity("056cdcb7-07df-4329-a5c1-dd8b53c85a05")
        #expect(managed.kind == .managedIdentity)
        #expect(managed.authentication == .managedIdentity)
        #expect(managed.tags.contains(Tag(key: "azure.userAssigned", value: "true")))
        #expect(
            managed.tags.contains {
                $0.key == "azure.resourceId" && $0.value.hasSuffix("/userAssignedIdentities/vm-backup-identity")
            }
        )
        let agent = try imported.azureIdentity("0e521cb2-43c2-4c4b-ae14-122e11d12fae")
        #expect(agent.kind == .agent)
        #expect(agent.name == "support-triage-agent")
        // An agent identity's sponsors are its owners.
        #expect(agent.owner == "dana@contoso.example")
        #expect(!agent.unreported.contains(.owner))
        #expect(agent.credentials.isEmpty)
        #expect(agent.authentication == nil)
    }

    @Test func unknownServicePrincipalTypeIsKeptWithOneWarning() throws {
        let imported = try spList()
        let legacy = try imported.azureIdentity("2b7e6f10-9c3d-4a8e-b1f2-0c9d8e7f6a51")
        #expect(legacy.kind == IdentityKind(rawValue: "Legacy"))
        #expect(legacy.status == .disabled)
        #expect(try imported.azureIdentity("3c8f7a21-0d4e-4b9f-a2c3-1d0e9f8a7b62").kind.rawValue == "Legacy")
        let warnings = imported.warnings.filter { $0.message.contains("servicePrincipalType 'Legacy'") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.file == AzureFixture.spList)
        #expect(warnings.first?.location != nil)
    }

    @Test func applicationsOfOtherTenantsAreThirdParty() throws {
        let imported = try spList()
        // deploy-pipeline and ingest-worker are single-tenant apps (AzureADMyOrg): their owning
        // tenant 54826b22… is the home tenant.
        let thirdParty = Set(imported.identities.filter(\.thirdParty).map(\.id))
        #expect(
            thirdParty == [
                "12229a56-a139-4df5-9873-e2d6869d6978",  // Microsoft first-party (f8cdef31…)
                "7d0c5a3e-2b1f-4e8a-9c6d-3a4b5c6d7e8f",  // a vendor's multi-tenant app
            ]
        )
        for id in thirdParty {
            #expect(try imported.azureIdentity(id).unreported.contains(.lastReviewed))
        }
        // A managed identity's appOwnerOrganizationId is Microsoft's, yet it is the customer's own.
        #expect(try !imported.azureIdentity("056cdcb7-07df-4329-a5c1-dd8b53c85a05").thirdParty)
        #expect(try !imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf").unreported.contains(.lastReviewed))
    }

    @Test func credentialsCarryTheirDatesAndFindings() throws {
        let imported = try spList()
        let pipeline = try imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf")
        #expect(pipeline.authentication == .clientSecret)
        let secret = try pipeline.azureCredential("5f1c0e5e-1111-4c1a-9a0e-000000000001")
        #expect(secret.type == .clientSecret)
        #expect(secret.created == AzureFixture.time("2026-09-01T00:00:00Z"))
        #expect(secret.expires == AzureFixture.time("2027-01-01T00:00:00Z"))
        let certificate = try pipeline.azureCredential("5f1c0e5e-1111-4c1a-9a0e-000000000002")
        #expect(certificate.type == .certificate)
        #expect(certificate.expires == AzureFixture.time("2028-01-01T00:00:00Z"))
        let managedCertificate = try imported.azureIdentity("056cdcb7-07df-4329-a5c1-dd8b53c85a05")
            .azureCredential("5f1c0e5e-1111-4c1a-9a0e-000000000003")
        #expect(managedCertificate.storage == .platform)

        let expiry = try ImportFixtures.results(of: "CW-CRED-04", on: imported)
        // 2026-09-01 → 2027-01-01: 122 days, within 180 for a client secret.
        #expect(expiry["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000001"] == .pass)
        // 2026-01-01 → 2028-01-01: 730 days, beyond 365 for a certificate.
        #expect(expiry["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000002"] == .fail)
        // 2026-09-15 → 2026-12-14: 90 days.
        #expect(expiry["056cdcb7-07df-4329-a5c1-dd8b53c85a05/5f1c0e5e-1111-4c1a-9a0e-000000000003"] == .pass)
        let rotation = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        // Issued 2026-09-01, 61 days before 2026-11-01.
        #expect(rotation["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000001"] == .pass)
        // Certificates are not static secrets.
        #expect(rotation["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000002"] == nil)
    }

    @Test func unreportedFieldsNameWhatTheListCannotTell() throws {
        let imported = try spList()
        let pipeline = try imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf")
        #expect(
            pipeline.unreported == [
                .owner, .lastUsed, .credentialLastUsed, .environment, .trustZone, .credentialStorage,
                .interactiveUse, .sharedAccount,
            ]
        )
        // A managed identity's credentials are held by the platform: their storage is known.
        let managed = try imported.azureIdentity("056cdcb7-07df-4329-a5c1-dd8b53c85a05")
        #expect(!managed.unreported.contains(.credentialStorage))
        #expect(imported.gapWarnings.contains { $0.message.contains("azure-service-principals does not report owner") })
    }

    @Test func graphPageWarnsThatTheExportIsIncomplete() throws {
        let imported = try ImportFixtures.run([(AzureFixture.servicePrincipals, AzureFixture.graphPage)])
        #expect(imported.errors.isEmpty)
        let nextLink = try #require(imported.warnings.first { $0.keyPath == "@odata.nextLink" })
        #expect(nextLink.message.contains("incomplete"))
        #expect(nextLink.file == AzureFixture.graphPage)
        #expect(nextLink.location?.line == 3)
    }

    @Test func malformedRecordsAreSkippedWithLocatedWarnings() throws {
        let imported = try ImportFixtures.run([(AzureFixture.servicePrincipals, AzureFixture.graphPage)])
        #expect(
            imported.identities.map(\.id) == [
                "a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d", "b8c7d6e5-f4a3-4b2c-8d1e-0f9a8b7c6d5e",
                "c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f", "d0e9f8a7-b6c5-4d4e-8f3a-2b1c0d9e8f7a",
            ]
        )
        func warning(at keyPath: String) -> Diagnostic? { imported.warnings.first { $0.keyPath == keyPath } }
        #expect(warning(at: "value[1]")?.location?.line == 18)
        #expect(warning(at: "value[2].id")?.location?.line == 19)
        #expect(warning(at: "value[3].createdDateTime")?.location?.line == 29)
        #expect(warning(at: "value[3].passwordCredentials[0].keyId")?.location?.line == 34)
        #expect(warning(at: "value[3].passwordCredentials[1].endDateTime")?.location?.line == 43)
        #expect(warning(at: "value[3].keyCredentials[1].type")?.message.contains("QuantumResistantCert") == true)

        let exporter = try imported.azureIdentity("b8c7d6e5-f4a3-4b2c-8d1e-0f9a8b7c6d5e")
        #expect(exporter.created == nil)
        #expect(
            exporter.credentials.map(\.id) == [
                "7e7e7e7e-0000-4000-8000-000000000002", "7e7e7e7e-0000-4000-8000-000000000003",
                "7e7e7e7e-0000-4000-8000-000000000004",
            ]
        )
        let good = try exporter.azureCredential("7e7e7e7e-0000-4000-8000-000000000002")
        #expect(good.created == AzureFixture.time("2026-08-01T00:00:00Z"))
        #expect(good.expires == AzureFixture.time("2026-12-01T00:00:00Z"))
        #expect(good.origin?.record == "line 45")
        #expect(try exporter.azureCredential("7e7e7e7e-0000-4000-8000-000000000003").type == .sharedSecret)
        #expect(try exporter.azureCredential("7e7e7e7e-0000-4000-8000-000000000004").type == .certificate)
    }

    @Test func graphPageKindsAndOwners() throws {
        let imported = try ImportFixtures.run([(AzureFixture.servicePrincipals, AzureFixture.graphPage)])
        let agent = try imported.azureIdentity("a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d")
        #expect(agent.kind == .agent)
        // `sponsors` is exported but empty: a real gap, not an unreported field.
        #expect(agent.owner == nil)
        #expect(!agent.unreported.contains(.owner))
        #expect(try ImportFixtures.results(of: "CW-LIFE-01", on: imported)[agent.id] == .fail)
        let kubelet = try imported.azureIdentity("c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f")
        #expect(kubelet.kind == .managedIdentity)
        #expect(kubelet.tags.contains(Tag(key: "azure.userAssigned", value: "false")))
        let social = try imported.azureIdentity("d0e9f8a7-b6c5-4d4e-8f3a-2b1c0d9e8f7a")
        #expect(social.kind.rawValue == "SocialIdp")
        #expect(imported.warnings.filter { $0.message.contains("servicePrincipalType 'SocialIdp'") }.count == 1)
    }

    @Test func yamlListReadsLikeJSON() throws {
        let imported = try ImportFixtures.run([(AzureFixture.servicePrincipals, AzureFixture.spListYAML)])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.count == 2)
        let etl = try imported.azureIdentity("e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b")
        // Seven fractional digits, as Graph writes them.
        #expect(etl.created == AzureFixture.time("2024-03-05T12:00:00Z"))
        #expect(etl.origin?.record == "line 2")
        let secret = try etl.azureCredential("9a9a9a9a-0000-4000-8000-000000000001")
        #expect(secret.expires == AzureFixture.time("2026-12-28T00:00:00Z"))
        let web = try imported.azureIdentity("f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b6c")
        #expect(web.kind == .managedIdentity)
        #expect(web.status == .disabled)
    }

    @Test func secretMaterialNeverReachesTheImport() throws {
        let secretText = "Qx8Q~fakeClientSecretValueForTests.DoNotUse-12345"
        let appSecretText = "Zq9Q~anotherFakeClientSecretValue_ForTests000000"
        let certificateBytes = "MIIC8DCCAdigAwIBAgIQFakeCertificateBytesForCrosswalkTestsOnly"
        // The fixtures do carry them, so the test would notice a reader that copied them.
        #expect(try Fixtures.text(AzureFixture.spList).contains(secretText))
        #expect(try Fixtures.text(AzureFixture.appList).contains(appSecretText))
        let imported = try ImportFixtures.run([
            (AzureFixture.servicePrincipals, AzureFixture.spList),
            (AzureFixture.applications, AzureFixture.appList),
            (AzureFixture.assignments, AzureFixture.roleAssignments),
        ])
        let everything = String(describing: imported)
        for secret in [secretText, appSecretText, certificateBytes, "Qx8Q~", "Zq9Q~"] {
            #expect(!everything.contains(secret), "\(secret)")
        }
    }

    @Test func emptyAndForeignFiles() throws {
        let empty = ImportFixtures.run(texts: [
            (
                AzureFixture.servicePrincipals, "empty.json",
                #"{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals", "value": []}"#
            )
        ])
        #expect(empty.errors.isEmpty)
        #expect(empty.identities.isEmpty)
        #expect(empty.warnings.contains { $0.message.contains("holds no service principals") })

        let foreign = ImportFixtures.run(texts: [
            (AzureFixture.servicePrincipals, "users.json", #"{"UserDetailList": [], "IsTruncated": false}"#)
        ])
        #expect(foreign.errors.count == 1)
        #expect(foreign.errors.first?.message.contains("not an export of service principals") == true)

        // Role assignments named as service principals: the wrong file, an error, nothing imported.
        let wrongKind = try ImportFixtures.run([(AzureFixture.servicePrincipals, AzureFixture.armSample)])
        #expect(wrongKind.identities.isEmpty)
        #expect(wrongKind.errors.count == 1)
        #expect(wrongKind.errors.first?.message.contains("no record has their shape") == true)
        let spAsAssignments = try ImportFixtures.run([(AzureFixture.assignments, AzureFixture.spList)])
        #expect(spAsAssignments.identities.isEmpty)
        #expect(spAsAssignments.errors.count == 1)

        let broken = ImportFixtures.run(texts: [(AzureFixture.servicePrincipals, "broken.json", #"[{"id": "x", "#)])
        #expect(broken.errors.count == 1)
        #expect(broken.identities.isEmpty)
    }

    @Test func olderAzureADGraphShapeIsRead() throws {
        // az before 2.37 printed Azure AD Graph objects: objectId, startDate / endDate, and a
        // credential `value` that must never be read.
        let text = """
            {"odata.metadata": "https://graph.windows.net/t/$metadata#directoryObjects", "value": [
              {"objectId": "5E6F7A8B-0000-4000-8000-000000000001", "objectType": "ServicePrincipal",
               "displayName": "old-cli-app", "servicePrincipalType": "Application", "accountEnabled": true,
               "passwordCredentials": [{"customKeyIdentifier": null, "keyId": "0d0d0d0d-0000-4000-8000-000000000001",
                 "startDate": "2019-10-17T15:47:00.587000-06:00", "endDate": "2020-10-17T15:47:00.587000-06:00",
                 "value": "legacyFakeSecretValueThatMustNotAppear"}]}],
             "odata.nextLink": "directoryObjects/$/Microsoft.DirectoryServices.ServicePrincipal?$skiptoken=X"}
            """
        let imported = ImportFixtures.run(texts: [(AzureFixture.servicePrincipals, "old.json", text)])
        #expect(imported.errors.isEmpty)
        let old = try imported.azureIdentity("5e6f7a8b-0000-4000-8000-000000000001")
        let secret = try old.azureCredential("0d0d0d0d-0000-4000-8000-000000000001")
        // A local time with an offset: 15:47 at -06:00 is 21:47 UTC.
        #expect(secret.created == AzureFixture.time("2019-10-17T21:47:00Z"))
        #expect(secret.expires == AzureFixture.time("2020-10-17T21:47:00Z"))
        #expect(imported.warnings.contains { $0.keyPath == "odata.nextLink" })
        #expect(!String(describing: imported).contains("legacyFakeSecretValue"))
    }

    @Test func aLoneObjectIsOneServicePrincipal() throws {
        let imported = ImportFixtures.run(texts: [
            (
                AzureFixture.servicePrincipals, "sp-show.json",
                #"{"id": "1F2E3D4C-0000-4000-8000-000000000001", "displayName": "shown", "servicePrincipalType": "Application"}"#
            )
        ])
        // Object ids are compared in lower case, as role assignments write them.
        #expect(imported.identities.map(\.id) == ["1f2e3d4c-0000-4000-8000-000000000001"])
    }
}
