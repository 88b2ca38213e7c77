import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// How the loaders apply the secret screen: identifiers that look like credentials are refused
/// with their place named, free text is redacted with one warning per load, and no message
/// carries the value.
@Suite struct SecretScreenLoadingTests {
    static let accessKey = "AKIAZ7QX2M4W9P1K3J5R"
    static let gitHubToken = "ghp_Q7w2E9r4T1y6U3i8O5p0A2s7D4f9G1h6J3k8"
    static let slackToken = "xoxb-730194552618-551820394776-Qm7Rk2Vx9Lp4Tz8Wn3Hc6Jd1"
    static let secretKey = "wQ8r+Zk3/Lm7XvT2n9BpYc4Hd6Jf1Gs5Ka0Re8Tu"

    private func inventoryErrors(_ yaml: String) -> [String] {
        Fixtures.errorLines { _ = try InventoryLoader().load([InputFile(path: "inv.yaml", text: yaml)]) }
    }

    private static let refusal =
        "this identifier looks like a credential (a key, token or other secret); an identifier cannot be redacted without breaking references to it, so it is refused: replace it with a name that is not secret"

    @Test(arguments: [
        ("  - {id: \(accessKey), kind: bot}", "inv.yaml:3:10: error: identities[0].id: "),
        (
            "  - {id: a, kind: bot, spawned_by: \"(\(gitHubToken))\"}",
            "inv.yaml:3:36: error: identities[0].spawned_by: "
        ),
        (
            "  - {id: a, kind: bot, credentials: [{id: \"k+\(secretKey)\", type: token}]}",
            "inv.yaml:3:43: error: identities[0].credentials[0].id: "
        ),
        (
            "  - {id: a, kind: bot, credentials: [{id: k, type: token, shared_with: [\(slackToken)]}]}",
            "inv.yaml:3:73: error: identities[0].credentials[0].shared_with[0]: "
        ),
        (
            "  - {id: a, kind: bot, credentials: [{id: k, type: token, task: {id: \(gitHubToken)}}]}",
            "inv.yaml:3:70: error: identities[0].credentials[0].task.id: "
        ),
        (
            "  - {id: a, kind: bot, role_bindings: [\(accessKey)]}",
            "inv.yaml:3:40: error: identities[0].role_bindings[0]: "
        ),
    ])
    func refusesAnIdentifierThatLooksLikeACredential(_ line: String, _ place: String) {
        let errors = inventoryErrors("version: 1\nidentities:\n\(line)\n")
        #expect(errors.first == place + Self.refusal)
        for secret in [Self.accessKey, Self.gitHubToken, Self.slackToken, Self.secretKey] {
            #expect(!errors.joined().contains(secret))
        }
    }

    @Test func refusesARoleIDThatLooksLikeACredential() {
        let errors = inventoryErrors("version: 1\nroles:\n  - {id: \"role \(Self.gitHubToken)\"}\nidentities: []\n")
        #expect(errors == ["inv.yaml:3:10: error: roles[0].id: " + Self.refusal])
    }

    @Test func redactsEveryFreeTextFieldAndKeepsTheHarmlessRest() throws {
        let yaml = """
            version: 1
            organization: "Acme \(Self.slackToken)"
            roles:
              - {id: reader, name: "reader (\(Self.accessKey))", platform: aws, permissions: ["s3:\(Self.secretKey)"]}
            identities:
              - id: a
                kind: bot
                name: "deploy key (\(Self.accessKey))"
                owner: "svc+\(Self.gitHubToken)@example.com"
                trust_zone: "zone-\(Self.secretKey)"
                environment: production
                tools: ["kb.search", "\(Self.gitHubToken)"]
                role_bindings: [{role: reader, scope: "account/\(Self.secretKey)"}]
                credentials:
                  - id: k
                    type: api-key
                    used_in: ["ci:\(Self.secretKey)"]
            """
        let (inventory, warnings) = try InventoryLoader().load([InputFile(path: "inv.yaml", text: yaml)])
        let identity = try #require(inventory.identities.first)
        #expect(inventory.organization == "Acme [redacted]")
        #expect(inventory.roles.first?.name == "reader ([redacted])")
        #expect(inventory.roles.first?.permissions == ["s3:[redacted]"])
        #expect(identity.name == "deploy key ([redacted])")
        #expect(identity.owner == "svc+[redacted]@example.com")
        #expect(identity.trustZone == "zone-[redacted]")
        #expect(identity.tools == ["kb.search", "[redacted]"])
        #expect(identity.roleBindings.first?.scope == "account/[redacted]")
        #expect(identity.credentials.first?.usedIn == ["ci:[redacted]"])
        #expect(
            warnings.map(\.description) == [
                "inv.yaml:2:15: warning: organization: redacted 9 text value(s) in the inventory that looked like credentials (this is the first); Crosswalk never stores, logs or reports credential values"
            ]
        )
    }

    @Test func redactsAnUnknownVocabularyTermBeforeWarningAboutIt() throws {
        let yaml = """
            version: 1
            identities:
              - {id: a, kind: "bot \(Self.accessKey)", credentials: [{id: k, type: token, storage: "\(Self.gitHubToken)"}]}
            """
        let (inventory, warnings) = try InventoryLoader().load([InputFile(path: "inv.yaml", text: yaml)])
        #expect(inventory.identities.first?.kind.rawValue == "bot [redacted]")
        let text = warnings.map(\.description).joined(separator: "\n")
        #expect(
            text.contains(
                "inv.yaml:3:19: warning: identities[0].kind: unknown identity kind 'bot [redacted]' kept as written"
            )
        )
        #expect(text.contains("unknown storage location '[redacted]' kept as written"))
        #expect(!text.contains(Self.accessKey) && !text.contains(Self.gitHubToken))
    }

    @Test func keepsTheSecretOutOfTheOrganizationMismatchWarning() throws {
        let first = InputFile(path: "a.yaml", text: "version: 1\norganization: Example Corp\nidentities: []\n")
        let second = InputFile(path: "b.yaml", text: "version: 1\norganization: \(Self.slackToken)\nidentities: []\n")
        let (inventory, warnings) = try InventoryLoader().load([first, second])
        #expect(inventory.organization == "Example Corp")
        #expect(
            warnings.map(\.description).first
                == "b.yaml:2:15: warning: organization: organization '[redacted]' differs from 'Example Corp' named by an earlier inventory; the first is kept"
        )
    }

    @Test func keepsCredentialShapedKeysAndReferencesOutOfErrors() {
        let duplicateKey =
            #"{"version": 1, "identities": [{"id": "a", "kind": "bot", "tags": {"\#(Self.accessKey)": "x", "\#(Self.accessKey)": "y"}}]}"#
        let duplicate = Fixtures.errorLines {
            _ = try InventoryLoader().load([InputFile(path: "dup.json", text: duplicateKey)])
        }
        #expect(duplicate.count == 1)
        #expect(!duplicate.joined().contains(Self.accessKey))
        #expect(duplicate.joined().contains("[redacted]"))
    }

    @Test func quotesLongReferencesShortened() {
        let long = "agent-" + String(repeating: "parent-", count: 12)
        let errors = inventoryErrors("version: 1\nidentities:\n  - {id: a, kind: agent, spawned_by: \(long)}\n")
        #expect(
            errors == [
                "inv.yaml:3:38: error: identities[0].spawned_by: identity 'a' is spawned_by 'agent-parent-parent-parent-parent-parent-parent-parent-pare…', which no inventory defines"
            ]
        )
    }

    @Test func redactsPolicyStringsWithOneWarning() throws {
        let yaml = """
            version: 1
            allowed_secret_storage: [vault, "\(Self.accessKey)"]
            sensitive_actions: [{action: "pay:\(Self.gitHubToken)"}]
            approved_tools: ["kb.*", "\(Self.secretKey)"]
            trust_zone_crossings_allowed: [{from: internal, to: "\(Self.slackToken)"}]
            logging:
              "\(Self.accessKey)": {use: true}
            """
        let (policy, warnings) = try PolicyLoader().load(InputFile(path: "policy.yaml", text: yaml))
        #expect(policy.allowedSecretStorage.map(\.rawValue) == ["vault", "[redacted]"])
        #expect(policy.sensitiveActions.map(\.action) == ["pay:[redacted]"])
        #expect(policy.approvedTools == ["kb.*", "[redacted]"])
        #expect(policy.trustZoneCrossingsAllowed == [TrustZoneCrossing(from: "internal", to: "[redacted]")])
        #expect(Array(policy.logging.keys) == ["[redacted]"])
        #expect(
            warnings.map(\.description) == [
                "policy.yaml:2:33: warning: allowed_secret_storage[1]: redacted 5 text value(s) in the policy that looked like credentials (this is the first); Crosswalk never stores, logs or reports credential values"
            ]
        )
    }

    @Test func redactsCatalogTextsAndRefusesCatalogIdentifiers() throws {
        let catalog = """
            {"id": "mine", "title": "Mine \(Self.gitHubToken)", "version": "1", "attribution": "by \(Self.accessKey)",
             "entries": [{"id": "A", "title": "a", "text": "see \(Self.secretKey)"}]}
            """
        let (library, warnings) = try CatalogLoader().loadReportingWarnings(
            user: [InputFile(path: "mine.json", text: catalog)]
        )
        let loaded = try #require(library.catalog(withID: "mine"))
        #expect(loaded.title == "Mine [redacted]")
        #expect(loaded.attribution == "by [redacted]")
        #expect(loaded.entries.first?.text == "see [redacted]")
        #expect(
            warnings.map(\.description) == [
                "mine.json:1:25: warning: title: redacted 3 text value(s) in the catalogs that looked like credentials (this is the first); Crosswalk never stores, logs or reports credential values"
            ]
        )
        let refused = #"{"id": "\#(Self.accessKey)", "title": "T", "version": "1", "entries": []}"#
        #expect(
            Fixtures.errorLines { _ = try CatalogLoader().load(user: [InputFile(path: "bad.json", text: refused)]) }
                == ["bad.json:1:8: error: id: " + Self.refusal]
        )
    }
}
