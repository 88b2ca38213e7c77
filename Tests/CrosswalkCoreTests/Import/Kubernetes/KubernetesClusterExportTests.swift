import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The generated `cluster-export.json`: a `kubectl get … -A -o json` List with service accounts,
/// token Secrets (with and without the last-used label, one invalidated), Roles, aggregated
/// ClusterRoles, bindings direct, by service-account user name and through groups, a binding with
/// no subjects, a binding to a role the export lacks, and malformed items. Expected values are
/// read off the fixture.
@Suite("Kubernetes: a cluster export")
struct KubernetesClusterExportTests {
    let imported: ImportedInventory

    init() throws {
        imported = try KubernetesFixture.run(["cluster-export.json"])
    }

    @Test func readsWithoutErrors() {
        #expect(imported.errors.isEmpty, "\(imported.errors)")
        #expect(imported.sources.map(\.kind) == ["kubernetes"])
    }

    @Test func serviceAccountsListedThenImpliedByTokensAndBindings() {
        #expect(
            imported.identities.map(\.id) == [
                "k8s:payments/api", "k8s:payments/batch", "k8s:ci/deployer", "k8s:kube-system/default",
                "k8s:ci/legacy-bot", "k8s:monitoring/ghost",
            ]
        )
        for identity in imported.identities {
            #expect(identity.kind == .serviceAccount)
            #expect(identity.platform == "kubernetes")
            #expect(identity.authentication == .workloadIdentity)
        }
    }

    @Test func listedAccountFields() throws {
        let api = try imported.identity("k8s:payments/api")
        #expect(api.name == "payments/api")
        #expect(api.created == KubernetesFixture.time("2025-01-10T08:00:00Z"))
        #expect(api.owner == "team-payments")
        #expect(api.environment == "production")
        #expect(api.tags.contains(Tag(key: "automountServiceAccountToken", value: "false")))
        #expect(api.tags.contains(Tag(key: "app.kubernetes.io/name", value: "payments-api")))
        #expect(
            api.origin
                == RecordOrigin(
                    kind: "kubernetes",
                    file: KubernetesFixture.folder + "cluster-export.json",
                    record: "line 4"
                )
        )

        let deployer = try imported.identity("k8s:ci/deployer")
        #expect(deployer.owner == "platform")  // the `team` annotation
        #expect(deployer.created == KubernetesFixture.time("2024-03-01T12:00:00Z"))
        #expect(deployer.tags.contains(Tag(key: "automountServiceAccountToken", value: "true (default)")))

        let system = try imported.identity("k8s:kube-system/default")
        #expect(system.created == nil)  // creationTimestamp: null
    }

    /// Owner and environment keys are used in this export, so an account without them has none
    /// (a real gap); last use, trust zone, interactive use and sharing are never reported.
    @Test func unreportedFields() throws {
        let batch = try imported.identity("k8s:payments/batch")
        #expect(batch.owner == nil)
        #expect(batch.unreported == [.lastUsed, .trustZone, .interactiveUse, .sharedAccount])

        let api = try imported.identity("k8s:payments/api")
        #expect(api.unreported == [.lastUsed, .trustZone, .interactiveUse, .sharedAccount])

        // deployer-token has no legacy-token-last-used label.
        let deployer = try imported.identity("k8s:ci/deployer")
        #expect(deployer.unreported == [.lastUsed, .trustZone, .interactiveUse, .sharedAccount, .credentialLastUsed])

        // Known only from a mention: nothing about it is known.
        let ghost = try imported.identity("k8s:monitoring/ghost")
        #expect(ghost.unreported == [.owner, .environment, .lastUsed, .trustZone, .interactiveUse, .sharedAccount])
        #expect(ghost.origin?.record == "line 239")
    }

    @Test func tokenSecretsBecomeCredentials() throws {
        let api = try imported.identity("k8s:payments/api")
        let token = try #require(api.credentials.first)
        #expect(api.credentials.count == 1)
        #expect(token.id == "api-token")
        #expect(token.type == .apiKey)
        #expect(token.type.isStaticSecret)
        #expect(token.status == .active)
        #expect(token.created == KubernetesFixture.time("2025-01-10T08:00:05Z"))
        #expect(token.lastRotated == nil)
        #expect(token.expires == nil)
        #expect(token.lastUsed == KubernetesFixture.time("2026-10-30T00:00:00Z"))
        #expect(token.storage == .platform)
        #expect(token.origin?.record == "line 48")

        let batch = try imported.identity("k8s:payments/batch")
        #expect(batch.credentials.map(\.id) == ["batch-token"])
        #expect(batch.credentials.first?.created == KubernetesFixture.time("2026-10-01T00:00:00Z"))

        let deployer = try imported.identity("k8s:ci/deployer")
        #expect(deployer.credentials.map(\.id) == ["deployer-token"])
        #expect(deployer.credentials.first?.lastUsed == nil)

        // Invalidated by the cleanup controller; its account was not listed.
        let bot = try imported.identity("k8s:ci/legacy-bot")
        #expect(bot.credentials.map(\.id) == ["legacy-bot-token"])
        #expect(bot.credentials.first?.status == .disabled)
        #expect(bot.credentials.first?.lastUsed == KubernetesFixture.time("2025-05-01T00:00:00Z"))

        // The Opaque Secret is no credential of anyone.
        #expect(!imported.identities.flatMap(\.credentials).contains { $0.id.contains("db-password") })
    }

    @Test func bindingsDirectByUserNameAndThroughGroups() throws {
        #expect(
            try imported.identity("k8s:payments/api").roleBindings == [
                RoleBinding(role: "k8s:role/payments/secret-reader", scope: "payments"),
                RoleBinding(role: "k8s:clusterrole/view", scope: "payments via group system:serviceaccounts:payments"),
                RoleBinding(role: "k8s:clusterrole/metrics-reader", scope: "cluster via group system:serviceaccounts"),
            ]
        )
        #expect(
            try imported.identity("k8s:payments/batch").roleBindings == [
                RoleBinding(role: "k8s:clusterrole/view", scope: "payments via group system:serviceaccounts:payments"),
                RoleBinding(role: "k8s:clusterrole/edit", scope: "payments"),
                RoleBinding(role: "k8s:clusterrole/metrics-reader", scope: "cluster via group system:serviceaccounts"),
                RoleBinding(role: "k8s:clusterrole/reporting", scope: "cluster"),
            ]
        )
        #expect(
            try imported.identity("k8s:ci/deployer").roleBindings == [
                RoleBinding(role: "k8s:clusterrole/cluster-admin", scope: "cluster"),
                RoleBinding(role: "k8s:clusterrole/metrics-reader", scope: "cluster via group system:serviceaccounts"),
                RoleBinding(role: "k8s:role/ci/pod-exec", scope: "ci"),
            ]
        )
        // Two bindings of the same role to the same account count once.
        #expect(
            try imported.identity("k8s:monitoring/ghost").roleBindings == [
                RoleBinding(role: "k8s:clusterrole/metrics-reader", scope: "cluster via group system:serviceaccounts"),
                RoleBinding(role: "k8s:clusterrole/vendor-operator", scope: "cluster"),
            ]
        )
    }

    @Test func clusterAdminHoldersDirectAndThroughAGroup() {
        #expect(
            imported.holders(of: "k8s:clusterrole/cluster-admin") == [
                "k8s:ci/deployer": ["cluster"],
                "k8s:kube-system/default": ["cluster via group system:serviceaccounts:kube-system"],
            ]
        )
    }

    @Test func rolesWithPermissionStrings() throws {
        #expect(
            imported.roles.map(\.id) == [
                "k8s:role/payments/secret-reader", "k8s:role/ci/pod-exec", "k8s:clusterrole/metrics-reader",
                "k8s:clusterrole/reporting", "k8s:clusterrole/reporting-configmaps", "k8s:clusterrole/reporting-jobs",
                "k8s:clusterrole/unrelated", "k8s:clusterrole/cluster-admin", "k8s:clusterrole/view",
                "k8s:clusterrole/edit", "k8s:clusterrole/vendor-operator",
            ]
        )
        #expect(imported.roles.allSatisfy { $0.platform == "kubernetes" })
        // resourceNames narrow the rule but keep the permission.
        #expect(
            try imported.role("k8s:role/payments/secret-reader").permissions == [
                "core/secrets:get", "core/secrets:list",
            ]
        )
        #expect(try imported.role("k8s:role/payments/secret-reader").name == "secret-reader")
        // The third rule names no apiGroups and is skipped.
        #expect(
            try imported.role("k8s:role/ci/pod-exec").permissions == [
                "core/pods/exec:create", "apps/deployments:patch", "apps/deployments:update",
            ]
        )
        #expect(
            try imported.role("k8s:clusterrole/metrics-reader").permissions == ["url:/metrics:get", "url:/healthz:get"]
        )
    }

    /// `reporting` aggregates by matchLabels and by matchExpressions; `unrelated` has the label
    /// with another value.
    @Test func aggregatedClusterRoleGetsTheUnion() throws {
        #expect(
            try imported.role("k8s:clusterrole/reporting").permissions == [
                "core/configmaps:get", "core/configmaps:list", "batch/jobs:get", "batch/cronjobs:get",
            ]
        )
    }

    @Test func wellKnownRolesNotExportedAndUnknownOnes() throws {
        let admin = try imported.role("k8s:clusterrole/cluster-admin")
        #expect(admin.permissions == ["*/*:*", "url:*:*"])
        #expect(admin.administrative)
        let edit = try imported.role("k8s:clusterrole/edit")
        #expect(edit.administrative)
        #expect(edit.permissions.contains("core/secrets:get"))
        #expect(edit.permissions.contains("core/serviceaccounts:impersonate"))
        #expect(edit.permissions.contains("core/pods/exec:create"))
        let view = try imported.role("k8s:clusterrole/view")
        #expect(!view.administrative)
        #expect(!view.permissions.contains { $0.hasPrefix("core/secrets:") })
        #expect(view.permissions.contains("core/pods:get"))
        let missing = try imported.role("k8s:clusterrole/vendor-operator")
        #expect(missing.permissions.isEmpty)
        #expect(!missing.administrative)
        for id in ["k8s:clusterrole/reporting", "k8s:clusterrole/metrics-reader", "k8s:role/ci/pod-exec"] {
            #expect(try !imported.role(id).administrative)
        }
    }

    @Test func locatedWarningsForWhatWasSkipped() {
        // By line: the envelope's own check (items[5]) runs before the items are read.
        let warnings = imported.importWarnings.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
        let keyPaths = warnings.compactMap(\.keyPath)
        #expect(
            keyPaths == [
                "items[4].metadata.name", "items[5]", "items[10].metadata.annotations",
                "items[13].rules[2].apiGroups", "items[24].subjects[2].kind", "items[28].roleRef.name",
                "items[30].kind",
            ]
        )
        #expect(warnings.allSatisfy { $0.file == KubernetesFixture.folder + "cluster-export.json" })
        #expect(warnings.first?.location?.line == 42)
        // One warning per unknown value: two Robot subjects, two Pods.
        #expect(warnings.filter { $0.message.contains("Robot") }.count == 1)
        #expect(warnings.filter { $0.message.contains("\"Pod\"") }.count == 1)
        // One warning for the missing role bound twice.
        let missing = warnings.filter { $0.message.contains("vendor-operator") }
        #expect(missing.count == 1)
        #expect(missing.first?.location?.line == 239)
        #expect(warnings.count == 7)
    }

    @Test func gapWarningNamesWhatKubernetesCannotTell() throws {
        let gap = try #require(imported.gapWarnings.first { $0.message.contains("--overlay") })
        #expect(gap.message.hasPrefix("kubernetes does not report owner, last_used, environment, trust_zone"))
    }

    @Test func bindingWithoutSubjectsIsCountedNotWarned() throws {
        var importer = KubernetesImporterProbe()
        let imported = try importer.read(KubernetesFixture.folder + "cluster-export.json")
        #expect(imported.bindingsWithoutSubjects == 1)
        #expect(imported.otherSecrets == 1)
    }
}
