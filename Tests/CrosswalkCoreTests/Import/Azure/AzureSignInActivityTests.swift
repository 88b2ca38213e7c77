import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Graph's service principal sign-in activity report: each application's last sign-in becomes its
/// identity's last use (CW-LIFE-02).
@Suite struct AzureSignInActivityTests {
    static let signIns = "Tests/Fixtures/imports/azure/graph-sp-sign-in-activity.json"
    static let kind = "azure-sign-in-activity"

    private func imported(signIns: (name: String, text: String)? = nil) throws -> ImportedInventory {
        let report = try signIns ?? (Self.signIns, Fixtures.text(Self.signIns))
        return ImportFixtures.run(texts: [
            (AzureFixture.servicePrincipals, AzureFixture.spList, try Fixtures.text(AzureFixture.spList)),
            (AzureFixture.applications, AzureFixture.appList, try Fixtures.text(AzureFixture.appList)),
            (Self.kind, report.name, report.text),
        ])
    }

    @Test func lastSignInsBecomeLastUse() throws {
        let imported = try imported()
        #expect(imported.errors.isEmpty)
        let pipeline = try imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf")
        #expect(pipeline.lastUsed == AzureFixture.time("2026-10-30T11:22:33Z"))
        #expect(!pipeline.unreported.contains(.lastUsed))
        // Its overall lastSignInActivity is empty; the app-only flow's sign-in counts.
        #expect(
            try imported.azureIdentity("8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d").lastUsed
                == AzureFixture.time("2026-05-02T00:00:00Z")
        )
        #expect(
            try imported.azureIdentity("056cdcb7-07df-4329-a5c1-dd8b53c85a05").lastUsed
                == AzureFixture.time("2026-10-31T23:59:59Z")
        )
        // An app registration without a service principal joins by its appId too.
        #expect(
            try imported.azureIdentity("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b").lastUsed
                == AzureFixture.time("2025-12-01T00:00:00Z")
        )
        // Credentials' own last use is another report.
        #expect(pipeline.unreported.contains(.credentialLastUsed))
        let missingAppID = try #require(imported.warnings.first { $0.keyPath == "value[5].appId" })
        #expect(missingAppID.location?.line == 34)
    }

    @Test func applicationsTheCompleteReportLeavesOutWereNeverSignedIn() throws {
        let imported = try imported()
        // The vendor's application: no sign-in in the report, so its last use is known to be none.
        let vendor = try imported.azureIdentity("7d0c5a3e-2b1f-4e8a-9c6d-3a4b5c6d7e8f")
        #expect(vendor.lastUsed == nil)
        #expect(!vendor.unreported.contains(.lastUsed))
        // The report may not cover agent identities: an agent it leaves out stays unreported.
        #expect(try imported.azureIdentity("0e521cb2-43c2-4c4b-ae14-122e11d12fae").unreported.contains(.lastUsed))

        let dormant = try ImportFixtures.results(of: "CW-LIFE-02", on: imported)
        // Signed in 2026-10-30: 2 days before 2026-11-01.
        #expect(dormant["04682e4a-6d00-4431-a67d-27d364f3a0cf"] == .pass)
        // Signed in 2026-05-02: 183 days, beyond the 90-day window.
        #expect(dormant["8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d"] == .fail)
        // Never signed in; created 2023-02-01.
        #expect(dormant["7d0c5a3e-2b1f-4e8a-9c6d-3a4b5c6d7e8f"] == .fail)
        // Signed in 2025-12-01: 335 days.
        #expect(dormant["f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b"] == .fail)
    }

    @Test func anIncompleteReportOnlyTellsAboutWhatItLists() throws {
        let page = """
            {"@odata.context": "https://graph.microsoft.com/beta/$metadata#reports/servicePrincipalSignInActivities",
             "@odata.nextLink": "https://graph.microsoft.com/beta/reports/servicePrincipalSignInActivities?$skiptoken=2",
             "value": [{"appId": "a1b2c3d4-0000-4000-8000-000000000001",
                        "lastSignInActivity": {"lastSignInDateTime": "2026-10-30T11:22:33Z"}}]}
            """
        let imported = try imported(signIns: ("page.json", page))
        #expect(imported.warnings.contains { $0.keyPath == "@odata.nextLink" })
        #expect(try !imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf").unreported.contains(.lastUsed))
        // The vendor's application may be on the next page.
        #expect(try imported.azureIdentity("7d0c5a3e-2b1f-4e8a-9c6d-3a4b5c6d7e8f").unreported.contains(.lastUsed))
    }

    static let credentialSignIns = "Tests/Fixtures/imports/azure/graph-app-credential-sign-in-activity.json"
    static let credentialKind = "azure-credential-sign-in-activity"

    @Test func credentialSignInsBecomeTheCredentialsLastUse() throws {
        let imported = try ImportFixtures.run([
            (AzureFixture.servicePrincipals, AzureFixture.spList),
            (AzureFixture.applications, AzureFixture.appList),
            (Self.credentialKind, Self.credentialSignIns),
        ])
        #expect(imported.errors.isEmpty)
        let pipeline = try imported.azureIdentity("04682e4a-6d00-4431-a67d-27d364f3a0cf")
        #expect(
            try pipeline.azureCredential("5f1c0e5e-1111-4c1a-9a0e-000000000001").lastUsed
                == AzureFixture.time("2026-10-29T07:00:00Z")
        )
        #expect(!pipeline.unreported.contains(.credentialLastUsed))
        // The app registration's secret, joined to its service principal.
        #expect(
            try imported.azureIdentity("8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
                .azureCredential("5f1c0e5e-1111-4c1a-9a0e-000000000004").lastUsed
                == AzureFixture.time("2026-06-15T00:00:00Z")
        )
        // No service principal: joined by appId to the app registration's identity.
        #expect(
            try imported.azureIdentity("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b")
                .azureCredential("5f1c0e5e-1111-4c1a-9a0e-000000000006").lastUsed
                == AzureFixture.time("2026-10-01T00:00:00Z")
        )
        #expect(imported.warnings.first { $0.keyPath == "value[3].keyId" }?.location?.line == 46)

        let unused = try ImportFixtures.results(of: "CW-CRED-07", on: imported)
        // Last used 2026-10-29: 3 days.
        #expect(unused["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000001"] == .pass)
        // Never used (not in the complete report), created 2026-01-01: 304 days.
        #expect(unused["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000002"] == .fail)
        // Never used, created 2024-03-01.
        #expect(unused["04682e4a-6d00-4431-a67d-27d364f3a0cf/5f1c0e5e-1111-4c1a-9a0e-000000000005"] == .fail)
        // Last used 2026-06-15: 139 days.
        #expect(unused["8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d/5f1c0e5e-1111-4c1a-9a0e-000000000004"] == .fail)
        // Last used 2026-10-01: 31 days.
        #expect(unused["f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b/5f1c0e5e-1111-4c1a-9a0e-000000000006"] == .pass)
    }

    @Test func reportIsDetected() throws {
        let credentials = ImportDocument(try Fixtures.file(Self.credentialSignIns))
        #expect(ImportRegistry.detect(credentials).map(\.name) == [Self.credentialKind])
        let document = ImportDocument(try Fixtures.file(Self.signIns))
        #expect(ImportRegistry.detect(document).map(\.name) == [Self.kind])
    }
}
