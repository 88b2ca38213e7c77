import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The five Cloud Asset Inventory samples from policy-library (`Tests/Fixtures/real-inputs/gcp/`):
/// every expected value below is read from the sample files, with the evaluation time
/// 2026-11-01 and the default thresholds (rotation 90 days, static-secret lifetime 180 days).
@Suite("Google Cloud: real Cloud Asset Inventory samples")
struct GoogleCloudRealSampleTests {
    static let directory = "Tests/Fixtures/real-inputs/gcp/"
    static let allFields: UnreportedFields = [
        .owner, .lastUsed, .credentialLastUsed, .environment, .trustZone, .credentialStorage, .interactiveUse,
        .sharedAccount,
    ]

    static func imported(_ files: String...) throws -> ImportedInventory {
        try ImportFixtures.run(files.map { (kind: "gcp-asset-inventory", path: directory + $0) })
    }

    static func tag(_ identity: Identity, _ key: String) -> String? {
        identity.tags.first { $0.key == key }?.value
    }

    @Test("service accounts: e-mail ids, display names, projects, origins")
    func serviceAccounts() throws {
        let imported = try Self.imported("cai_service_accounts.json")
        #expect(imported.errors.isEmpty)
        #expect(
            imported.identities.map(\.id) == [
                "myserviceaccount@test-project.iam.gserviceaccount.com",
                "773711848681-ke5v18ndptc8j6cb5rraooik5kh0plcs@developer.gserviceaccount.com",
                "my-account@test-project.iam.gserviceaccount.com",
            ]
        )
        // The third has no displayName: its name is its e-mail.
        #expect(
            imported.identities.map(\.name) == ["myserviceaccount", "Service account 6", imported.identities[2].id]
        )
        for identity in imported.identities {
            #expect(identity.kind == .serviceAccount)
            #expect(identity.platform == "gcp")
            #expect(identity.status == .active)
            #expect(identity.credentials.isEmpty)
            #expect(identity.unreported == Self.allFields)
            #expect(Self.tag(identity, "gcp:project") == "test-project")
            // A developer.gserviceaccount.com account that is not <number>-compute is no default.
            #expect(Self.tag(identity, "gcp:default-account") == nil)
        }
        #expect(Self.tag(imported.identities[0], "gcp:unique-id") == "102628377948083709745")
        #expect(
            imported.identities.map { $0.origin?.record } == ["line 2", "line 21", "line 40"]
        )
        #expect(imported.identities[0].origin?.kind == "gcp-asset-inventory")
        #expect(imported.identities[0].origin?.file == Self.directory + "cai_service_accounts.json")
        #expect(imported.roles.isEmpty)
        #expect(imported.logging.isEmpty)
    }

    @Test("key ages: rotation and expiry judged from validAfterTime and validBeforeTime")
    func keyAges() throws {
        let imported = try Self.imported("cai_service_account_keys_age.json")
        #expect(imported.errors.isEmpty)
        // The keys name their account; no listing of it was imported, so it is implied.
        let account = try #require(imported.identities.first)
        #expect(imported.identities.count == 1)
        #expect(account.id == "111111-compute@developer.gserviceaccount.com")
        #expect(Self.tag(account, "gcp:default-account") == "compute-engine-default")
        #expect(Self.tag(account, "gcp:project") == "forseti-system-test")
        #expect(
            account.credentials.map(\.id) == [
                "testkeyageover90days", "testkeyageover100days", "testkeyageover100000days", "testkeyagefuture",
                "testkeyexpired",
            ]
        )
        for credential in account.credentials {
            #expect(credential.type == .privateKey)
            #expect(credential.origin?.kind == "gcp-asset-inventory")
        }
        let over90 = account.credentials[0]
        #expect(over90.created == Timestamp(iso8601: "2017-08-21T07:55:36Z"))
        #expect(over90.expires == Timestamp(iso8601: "2200-08-22T19:55:36Z"))
        #expect(account.credentials[2].expires == Timestamp(iso8601: "2999-08-22T19:55:36Z"))
        #expect(account.credentials[4].origin?.record == "line 46")
        // No keyType in this sample: read as user-managed, with one warning for the file.
        #expect(imported.warnings.filter { $0.message.contains("without keyType") }.count == 1)

        // CW-CRED-02 (90 days): created 2017 and 2018 → far too old; created in 2200 → a date after
        // the evaluation time, not assessed; valid only until 2017-08-22 → no longer usable.
        // (Results are keyed identity/credential; not-applicable subjects have none.)
        let key = { (id: String) in "\(account.id)/\(id)" }
        let rotation = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        #expect(rotation[key("testkeyageover90days")] == .fail)
        #expect(rotation[key("testkeyageover100days")] == .fail)
        #expect(rotation[key("testkeyageover100000days")] == .fail)
        #expect(rotation[key("testkeyagefuture")] == .notAssessed)
        #expect(rotation[key("testkeyexpired")] == nil)
        #expect(rotation.count == 4)

        // CW-CRED-04 (static secrets: 180 days): 2017→2200 and 2018→2999 are centuries; the
        // future key lives 36 hours (2200-08-21T07:55:36Z to 2200-08-22T19:55:36Z).
        let expiry = try ImportFixtures.results(of: "CW-CRED-04", on: imported)
        #expect(expiry[key("testkeyageover90days")] == .fail)
        #expect(expiry[key("testkeyageover100days")] == .fail)
        #expect(expiry[key("testkeyageover100000days")] == .fail)
        #expect(expiry[key("testkeyagefuture")] == .pass)
        #expect(expiry[key("testkeyexpired")] == nil)
        #expect(expiry.count == 4)
    }

    @Test("key types: the system-managed key is left out, the user-managed one kept")
    func keyTypes() throws {
        let imported = try Self.imported("cai_service_account_keys_type.json")
        #expect(imported.errors.isEmpty)
        let account = try #require(imported.identities.first)
        #expect(account.credentials.map(\.id) == ["1234567890abcdef"])
        #expect(!String(describing: imported).contains("1234567891abcdef"))
        // Valid 2017-08-21 to 2017-08-22: expired long before the evaluation time.
        let rotation = try ImportFixtures.results(of: "CW-CRED-02", on: imported)
        #expect(rotation.isEmpty)
        #expect(!imported.warnings.contains { $0.message.contains("keyType") })
    }

    @Test("policy bindings: the one service account member, public grants warned, people skipped")
    func policyBindings() throws {
        let imported = try Self.imported("cai_iam_policy_bindings.json")
        #expect(imported.errors.isEmpty)
        // Members are users, groups, allUsers and allAuthenticatedUsers, and one service account.
        #expect(imported.identities.map(\.id) == ["service-12345@notiam.gserviceaccount.com"])
        let account = imported.identities[0]
        #expect(
            account.roleBindings == [RoleBinding(role: "gcp:roles/iam.serviceAccountUser", scope: "projects/12345")]
        )
        #expect(account.origin?.record == "line 9")
        #expect(imported.roles.map(\.id) == ["gcp:roles/iam.serviceAccountUser"])
        #expect(imported.roles[0].permissions.contains("iam.serviceAccounts.actAs"))
        #expect(imported.roles[0].administrative == false)

        let publicGrants = imported.warnings.filter { $0.message.hasPrefix("public grant") }
        #expect(publicGrants.count == 2)
        #expect(publicGrants.map { $0.location?.line } == [27, 28])
        #expect(publicGrants[0].message.contains("roles/viewer on projects/12345 is granted to allUsers"))

        // Service Account User is not administrative; as an agent it would hold actAs, which the
        // default privileged permissions name.
        #expect(try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported) == [account.id: .pass])
        var asAgent = imported
        asAgent.identities[0].kind = .agent
        #expect(try ImportFixtures.results(of: "CW-AUTHZ-01", on: asAgent) == [account.id: .fail])
    }

    @Test("audit configs: issuance and revocation always logged, use not (no DATA_READ on allServices or IAM)")
    func auditConfigs() throws {
        let imported = try Self.imported("cai_iam_audit_configs.json")
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.isEmpty)
        #expect(imported.logging["gcp"] == PlatformLogging(issuance: true, use: false, revocation: true))
        // The four projects lack use logging (cloudasset, sqladmin and storage only); the bucket's
        // audit configs are not a project's and are not counted.
        let warning = try #require(imported.warnings.first { $0.message.contains("does not log service-account use") })
        #expect(warning.file == Self.directory + "cai_iam_audit_configs.json")
        for project in ["good", "wrong-service", "unexpected-exemption", "wrong-log-type"] {
            #expect(warning.message.contains("projects/\(project)"))
        }
        #expect(!warning.message.contains("ignore-asset-type"))

        // With the service accounts, the gcp platform fails CW-LOG-01 on use.
        let both = try Self.imported("cai_service_accounts.json", "cai_iam_audit_configs.json")
        #expect(try ImportFixtures.results(of: "CW-LOG-01", on: both) == ["gcp": .fail])
    }

    @Test("all five samples import together, each detected as an asset inventory")
    func together() throws {
        let names = [
            "cai_service_accounts.json", "cai_service_account_keys_age.json", "cai_service_account_keys_type.json",
            "cai_iam_policy_bindings.json", "cai_iam_audit_configs.json",
        ]
        let imported = try ImportFixtures.run(names.map { (kind: "auto", path: Self.directory + $0) })
        #expect(imported.errors.isEmpty)
        #expect(imported.sources.map(\.kind) == Array(repeating: "gcp-asset-inventory", count: 5))
        #expect(imported.sources.allSatisfy { $0.detected })
        // 3 listed accounts, the compute default named by both key files, the bindings' account.
        #expect(imported.identities.count == 5)
        let compute = try #require(
            imported.identities.first { $0.id == "111111-compute@developer.gserviceaccount.com" }
        )
        #expect(compute.credentials.count == 6)
    }
}
