import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Policy Analyzer activity (`activity.json`): last authentications of service accounts and keys
/// become `last_used`, joined by e-mail or unique id to the accounts of `service-accounts.json`
/// and the keys of `service-account-keys.json`. Evaluated at 2026-11-01, inactivity window 90 days.
@Suite("Google Cloud: last authentication activity")
struct GoogleCloudActivityTests {
    static let directory = "Tests/Fixtures/imports/gcp/"
    static let loader = "loader@acme-data-prod.iam.gserviceaccount.com"

    static func imported() throws -> ImportedInventory {
        try ImportFixtures.run([
            (kind: "gcp-service-accounts", path: directory + "service-accounts.json"),
            (kind: "gcp-service-account-keys", path: directory + "service-account-keys.json"),
            (kind: "gcp-activity", path: directory + "activity.json"),
        ])
    }

    @Test("accounts and keys get their last authentication")
    func lastUse() throws {
        let imported = try Self.imported()
        #expect(imported.errors.isEmpty)
        let loader = try #require(imported.identities.first { $0.id == Self.loader })
        #expect(loader.lastUsed == Timestamp(iso8601: "2026-10-28T07:00:00Z"))
        #expect(
            loader.credentials.map(\.lastUsed) == [
                Timestamp(iso8601: "2026-10-28T07:00:00Z"), Timestamp(iso8601: "2025-03-01T07:00:00Z"),
            ]
        )
        // Both of its keys have a last use now: nothing about use is left unreported.
        #expect(!loader.unreported.contains(.lastUsed))
        #expect(!loader.unreported.contains(.credentialLastUsed))

        // Named by unique id in the activity, joined through the listing's uniqueId.
        let deployer = try #require(imported.identities.first { $0.id.hasPrefix("ci-deployer@") })
        #expect(deployer.lastUsed == Timestamp(iso8601: "2026-02-01T07:00:00Z"))
        #expect(!deployer.unreported.contains(.lastUsed))
        #expect(deployer.unreported.contains(.credentialLastUsed))  // its keys have no activity

        // Accounts without activity keep last use unreported.
        let oldBatch = try #require(imported.identities.first { $0.id.hasPrefix("old-batch@") })
        #expect(oldBatch.lastUsed == nil)
        #expect(oldBatch.unreported.contains(.lastUsed))
        #expect(imported.identities.count == 6)  // no identity made up for the unresolved unique id
    }

    @Test("unused keys: CW-CRED-07 from the keys' last authentication")
    func unusedKeys() throws {
        let imported = try Self.imported()
        let results = try ImportFixtures.results(of: "CW-CRED-07", on: imported)
        #expect(results["\(Self.loader)/key-4f1c2a9e7b3d"] == .pass)  // 4 days ago
        #expect(results["\(Self.loader)/key-0a1b2c3d4e5f"] == .fail)  // 610 days ago
        let lifecycle = try ImportFixtures.results(of: "CW-LIFE-02", on: imported)
        #expect(lifecycle[Self.loader] == .pass)
    }

    @Test("unknown activity types and unresolved unique ids warn once")
    func warnings() throws {
        let imported = try Self.imported()
        let messages = imported.warnings.map(\.message)
        #expect(messages.filter { $0.contains("'serviceAccountImpersonation' is not one Crosswalk reads") }.count == 1)
        #expect(messages.contains { $0.hasPrefix("1 activity names its service account by unique id only") })
    }

    @Test("detected as activity, and no other Google Cloud kind")
    func detection() throws {
        let document = ImportDocument(try Fixtures.file(Self.directory + "activity.json"))
        #expect(ImportRegistry.detect(document).map(\.name).filter { $0.hasPrefix("gcp-") } == ["gcp-activity"])
    }
}
