import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// Envelopes and mess: YAML streams, typed raw-API lists with a continue token, an empty list,
/// single objects, malformed items, files that are no Kubernetes export, and shape detection.
@Suite("Kubernetes: export shapes")
struct KubernetesExportShapeTests {
    /// Five documents; the `---` inside the block scalar does not end the first, and the `...`
    /// end marker is followed by another document.
    @Test func yamlStreamOfSeveralDocuments() throws {
        let imported = try KubernetesFixture.run(["stream.yaml"])
        #expect(imported.errors.isEmpty, "\(imported.errors)")
        #expect(imported.identities.map(\.id) == ["k8s:analytics/reporter", "k8s:analytics/bad-date"])

        let reporter = try imported.identity("k8s:analytics/reporter")
        #expect(reporter.created == KubernetesFixture.time("2026-02-03T08:15:30Z"))
        #expect(reporter.owner == "data-team@example.com")  // the `contact` annotation
        #expect(reporter.origin?.record == "line 3")
        let token = try #require(reporter.credentials.first)
        #expect(token.id == "reporter-token")
        #expect(token.created == KubernetesFixture.time("2026-02-03T10:16:00Z"))
        #expect(token.lastUsed == KubernetesFixture.time("2026-10-15T00:00:00Z"))
        #expect(token.origin?.record == "line 16")
        #expect(reporter.roleBindings == [RoleBinding(role: "k8s:clusterrole/impersonator", scope: "cluster")])
        #expect(
            try imported.role("k8s:clusterrole/impersonator").permissions == [
                "core/users:impersonate", "core/groups:impersonate", "core/serviceaccounts:impersonate",
                "rbac.authorization.k8s.io/clusterroles:bind", "rbac.authorization.k8s.io/clusterroles:escalate",
            ]
        )

        // A creation time that is no time: the account is kept, the date is unknown, the line named.
        let badDate = try imported.identity("k8s:analytics/bad-date")
        #expect(badDate.created == nil)
        let warning = try #require(imported.importWarnings.first)
        #expect(imported.importWarnings.count == 1)
        #expect(warning.keyPath == "[4].metadata.creationTimestamp")
        #expect(warning.location?.line == 60)

        var agents = imported
        for index in agents.identities.indices { agents.identities[index].kind = .agent }
        #expect(try ImportFixtures.results(of: "CW-AUTHZ-01", on: agents)["k8s:analytics/reporter"] == .fail)
    }

    /// A raw API page: `ServiceAccountList` items carry no kind; `continue` says more pages exist.
    @Test func typedListWithContinueToken() throws {
        let imported = try KubernetesFixture.run(["paged-serviceaccounts.json"])
        #expect(imported.identities.map(\.id) == ["k8s:default/default", "k8s:default/builder"])
        #expect(try imported.identity("k8s:default/builder").created == KubernetesFixture.time("2026-01-01T00:00:00Z"))
        let warning = try #require(imported.importWarnings.first)
        #expect(imported.importWarnings.count == 1)
        #expect(warning.message.contains("incomplete"))
        #expect(warning.message.contains("40 more items"))
        #expect(warning.location?.line == 4)
    }

    @Test func emptyListWarns() throws {
        let imported = try KubernetesFixture.run(["empty-list.json"])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.isEmpty && imported.roles.isEmpty)
        #expect(imported.importWarnings.map(\.message) == ["the export is empty: it holds no Kubernetes objects"])
    }

    @Test func emptyFileWarns() {
        let imported = KubernetesFixture.run(text: "# nothing exported\n", name: "empty.yaml")
        #expect(imported.errors.isEmpty)
        #expect(imported.importWarnings.count == 1)
    }

    /// Each bad record is skipped with its key path and line; the rest is read.
    @Test func malformedItemsAreSkippedWithLocations() throws {
        let imported = try KubernetesFixture.run(["malformed.yaml"])
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.map(\.id) == ["k8s:default/fine"])
        #expect(
            imported.importWarnings.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
                .map { "\($0.location?.line ?? 0) \($0.keyPath ?? "")" } == [
                    "9 items[1].metadata.name", "12 items[2].roleRef.name", "21 items[3].subjects[0].namespace",
                    "22 items[3].subjects[1].name", "26 items[4].rules", "31 items[5].rules[0]", "32 items[6].kind",
                ]
        )
        #expect(try imported.role("k8s:clusterrole/broken-rules").permissions.isEmpty)
    }

    @Test func aFileThatIsNoKubernetesExportIsAnError() throws {
        let imported = try KubernetesFixture.run(["not-kubernetes.json"])
        #expect(imported.errors.count == 1)
        #expect(imported.errors.first?.message.hasPrefix("not a Kubernetes export") == true)
        #expect(imported.identities.isEmpty)
    }

    @Test func unparseableYAMLIsALocatedError() throws {
        let imported = try KubernetesFixture.run(["broken.yaml"])
        let error = try #require(imported.errors.first)
        #expect(error.file == KubernetesFixture.folder + "broken.yaml")
        #expect(error.location != nil)
    }

    /// A syntax error in the third document of a stream names its line in the whole file.
    @Test func syntaxErrorInAStreamDocumentKeepsItsLine() throws {
        let text = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: a, namespace: x}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: b, namespace: x}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: [c
            """
        let imported = KubernetesFixture.run(text: text)
        let error = try #require(imported.errors.first)
        #expect((error.location?.line ?? 0) >= 11)
    }

    /// In a stream, a document that is no Kubernetes object is skipped; the others are read.
    @Test func foreignDocumentInAStreamIsSkipped() throws {
        let text = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: a, namespace: x}
            ---
            just: some settings
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: b, namespace: x}
            """
        let imported = KubernetesFixture.run(text: text)
        #expect(imported.errors.isEmpty)
        #expect(imported.identities.map(\.id) == ["k8s:x/a", "k8s:x/b"])
        let warning = try #require(imported.importWarnings.first)
        #expect(imported.importWarnings.count == 1)
        #expect(warning.keyPath == "[1]")
        #expect(warning.location?.line == 5)
    }

    @Test func singleObjectInJSON() throws {
        let text = """
            {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
             "metadata": {"name": "x"},
             "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"},
             "subjects": [{"kind": "ServiceAccount", "name": "robot", "namespace": "tools"}]}
            """
        let imported = KubernetesFixture.run(text: text, name: "binding.json")
        #expect(imported.identities.map(\.id) == ["k8s:tools/robot"])
        #expect(try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported) == ["k8s:tools/robot": .fail])
    }

    /// Detection takes every Kubernetes fixture and no other platform's sample.
    @Test func detectionIsSpecific() throws {
        for name in [
            "cluster-export.json", "stream.yaml", "paged-serviceaccounts.json", "empty-list.json", "malformed.yaml",
        ] {
            #expect(KubernetesImporterProbe.detects(try Fixtures.file(KubernetesFixture.folder + name)), "\(name)")
        }
        let others = [
            "aws/cloudmapper_iam-get-account-authorization-details.json",
            "aws/cloudmapper_iam-get-credential-report.json",
            "aws/cloudmapper_secretsmanager-list-secrets.json", "aws/cloudsplaining_example-authz-details.json",
            "aws/cloudsplaining_example_authz_v2.json", "azure/arm_roleAssignments_list_response_excerpt.json",
            "azure/graph_servicePrincipals_list_response.json", "gcp/cai_iam_audit_configs.json",
            "gcp/cai_iam_policy_bindings.json", "gcp/cai_service_account_keys_age.json",
            "gcp/cai_service_account_keys_type.json", "gcp/cai_service_accounts.json",
            "spiffe/spire_registration_entries_good.json", "mcp/mcp_registry_server_with-package.json",
            "mcp/mcp_registry_server_with-remote.json", "a2a/a2a_spec_v0.3.0_sample_agent_card.json",
            "a2a/a2a_spec_v1.0.1_sample_agent_card.json",
        ]
        for name in others {
            #expect(
                !KubernetesImporterProbe.detects(try Fixtures.file("Tests/Fixtures/real-inputs/" + name)),
                "\(name)"
            )
        }
        for name in ["not-kubernetes.json", "broken.yaml"] {
            #expect(!KubernetesImporterProbe.detects(try Fixtures.file(KubernetesFixture.folder + name)), "\(name)")
        }
        // A List of other kinds (pods) is not this importer's.
        let pods =
            #"{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}]}"#
        #expect(!KubernetesImporterProbe.detects(InputFile(path: "pods.json", text: pods)))
    }

    @Test func autoDetectsTheKind() throws {
        let imported = ImportSession.run([
            ImportSession.Input(kind: "auto", file: try Fixtures.file(KubernetesFixture.folder + "stream.yaml"))
        ])
        #expect(imported.sources.first?.kind == "kubernetes")
        #expect(imported.sources.first?.detected == true)
        #expect(imported.identities.count == 2)
    }

    /// Bindings in one file reach accounts and roles in another.
    @Test func filesAreJoined() throws {
        let first = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: app, namespace: shop, labels: {team: web}}
            """
        let second = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: app-admin, namespace: shop}
            roleRef: {kind: ClusterRole, name: shop-admin}
            subjects: [{kind: ServiceAccount, name: app}]
            """
        let third = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: shop-admin}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
            """
        let imported = ImportFixtures.run(texts: [
            (kind: "kubernetes", name: "sa.yaml", text: first), (kind: "kubernetes", name: "rb.yaml", text: second),
            (kind: "kubernetes", name: "cr.yaml", text: third),
        ])
        #expect(imported.importWarnings.isEmpty)
        let app = try imported.identity("k8s:shop/app")
        #expect(app.origin?.file == "sa.yaml")
        #expect(app.owner == "web")
        #expect(app.roleBindings == [RoleBinding(role: "k8s:clusterrole/shop-admin", scope: "shop")])
        #expect(try imported.role("k8s:clusterrole/shop-admin").administrative)  // */*:*
        #expect(imported.sources.map(\.identities) == [1, 0, 0])
    }
}
