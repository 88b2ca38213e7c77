import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The gcloud shape (`Tests/Fixtures/imports/gcp/`, written by hand after gcloud's output):
/// `service-accounts.json`, `service-account-keys.json` and the project policy
/// `acme-data-prod.json`, joined by e-mail. Expected values are read from those files, at
/// 2026-11-01 with the default thresholds.
@Suite("Google Cloud: gcloud exports joined")
struct GoogleCloudGcloudShapeTests {
    static let directory = "Tests/Fixtures/imports/gcp/"

    static func imported() throws -> ImportedInventory {
        try ImportFixtures.run([
            (kind: "gcp-service-accounts", path: directory + "service-accounts.json"),
            (kind: "gcp-service-account-keys", path: directory + "service-account-keys.json"),
            (kind: "gcp-iam-policy", path: directory + "acme-data-prod.json"),
        ])
    }

    static func identity(_ id: String, in imported: ImportedInventory) throws -> Identity {
        try #require(imported.identities.first { $0.id == id })
    }

    static func tag(_ identity: Identity, _ key: String) -> String? {
        identity.tags.first { $0.key == key }?.value
    }

    static let loader = "loader@acme-data-prod.iam.gserviceaccount.com"
    static let deployer = "ci-deployer@acme-data-prod.iam.gserviceaccount.com"
    static let compute = "123456789012-compute@developer.gserviceaccount.com"
    static let cloudBuild = "service-123456789012@gcp-sa-cloudbuild.iam.gserviceaccount.com"
    static let workload =
        "principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/warehouse"
    static let legacy = "legacy-etl@acme-data-prod.iam.gserviceaccount.com?uid=112233445566778899001"

    @Test("listings first, then accounts known only from a key or a binding")
    func identities() throws {
        let imported = try Self.imported()
        #expect(imported.errors.isEmpty)
        #expect(
            imported.identities.map(\.id) == [
                Self.loader, Self.deployer, "old-batch@acme-data-prod.iam.gserviceaccount.com", Self.compute,
                "acme-data-prod@appspot.gserviceaccount.com", "ghost@acme-data-prod.iam.gserviceaccount.com",
                Self.cloudBuild, Self.workload, Self.legacy, "reports@acme-web-dev.iam.gserviceaccount.com",
            ]
        )
        let loader = try Self.identity(Self.loader, in: imported)
        #expect(loader.name == "Warehouse loader")
        #expect(loader.owner == "team-data")  // "owner: team-data" in the description
        #expect(!loader.unreported.contains(.owner))
        #expect(
            loader.unreported == [
                .lastUsed, .credentialLastUsed, .environment, .trustZone, .credentialStorage, .interactiveUse,
                .sharedAccount,
            ]
        )
        #expect(
            loader.origin
                == RecordOrigin(
                    kind: "gcp-service-accounts",
                    file: Self.directory + "service-accounts.json",
                    record: "line 2"
                )
        )

        let deployer = try Self.identity(Self.deployer, in: imported)
        #expect(deployer.owner == nil)
        #expect(deployer.unreported.contains(.owner))

        #expect(try Self.identity("old-batch@acme-data-prod.iam.gserviceaccount.com", in: imported).status == .disabled)
        #expect(
            Self.tag(try Self.identity(Self.compute, in: imported), "gcp:default-account") == "compute-engine-default"
        )
        #expect(
            Self.tag(
                try Self.identity("acme-data-prod@appspot.gserviceaccount.com", in: imported),
                "gcp:default-account"
            )
                == "app-engine-default"
        )
        let agent = try Self.identity(Self.cloudBuild, in: imported)
        #expect(Self.tag(agent, "gcp:service-agent") == "true")
        #expect(Self.tag(agent, "gcp:project") == nil)
        #expect(agent.origin?.kind == "gcp-iam-policy")

        let workload = try Self.identity(Self.workload, in: imported)
        #expect(workload.kind == .workloadIdentity)
        #expect(workload.authentication == .federated)

        let legacy = try Self.identity(Self.legacy, in: imported)
        #expect(legacy.status == .deleted)
        #expect(legacy.name == "legacy-etl@acme-data-prod.iam.gserviceaccount.com")

        let reports = try Self.identity("reports@acme-web-dev.iam.gserviceaccount.com", in: imported)
        #expect(Self.tag(reports, "gcp:project") == "acme-web-dev")
        #expect(reports.roleBindings == [RoleBinding(role: "gcp:roles/bigquery.dataViewer", scope: "acme-data-prod")])
    }

    @Test("user-managed keys join their accounts across files; system-managed keys are left out")
    func keys() throws {
        let imported = try Self.imported()
        let loader = try Self.identity(Self.loader, in: imported)
        #expect(
            loader.credentials.map(\.id) == [
                "key-4f1c2a9e7b3d", "key-0a1b2c3d4e5f",
            ]
        )
        let first = loader.credentials[0]
        #expect(first.type == .privateKey)
        #expect(first.status == .active)
        #expect(first.created == Timestamp(iso8601: "2026-09-15T10:00:00Z"))
        #expect(first.expires == nil)  // 9999-12-31T23:59:59Z: never expires
        #expect(first.origin?.kind == "gcp-service-account-keys")
        #expect(first.origin?.record == "line 2")

        let deployer = try Self.identity(Self.deployer, in: imported)
        #expect(deployer.credentials.map(\.status) == [.active, .disabled, .active])
        #expect(deployer.credentials[0].expires == Timestamp(iso8601: "2026-12-31T00:00:00Z"))

        let ghost = try Self.identity("ghost@acme-data-prod.iam.gserviceaccount.com", in: imported)
        #expect(ghost.credentials.map(\.id) == ["key-555566667777"])
        #expect(ghost.origin?.kind == "gcp-service-account-keys")
        #expect(!String(describing: imported).contains("key-9e8d7c6b5a4f"))
    }

    @Test("key findings: rotation (90 days) and expiry (180 days for static secrets)")
    func keyFindings() throws {
        let imported = try Self.imported()
        // Results are keyed identity/credential; the disabled key (ffeedd…) and the one valid
        // only until 2026-06-01 (abcdef…) are not applicable and have none.
        let loader = Self.loader
        let deployer = Self.deployer
        let ghost = "ghost@acme-data-prod.iam.gserviceaccount.com"
        let rotation = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        #expect(
            rotation == [
                "\(loader)/key-4f1c2a9e7b3d": .pass,  // 2026-09-15: 47 days
                "\(loader)/key-0a1b2c3d4e5f": .fail,  // 2025-01-10: 660 days
                "\(deployer)/key-112233445566": .pass,  // 2026-09-01: 61 days
                "\(ghost)/key-555566667777": .fail,  // 2026-07-01: 123 days
            ]
        )
        let expiry = try ImportFixtures.results(of: "CW-CRED-04", on: imported)
        #expect(
            expiry == [
                "\(loader)/key-4f1c2a9e7b3d": .fail,  // never expires
                "\(loader)/key-0a1b2c3d4e5f": .fail,  // never expires
                "\(deployer)/key-112233445566": .pass,  // 121 days
                "\(ghost)/key-555566667777": .fail,  // never expires
            ]
        )
    }

    @Test("bindings: owner and editor fail CW-AUTHZ-02; impersonation roles are privileged for agents")
    func privileges() throws {
        let imported = try Self.imported()
        let administrative = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(administrative[Self.loader] == .fail)  // roles/owner
        #expect(administrative[Self.compute] == .fail)  // roles/editor
        #expect(administrative[Self.cloudBuild] == .fail)  // roles/editor
        #expect(administrative[Self.deployer] == .pass)  // token creator, service account user
        #expect(administrative[Self.workload] == .pass)
        #expect(administrative["old-batch@acme-data-prod.iam.gserviceaccount.com"] == .pass)
        #expect(administrative["acme-data-prod@appspot.gserviceaccount.com"] == .pass)
        #expect(administrative[Self.legacy] == nil)  // deleted: not applicable

        let deployer = try Self.identity(Self.deployer, in: imported)
        #expect(
            deployer.roleBindings == [
                RoleBinding(role: "gcp:roles/iam.serviceAccountTokenCreator", scope: "acme-data-prod"),
                RoleBinding(
                    role: "gcp:roles/iam.serviceAccountUser",
                    scope: "acme-data-prod (condition: release-window)"
                ),
            ]
        )
        #expect(
            imported.roles.map(\.id) == [
                "gcp:roles/owner", "gcp:roles/editor", "gcp:roles/iam.serviceAccountTokenCreator",
                "gcp:roles/iam.serviceAccountUser", "gcp:roles/bigquery.dataViewer", "gcp:roles/storage.objectViewer",
            ]
        )
        #expect(imported.roles.map(\.administrative) == [true, true, false, false, false, false])
        #expect(imported.roles[0].permissions == ["*"])
        #expect(imported.roles[4].permissions.isEmpty)  // not in the table: kept by name
        #expect(imported.roles.allSatisfy { $0.platform == "gcp" })

        // As agents: token creation and actAs are privileged by default; a role Crosswalk does
        // not know grants nothing it can see.
        var agents = imported
        for index in agents.identities.indices { agents.identities[index].kind = .agent }
        let privileged = try ImportFixtures.results(of: "CW-AUTHZ-01", on: agents)
        #expect(privileged[Self.deployer] == .fail)
        #expect(privileged[Self.workload] == .fail)
        #expect(privileged[Self.loader] == .fail)
        #expect(privileged["acme-data-prod@appspot.gserviceaccount.com"] == .pass)
        #expect(privileged["old-batch@acme-data-prod.iam.gserviceaccount.com"] == .pass)
    }

    @Test("warnings: orphaned binding, public grant, unknown member type, roles without permissions")
    func warnings() throws {
        let imported = try Self.imported()
        let messages = imported.warnings.map(\.message)
        let orphan = try #require(imported.warnings.first { $0.message.hasPrefix("orphaned binding") })
        #expect(orphan.file == Self.directory + "acme-data-prod.json")
        #expect(orphan.location?.line == 54)
        #expect(orphan.keyPath == "bindings[4].members[0]")
        #expect(
            messages.contains {
                $0.hasPrefix("public grant: roles/storage.objectViewer on acme-data-prod is granted to allUsers")
            }
        )
        #expect(messages.contains { $0.contains("unknown member type 'robot'") })
        #expect(messages.contains { $0.contains("'roles/bigquery.dataViewer', 'roles/storage.objectViewer'") })
        #expect(!messages.contains { $0.contains("does not log service-account use") })
    }

    @Test("allServices DATA_READ logs use: CW-LOG-01 passes for gcp")
    func logging() throws {
        let imported = try Self.imported()
        #expect(imported.logging["gcp"] == PlatformLogging(issuance: true, use: true, revocation: true))
        #expect(try ImportFixtures.results(of: "CW-LOG-01", on: imported) == ["gcp": .pass])
    }

    @Test("without an audit configuration no logging facts are set")
    func noAuditConfig() throws {
        let imported = try ImportFixtures.run([
            (kind: "gcp-service-accounts", path: Self.directory + "service-accounts.json")
        ])
        #expect(imported.logging.isEmpty)
        #expect(try ImportFixtures.results(of: "CW-LOG-01", on: imported) == ["gcp": .notAssessed])
    }
}
