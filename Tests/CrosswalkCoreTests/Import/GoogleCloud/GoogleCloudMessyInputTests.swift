import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Real-world mess in Google Cloud exports: other wrappers (YAML streams, raw API envelopes,
/// newline-delimited JSON), pagination, empty and malformed files, unknown values, and secret
/// material that must never come through.
@Suite("Google Cloud: wrappers, partial and malformed exports, secrets")
struct GoogleCloudMessyInputTests {
    static let directory = "Tests/Fixtures/imports/gcp/"

    static func run(_ files: (String, String)...) throws -> ImportedInventory {
        try ImportFixtures.run(files.map { (kind: $0.0, path: directory + $0.1) })
    }

    @Test("a gcloud --format=yaml stream reads like the JSON list, with lines in the file")
    func yamlStream() throws {
        let yaml = try Self.run(("gcp-service-accounts", "service-accounts.yaml"))
        let json = try Self.run(("gcp-service-accounts", "service-accounts.json"))
        #expect(yaml.errors.isEmpty)
        #expect(
            yaml.identities.map(\.id) == [
                "loader@acme-data-prod.iam.gserviceaccount.com", "old-batch@acme-data-prod.iam.gserviceaccount.com",
                "123456789012-compute@developer.gserviceaccount.com",
            ]
        )
        for identity in yaml.identities {
            let same = try #require(json.identities.first { $0.id == identity.id })
            #expect(identity.name == same.name)
            #expect(identity.status == same.status)
            #expect(identity.owner == same.owner)
            #expect(identity.tags == same.tags)
        }
        // Each document starts on the line after its `---`.
        #expect(yaml.identities.map { $0.origin?.record } == ["line 2", "line 11", "line 20"])
    }

    @Test("raw API envelopes: accounts with nextPageToken warn that the export is incomplete; keys")
    func envelopes() throws {
        let imported = try Self.run(
            ("gcp-service-accounts", "service-accounts-page.json"),
            ("gcp-service-account-keys", "service-account-keys-envelope.json"),
            ("gcp-iam-policy", "acme-web-dev.yaml")
        )
        #expect(imported.errors.isEmpty)
        #expect(
            imported.identities.map(\.id) == [
                "reports@acme-web-dev.iam.gserviceaccount.com", "cache-warmer@acme-web-dev.iam.gserviceaccount.com",
            ]
        )
        let incomplete = try #require(imported.warnings.first { $0.message.contains("the export is incomplete") })
        #expect(incomplete.file == Self.directory + "service-accounts-page.json")
        #expect(incomplete.location?.line == 21)
        #expect(imported.identities[0].origin?.record == "line 3")
        #expect(imported.identities[0].credentials.map(\.id) == ["key-222233334444"])
        #expect(imported.identities[1].name == "cache-warmer@acme-web-dev.iam.gserviceaccount.com")

        // The YAML policy: Project IAM Admin is administrative; a custom role is kept by name.
        #expect(
            imported.roles.map(\.id) == [
                "gcp:roles/resourcemanager.projectIamAdmin", "gcp:projects/acme-web-dev/roles/cacheWarmer",
            ]
        )
        #expect(imported.identities[1].roleBindings.map(\.scope) == ["acme-web-dev"])
        let administrative = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(administrative == [imported.identities[0].id: .fail, imported.identities[1].id: .pass])
        // ADMIN_READ alone does not log use.
        #expect(imported.logging["gcp"] == PlatformLogging(issuance: true, use: false, revocation: true))
    }

    @Test("newline-delimited asset export in camelCase: keys named by unique id join their account")
    func assetStream() throws {
        let imported = try Self.run(("gcp-asset-inventory", "asset-export.ndjson"))
        #expect(imported.errors.isEmpty)
        let trainer = try #require(imported.identities.first)
        #expect(imported.identities.count == 1)
        #expect(trainer.id == "trainer@acme-ml.iam.gserviceaccount.com")
        #expect(trainer.origin?.record == "line 1")
        #expect(trainer.credentials.map(\.id) == ["key-777788889999"])
        #expect(trainer.credentials[0].origin?.record == "line 2")
        #expect(trainer.roleBindings == [RoleBinding(role: "gcp:roles/editor", scope: "projects/998877665544")])
        // DATA_READ on iamcredentials.googleapis.com logs token minting for service accounts.
        #expect(imported.logging["gcp"] == PlatformLogging(issuance: true, use: true, revocation: true))
    }

    @Test("secret material never comes through: key data is not read, a pasted token is redacted")
    func secrets() throws {
        let imported = try Self.run(
            ("gcp-service-account-keys", "service-account-keys.json"),
            ("gcp-asset-inventory", "asset-export.ndjson")
        )
        let everything = String(describing: imported)
        let keyFile = try Fixtures.text(Self.directory + "service-account-keys.json")
        #expect(keyFile.contains("ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIs"))
        #expect(!everything.contains("ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIs"))
        #expect(!everything.contains("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"))
        #expect(!everything.contains("TYPE_GOOGLE_CREDENTIALS_FILE"))
        #expect(!everything.contains("ghp_Zq8mL2xW9vB4nR7tY1uK3pD6sF0gH5jA2cE8"))
        let trainer = try #require(imported.identities.first { $0.id == "trainer@acme-ml.iam.gserviceaccount.com" })
        let description = try #require(trainer.tags.first { $0.key == "gcp:description" }?.value)
        #expect(description.contains("[redacted]"))
        #expect(description.hasPrefix("Trains models"))
    }

    @Test("malformed key records are skipped with file, line and key path; the rest is read")
    func malformedKeys() throws {
        let imported = try Self.run(("gcp-service-account-keys", "malformed-keys.json"))
        #expect(imported.errors.isEmpty)
        let backup = try #require(imported.identities.first)
        #expect(backup.id == "backup@acme-ops.iam.gserviceaccount.com")
        #expect(
            backup.credentials.map(\.id) == [
                "key-aaaa1111bbbb", "key-bbbb2222cccc",
                "key-cccc3333dddd",
            ]
        )
        // "last tuesday" is no time: the key is kept with no creation date.
        #expect(backup.credentials[0].created == nil)
        let notATime = try #require(imported.warnings.first { $0.message.contains("is not a time") })
        #expect(notATime.location?.line == 5)
        #expect(notATime.keyPath == "[0].validAfterTime")
        // An offset and Python's space-separated form are both read.
        #expect(backup.credentials[1].created == Timestamp(iso8601: "2026-09-30T22:00:00Z"))
        #expect(backup.credentials[2].created == Timestamp(iso8601: "2026-10-02T00:00:00Z"))
        #expect(backup.credentials[2].expires == Timestamp(iso8601: "2027-10-02T00:00:00Z"))

        let mapping = try #require(imported.warnings.first { $0.message.contains("must be a mapping") })
        #expect(mapping.location?.line == 8)
        #expect(mapping.keyPath == "[1]")
        let unnamed = try #require(imported.warnings.first { $0.message.contains("has no name") })
        #expect(unnamed.location?.line == 9)
        #expect(unnamed.keyPath == "[2].name")
        // The unknown key type is kept, with one warning for the two keys that carry it.
        #expect(imported.warnings.filter { $0.message.contains("unknown key type 'EPHEMERAL_MANAGED'") }.count == 1)
    }

    @Test("malformed service accounts and bindings are skipped with their location")
    func malformedAccountsAndBindings() throws {
        let imported = try Self.run(
            ("gcp-service-accounts", "malformed-service-accounts.yaml"),
            ("gcp-iam-policy", "malformed-policy.json")
        )
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.map(\.id) == ["backup@acme-ops.iam.gserviceaccount.com"])
        let backup = imported.identities[0]
        #expect(backup.status == .active)  // disabled: "false"
        // Only the third binding is whole; its non-string member is skipped.
        #expect(backup.roleBindings == [RoleBinding(role: "gcp:roles/owner", scope: "malformed-policy")])
        let lines = imported.warnings.filter { $0.message.hasPrefix("skipped") }.map {
            "\($0.file.split(separator: "/").last ?? ""):\($0.location?.line ?? 0) \($0.keyPath ?? "")"
        }
        #expect(
            lines == [
                "malformed-service-accounts.yaml:1 [0].email", "malformed-service-accounts.yaml:4 [1]",
                "malformed-policy.json:3 bindings[0].role", "malformed-policy.json:7 bindings[1].members",
                "malformed-policy.json:11 bindings[2].members[0]",
            ]
        )
    }

    @Test("an empty export warns; a file of another shape is an error")
    func emptyAndWrongShape() {
        let imported = ImportFixtures.run(texts: [
            (kind: "gcp-service-accounts", name: "empty.json", text: "[]\n"),
            (kind: "gcp-service-account-keys", name: "keys.json", text: #"{"keys": []}"#),
            (
                kind: "gcp-service-accounts", name: "wrong.json",
                text: #"[{"UserName": "bob", "Arn": "arn:aws:iam::1:user/bob"}]"#
            ),
            (kind: "gcp-asset-inventory", name: "policy.json", text: #"{"bindings": [], "etag": "x"}"#),
            (kind: "gcp-iam-policy", name: "list.json", text: #"[{"email": "a@b.iam.gserviceaccount.com"}]"#),
            (kind: "gcp-service-account-keys", name: "broken.json", text: #"[{"name": "projects/p/"#),
            (
                kind: "gcp-iam-policy", name: "accounts.json",
                text: #"[{"email": "a@p.iam.gserviceaccount.com", "etag": "x"}]"#
            ),
            (kind: "gcp-iam-policy", name: "empty-policy.json", text: #"{"etag": "ACAB", "version": 1}"#),
        ])
        #expect(imported.identities.isEmpty)
        #expect(
            imported.warnings.filter { $0.message.hasPrefix("the export is empty") }.map(\.file) == [
                "empty.json", "keys.json",
            ]
        )
        #expect(
            imported.errors.map(\.file) == ["wrong.json", "policy.json", "list.json", "broken.json", "accounts.json"]
        )
        #expect(imported.errors[0].message.hasPrefix("not a service account list"))
        #expect(imported.errors[1].message.hasPrefix("not a Cloud Asset Inventory export"))
        #expect(imported.errors[2].message.hasPrefix("not an IAM policy"))
    }

    @Test("an asset envelope with a page token warns; unknown log types are kept with one warning")
    func assetEnvelope() {
        let text = """
            {"assets": [
              {"name": "//cloudresourcemanager.googleapis.com/projects/1", "assetType": "cloudresourcemanager.googleapis.com/Project",
               "iamPolicy": {"bindings": [{"role": "roles/owner", "members": ["serviceAccount:ops@p.iam.gserviceaccount.com"]}],
                             "auditConfigs": [{"service": "allServices", "auditLogConfigs": [{"logType": 7}, {"logType": 3}]}]}},
              {"name": "//cloudresourcemanager.googleapis.com/projects/2", "assetType": "cloudresourcemanager.googleapis.com/Project",
               "iamPolicy": {"auditConfigs": [{"service": "allServices", "auditLogConfigs": [{"logType": 7}]}]}}
            ],
             "nextPageToken": "abc", "readTime": "2026-10-31T00:00:00Z"}
            """
        let imported = ImportFixtures.run(texts: [(kind: "gcp-asset-inventory", name: "assets.json", text: text)])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.map(\.id) == ["ops@p.iam.gserviceaccount.com"])
        #expect(imported.warnings.contains { $0.message.contains("the export is incomplete") })
        #expect(imported.warnings.filter { $0.message.contains("unknown audit log type '7'") }.count == 1)
        // Project 1 logs DATA_READ for allServices, project 2 does not: use is not logged everywhere.
        #expect(imported.logging["gcp"]?.use == false)
    }

    @Test("newline-delimited JSON: a broken line is skipped with its line number, the others are read")
    func brokenLine() {
        let asset = { (name: String) in
            #"{"name": "//iam.googleapis.com/projects/p/serviceAccounts/\#(name)", "asset_type": "iam.googleapis.com/ServiceAccount", "resource": {"data": {"email": "\#(name)"}}}"#
        }
        let text = [
            asset("a@p.iam.gserviceaccount.com"), #"{"name": "//iam.googleapis.com/projects/p/serv"#, "",
            asset("b@p.iam.gserviceaccount.com"),
        ]
        .joined(separator: "\n")
        let imported = ImportFixtures.run(texts: [
            (kind: "gcp-asset-inventory", name: "assets.json", text: text),
            (kind: "gcp-asset-inventory", name: "one.jsonl", text: asset("c@p.iam.gserviceaccount.com") + "\n"),
        ])
        #expect(imported.errors.isEmpty)
        #expect(
            imported.identities.map(\.id) == [
                "a@p.iam.gserviceaccount.com", "b@p.iam.gserviceaccount.com", "c@p.iam.gserviceaccount.com",
            ]
        )
        #expect(imported.identities.map { $0.origin?.record } == ["line 1", "line 4", "line 1"])
        let broken = imported.warnings.filter { $0.message.hasPrefix("skipped: line 2 is not a JSON record") }
        #expect(broken.count == 1)
        #expect(broken.first?.location?.line == 2)
    }

    @Test("a YAML stream: a document that does not parse is skipped with its line, the others are read")
    func brokenDocument() {
        let text = """
            ---
            email: a@p.iam.gserviceaccount.com
            name: projects/p/serviceAccounts/a@p.iam.gserviceaccount.com
            ---
            email: [unclosed
            name: projects/p/serviceAccounts/x@p.iam.gserviceaccount.com
            ---
            email: b@p.iam.gserviceaccount.com
            name: projects/p/serviceAccounts/b@p.iam.gserviceaccount.com
            """
        let imported = ImportFixtures.run(texts: [(kind: "gcp-service-accounts", name: "sa.yaml", text: text)])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.map(\.id) == ["a@p.iam.gserviceaccount.com", "b@p.iam.gserviceaccount.com"])
        #expect(imported.identities.map { $0.origin?.record } == ["line 2", "line 8"])
        let broken = imported.warnings.filter { $0.message.hasPrefix("skipped: YAML document 2 (from line 5)") }
        #expect(broken.count == 1)
        #expect((broken.first?.location?.line ?? 0) >= 5)
    }

    @Test("protobuf-style key records: numbered key types and snake_case times")
    func protobufKeys() {
        let name = "//iam.googleapis.com/projects/p/serviceAccounts/a@p.iam.gserviceaccount.com/keys/"
        let text = """
            [{"name": "\(name)k1", "asset_type": "iam.googleapis.com/ServiceAccountKey",
              "resource": {"data": {"key_type": 1, "valid_after_time": "2026-10-01T00:00:00Z", "valid_before_time": "2026-12-01T00:00:00Z"}}},
             {"name": "\(name)k2", "asset_type": "iam.googleapis.com/ServiceAccountKey",
              "resource": {"data": {"key_type": 2, "valid_after_time": "2026-10-01T00:00:00Z"}}}]
            """
        let imported = ImportFixtures.run(texts: [(kind: "gcp-asset-inventory", name: "keys.json", text: text)])
        #expect(imported.errors.isEmpty)
        let account = imported.identities.first
        #expect(account?.credentials.map(\.id) == ["k1"])
        #expect(account?.credentials.first?.created == Timestamp(iso8601: "2026-10-01T00:00:00Z"))
        #expect(account?.credentials.first?.expires == Timestamp(iso8601: "2026-12-01T00:00:00Z"))
        #expect(!imported.warnings.contains { $0.message.contains("key type") || $0.message.contains("keyType") })
    }

    @Test("keys naming an unlisted account by unique id are kept under it, with one warning")
    func unresolvedUniqueID() {
        let key = { (id: String) in
            #"{"name": "//iam.googleapis.com/projects/acme-ml/serviceAccounts/118800112233445566778/keys/\#(id)", "asset_type": "iam.googleapis.com/ServiceAccountKey", "resource": {"data": {"keyType": "USER_MANAGED", "validAfterTime": "2026-10-01T00:00:00Z"}}}"#
        }
        let imported = ImportFixtures.run(texts: [
            (kind: "gcp-asset-inventory", name: "keys.json", text: "[\(key("k1")), \(key("k2"))]")
        ])
        #expect(imported.identities.map(\.id) == ["gcp:projects/acme-ml/serviceAccounts/118800112233445566778"])
        #expect(imported.identities.first?.credentials.map(\.id) == ["k1", "k2"])
        #expect(imported.warnings.filter { $0.message.contains("by unique id '118800112233445566778'") }.count == 1)
    }

    @Test("IAM policy search results: each policy scoped to its resource")
    func policySearch() throws {
        let imported = try Self.run(
            ("gcp-service-accounts", "service-accounts.json"),
            ("auto", "iam-policy-search.json")
        )
        #expect(imported.errors.isEmpty)
        #expect(imported.sources.last?.kind == "gcp-asset-inventory")
        let loader = try #require(imported.identities.first { $0.id.hasPrefix("loader@") })
        #expect(loader.roleBindings == [RoleBinding(role: "gcp:roles/owner", scope: "projects/acme-data-prod")])
        // Token Creator on the loader account itself: the deployer can act as the loader.
        let deployer = try #require(imported.identities.first { $0.id.hasPrefix("ci-deployer@") })
        #expect(
            deployer.roleBindings == [
                RoleBinding(
                    role: "gcp:roles/iam.serviceAccountTokenCreator",
                    scope:
                        "iam.googleapis.com/projects/acme-data-prod/serviceAccounts/loader@acme-data-prod.iam.gserviceaccount.com"
                )
            ]
        )
        #expect(deployer.origin?.kind == "gcp-service-accounts")
        #expect(!imported.warnings.contains { $0.message.hasPrefix("skipped") })
    }

    @Test("an asset with neither resource data nor a policy is skipped with a warning")
    func bareAsset() {
        let text =
            #"[{"name": "//iam.googleapis.com/projects/p/serviceAccounts/1", "asset_type": "iam.googleapis.com/ServiceAccount"}]"#
        let imported = ImportFixtures.run(texts: [(kind: "gcp-asset-inventory", name: "bare.json", text: text)])
        #expect(imported.identities.isEmpty)
        let warning = imported.warnings.first { $0.message.hasPrefix("skipped: the asset has neither") }
        #expect(warning?.keyPath == "[0].resource.data")
        #expect(warning?.location?.line == 1)
    }

    @Test("exports given as the wrong Google Cloud kind are errors, not misread")
    func wrongKinds() throws {
        let imported = try Self.run(
            ("gcp-service-accounts", "service-account-keys.json"),
            ("gcp-service-accounts", "../../real-inputs/gcp/cai_service_accounts.json"),
            ("gcp-service-account-keys", "service-accounts.json"),
            ("gcp-iam-policy", "service-accounts.json"),
            ("gcp-activity", "service-accounts.json"),
            ("gcp-service-account-keys", "../../real-inputs/gcp/cai_service_account_keys_age.json")
        )
        #expect(imported.identities.isEmpty)
        #expect(imported.errors.count == 6)
        #expect(imported.errors.allSatisfy { $0.message.hasPrefix("not a") })
    }
}
