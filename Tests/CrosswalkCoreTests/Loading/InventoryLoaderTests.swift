import CrosswalkCore
import CrosswalkTestSupport
import Testing

@Suite struct InventoryLoaderTests {
    private func load(_ files: [InputFile]) throws -> (Inventory, warnings: [Diagnostic]) {
        try InventoryLoader().load(files)
    }

    @Test func loadsEveryDocumentedIdentityField() throws {
        let yaml = """
            version: 1
            organization: Acme
            roles:
              - {id: reader, name: Reader, platform: aws, permissions: ["s3:Get*"]}
            identities:
              - id: parent
                kind: agent
              - id: agent-1
                name: Support agent
                kind: agent
                platform: aws
                environment: production
                owner: support-team
                trust_zone: internal
                status: active
                created: 2025-01-01T00:00:00Z
                last_used: 2026-10-30T08:00:00.5+01:00
                spawned_by: parent
                authentication: workload-identity
                interactive_use: false
                shared_account: false
                third_party: false
                last_reviewed: 2026-06-01
                tools: [jira.search]
                role_bindings: [{role: reader, scope: "account/1", environment: production}]
                tags: {team: support, tier: 1}
                credentials:
                  - id: key-1
                    type: api-key
                    created: 2026-01-01T00:00:00Z
                    last_rotated: 2026-05-01T00:00:00Z
                    expires: 2027-01-01T00:00:00Z
                    last_used: 2026-10-01T00:00:00Z
                    ttl_seconds: 3600
                    storage: vault
                    shared_with: [parent]
                    used_in: [staging]
                    exposures: [{detected: 2026-09-01T00:00:00Z, source: scanner, location: repo}]
                    task: {id: t-1, ended: 2026-09-02T00:00:00Z}
            """
        let (inventory, warnings) = try load([InputFile(path: "inv.yaml", text: yaml)])
        #expect(warnings.isEmpty)
        let agent = try #require(inventory.identity(withID: "agent-1"))
        #expect(inventory.organization == "Acme")
        #expect(agent.name == "Support agent")
        #expect(agent.kind == .agent)
        #expect(agent.lastUsed?.iso8601 == "2026-10-30T07:00:00Z")
        #expect(agent.spawnedBy == "parent")
        #expect(agent.authentication == .workloadIdentity)
        #expect(agent.tags == [Tag(key: "team", value: "support"), Tag(key: "tier", value: "1")])
        #expect(agent.roleBindings == [RoleBinding(role: "reader", scope: "account/1", environment: "production")])
        let credential = try #require(agent.credentials.first)
        #expect(credential.ttlSeconds == 3600)
        #expect(credential.storage == .vault)
        #expect(credential.sharedWith == ["parent"])
        #expect(credential.exposures.count == 1)
        #expect(credential.task == AgentTask(id: "t-1", ended: Timestamp(iso8601: "2026-09-02T00:00:00Z")))
        #expect(inventory.effectivePermissions(of: agent) == ["s3:Get*"])
    }

    @Test func readsTheSameInventoryFromJSONAndJSONLines() throws {
        let json = """
            {"version": 1, "roles": [{"id": "r", "permissions": ["*"]}],
             "identities": [{"id": "a", "kind": "bot", "role_bindings": ["r"]}, {"id": "b", "kind": "ci-job"}]}
            """
        let lines = """
            {"version": 1, "roles": [{"id": "r", "permissions": ["*"]}]}
            {"id": "a", "kind": "bot", "role_bindings": ["r"]}

            {"id": "b", "kind": "ci-job"}
            """
        let fromJSON = try load([InputFile(path: "inv.json", text: json)]).0
        let fromLines = try load([InputFile(path: "inv.jsonl", text: lines)]).0
        #expect(fromJSON.identities == fromLines.identities)
        #expect(fromJSON.roles == fromLines.roles)
    }

    @Test func dropsCredentialValuesAndWarnsOnce() throws {
        let yaml = """
            version: 1
            identities:
              - id: a
                kind: bot
                token: ghp_should_never_be_kept
                credentials:
                  - {id: k, type: api-key, value: sk-live-123}
                  - {id: k2, type: password, password: hunter2}
            """
        let (inventory, warnings) = try load([InputFile(path: "inv.yaml", text: yaml)])
        #expect(
            warnings.map(\.description) == [
                "inv.yaml:5:5: warning: identities[0].token: dropped 3 credential value(s) found in the inventory (this is the first); Crosswalk never stores, logs or reports credential values"
            ]
        )
        #expect(!String(describing: inventory.identities).contains("sk-live-123"))
        #expect(!String(describing: inventory.identities).contains("hunter2"))
    }

    @Test func redactsTextThatLooksLikeACredential() throws {
        let yaml = """
            version: 1
            identities:
              - id: a
                kind: bot
                name: "deploy key AKIAIOSFODNN7EXAMPLE"
                owner: ops
                tags: {api_key: "not kept", note: "ghp_0123456789abcdefghijklmnopqrstuvwxyz", team: ops}
            """
        let (inventory, warnings) = try load([InputFile(path: "inv.yaml", text: yaml)])
        let identity = try #require(inventory.identities.first)
        #expect(identity.name == "deploy key [redacted]")
        #expect(identity.tags == [Tag(key: "note", value: "[redacted]"), Tag(key: "team", value: "ops")])
        #expect(
            warnings.map(\.description) == [
                "inv.yaml:5:11: warning: identities[0].name: redacted 2 text value(s) in the inventory that looked like credentials (this is the first); Crosswalk never stores, logs or reports credential values",
                "inv.yaml:7:12: warning: identities[0].tags.api_key: dropped 1 credential value(s) found in the inventory (this is the first); Crosswalk never stores, logs or reports credential values",
            ]
        )
    }

    @Test func neverEchoesCredentialShapedKeysInMessages() throws {
        let yaml = """
            version: 1
            identities:
              - id: a
                kind: bot
                AKIAIOSFODNN7EXAMPLE: oops
                tags: {"ghp_0123456789abcdefghijklmnopqrstuvwxyz": "x"}
            """
        let (inventory, warnings) = try load([InputFile(path: "inv.yaml", text: yaml)])
        let text = warnings.map(\.description).joined(separator: "\n")
        #expect(!text.contains("AKIA"))
        #expect(!text.contains("ghp_"))
        #expect(text.contains("inv.yaml:5:5: warning: identities[0].[redacted]: unknown key '[redacted]' ignored"))
        #expect(inventory.identities.first?.tags.map(\.key) == ["[redacted]"])
    }

    @Test func warnsOnceForEachUnknownVocabularyTerm() throws {
        let yaml = """
            version: 1
            identities:
              - {id: a, kind: bot, credentials: [{id: k, type: acces-key}]}
              - {id: b, kind: bot, credentials: [{id: k, type: acces-key, storage: usb-stick}]}
            """
        let (_, warnings) = try load([InputFile(path: "inv.yaml", text: yaml)])
        #expect(warnings.count == 2)
        #expect(
            warnings.first?.description.hasPrefix(
                "inv.yaml:3:52: warning: identities[0].credentials[0].type: unknown credential type 'acces-key' kept as written"
            ) == true
        )
        #expect(warnings.first?.description.hasSuffix("(2 times; this is the first)") == true)
        #expect(warnings.last?.description.contains("unknown storage location 'usb-stick'") == true)
    }

    @Test func keepsUnknownKindsWithAWarning() throws {
        let (inventory, warnings) = try load([
            InputFile(path: "inv.yaml", text: "version: 1\nidentities:\n  - {id: x, kind: quantum-robot}\n")
        ])
        #expect(inventory.identities.first?.kind.rawValue == "quantum-robot")
        #expect(
            warnings.first?.description.hasPrefix(
                "inv.yaml:3:19: warning: identities[0].kind: unknown identity kind 'quantum-robot' kept as written"
            ) == true
        )
    }

    @Test(arguments: [
        (
            "version: 2\nidentities: []\n",
            "inv.yaml:1:10: error: version: unsupported inventory version 2; this build of Crosswalk reads version 1"
        ),
        (
            "version: 1\nidentitys: []\n",
            "inv.yaml:2:1: error: identitys: unknown top-level key 'identitys'; expected version, organization, roles or identities"
        ),
        (
            "identities: []\n",
            "inv.yaml:1:1: error: missing required key 'version' (the inventory format version, 1)"
        ),
        (
            "version: 1\nidentities:\n  - {id: a, kind: 7}\n",
            "inv.yaml:3:19: error: identities[0].kind: expected a string, found an integer"
        ),
        (
            "version: 1\nidentities:\n  - {id: a, kind: bot, created: last tuesday}\n",
            "inv.yaml:3:33: error: identities[0].created: expected an ISO 8601 timestamp such as 2025-01-31T12:00:00Z (a time needs Z or an offset like +02:00)"
        ),
        (
            "version: 1\nidentities:\n  - {id: a, kind: bot, role_bindings: [ghost]}\n",
            "inv.yaml:3:40: error: identities[0].role_bindings[0]: identity 'a' is bound to role 'ghost', which no inventory defines; add it under roles or fix the binding"
        ),
        (
            "version: 1\nidentities:\n  - {id: a, kind: agent, spawned_by: nobody}\n",
            "inv.yaml:3:38: error: identities[0].spawned_by: identity 'a' is spawned_by 'nobody', which no inventory defines"
        ),
        (
            "version: 1\nidentities:\n  - {id: a, kind: bot}\n  - {id: a, kind: bot}\n",
            "inv.yaml:4:5: error: identities[1]: duplicate identity id 'a'; first defined at inv.yaml:3:5"
        ),
        (
            "version: 1\nidentities:\n  - {id: a, kind: bot\n",
            "inv.yaml:4:1: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping)"
        ),
    ])
    func reportsBadInputWithFileLineAndKeyPath(_ yaml: String, _ expected: String) {
        let lines = Fixtures.errorLines { _ = try load([InputFile(path: "inv.yaml", text: yaml)]) }
        #expect(lines.first?.hasPrefix(expected) == true, "got \(lines)")
    }

    @Test func reportsJSONLinesErrorsOnTheirOwnLine() {
        let lines = Fixtures.errorLines {
            _ = try load([
                InputFile(
                    path: "big.jsonl",
                    text: "{\"version\": 1}\n{\"id\": \"a\", \"kind\": \"bot\"}\n{\"id\": \"b\", \"kind\": }\n"
                )
            ])
        }
        #expect(lines == ["big.jsonl:3:21: error: invalid JSON: expected a JSON value, found '}'"])
    }

    /// A duplicate id names where the id was first defined: the start of its JSON Lines record in
    /// whichever file it was (the loader keeps a packed file number and line per id), or the
    /// place in a YAML document.
    @Test func duplicateIdsNameTheFirstDefinitionInAnyFile() {
        let header = "{\"version\": 1}\n"
        let lines = Fixtures.errorLines {
            _ = try load([
                InputFile(path: "one.jsonl", text: header + "{\"id\": \"a\", \"kind\": \"bot\"}\n"),
                InputFile(path: "two.yaml", text: "version: 1\nidentities:\n  - {id: b, kind: bot}\n"),
                InputFile(
                    path: "three.jsonl",
                    text: header + "\n{\"id\": \"c\", \"kind\": \"bot\"}\n{\"id\": \"b\", \"kind\": \"bot\"}\n"
                        + "{\"id\": \"c\", \"kind\": \"bot\"}\n{\"id\": \"a\", \"kind\": \"bot\"}\n"
                ),
            ])
        }
        #expect(lines.contains { $0.contains("duplicate identity id 'b'; first defined at two.yaml:3:5") }, "\(lines)")
        #expect(
            lines.contains { $0.contains("duplicate identity id 'c'; first defined at three.jsonl:3:1") },
            "\(lines)"
        )
        #expect(lines.contains { $0.contains("duplicate identity id 'a'; first defined at one.jsonl:2:1") }, "\(lines)")
    }

    /// Past the first 65,536 identities the loader sizes its id table for the rest of the file;
    /// ids read before and after still find their duplicates.
    @Test func duplicatesAreFoundOnEitherSideOfSizingTheIdTable() {
        let count = 70_000
        var text = "{\"version\": 1}\n"
        for number in 0..<count { text += "{\"id\": \"i\(number)\", \"kind\": \"bot\"}\n" }
        text += "{\"id\": \"i5\", \"kind\": \"bot\"}\n{\"id\": \"i69999\", \"kind\": \"bot\"}\n"
        let lines = Fixtures.errorLines { _ = try load([InputFile(path: "many.jsonl", text: text)]) }
        #expect(
            lines == [
                "many.jsonl:\(count + 2):1: error: line \(count + 2): duplicate identity id 'i5'; first defined at many.jsonl:7:1",
                "many.jsonl:\(count + 3):1: error: line \(count + 3): duplicate identity id 'i69999'; first defined at many.jsonl:\(count + 1):1",
            ],
            "\(lines)"
        )
    }

    @Test func resolvesReferencesAcrossFiles() throws {
        let first = InputFile(
            path: "a.yaml",
            text: "version: 1\nroles: [{id: r, permissions: [x]}]\nidentities: [{id: p, kind: agent}]\n"
        )
        let second = InputFile(
            path: "b.yaml",
            text: "version: 1\nidentities: [{id: c, kind: agent, spawned_by: p, role_bindings: [r]}]\n"
        )
        let inventory = try load([first, second]).0
        #expect(inventory.identities.map(\.id) == ["p", "c"])
    }
}
