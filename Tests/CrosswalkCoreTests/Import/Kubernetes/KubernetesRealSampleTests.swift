import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// The real samples: the bootstrap RBAC policy of kubernetes/kubernetes (31 ClusterRoles, 10
/// ClusterRoleBindings, 27 controller ClusterRoleBindings) and the service-account token Secret of
/// the Kubernetes website, imported together. Expected values are read off the files.
@Suite("Kubernetes: real samples")
struct KubernetesRealSampleTests {
    let imported: ImportedInventory

    static let controllers = [
        "attachdetach-controller", "certificate-controller", "clusterrole-aggregation-controller",
        "cronjob-controller", "daemon-set-controller", "deployment-controller", "disruption-controller",
        "endpoint-controller", "endpointslice-controller", "expand-controller", "generic-garbage-collector",
        "horizontal-pod-autoscaler", "job-controller", "namespace-controller", "node-controller",
        "persistent-volume-binder", "pod-garbage-collector", "pv-protection-controller", "pvc-protection-controller",
        "replicaset-controller", "replication-controller", "resourcequota-controller", "route-controller",
        "service-account-controller", "service-controller", "statefulset-controller", "ttl-controller",
    ]

    /// The roles the `system:authenticated` group is bound to; every service account is in it.
    static let authenticatedRoles = ["system:basic-user", "system:discovery", "system:public-info-viewer"]

    init() throws {
        imported = try KubernetesFixture.run(KubernetesFixture.realSamples, real: true)
    }

    @Test func everySampleIsDetectedAsKubernetes() throws {
        for name in KubernetesFixture.realSamples {
            #expect(KubernetesImporterProbe.detects(try Fixtures.file(KubernetesFixture.realFolder + name)), "\(name)")
        }
    }

    /// No ServiceAccount objects: the token Secret's account and the accounts named as binding
    /// subjects are the identities.
    @Test func impliedServiceAccounts() {
        #expect(imported.errors.isEmpty, "\(imported.errors)")
        let expected =
            ["k8s:default/sa-name", "k8s:kube-system/kube-dns"] + Self.controllers.map { "k8s:kube-system/\($0)" }
        #expect(imported.identities.map(\.id).sorted() == expected.sorted())
        #expect(imported.identities.count == 29)
        for identity in imported.identities {
            #expect(identity.kind == .serviceAccount)
            #expect(identity.created == nil)
            #expect(identity.unreported.contains(.owner))
            #expect(identity.unreported.contains(.lastUsed))
        }
    }

    /// The website sample: no namespace (so `default`), no creation time, no last-used label; its
    /// data is dropped.
    @Test func tokenSecretBecomesACredentialOfItsAccount() throws {
        let account = try imported.identity("k8s:default/sa-name")
        #expect(account.origin?.file == KubernetesFixture.realFolder + "k8s_website_serviceaccount-token-secret.yaml")
        #expect(account.origin?.record == "line 2")
        let token = try #require(account.credentials.first)
        #expect(account.credentials.count == 1)
        #expect(token.id == "secret-sa-sample")
        #expect(token.type == .apiKey)
        #expect(token.status == .active)
        #expect(token.created == nil)
        #expect(token.expires == nil)
        #expect(token.lastUsed == nil)
        #expect(account.unreported.contains(.credentialLastUsed))
        #expect(!String(describing: imported).contains("YmFyCg=="))
        #expect(!String(describing: imported).contains("extra"))
        #expect(
            try ImportFixtures.results(of: "CW-CRED-04", on: imported)["k8s:default/sa-name/secret-sa-sample"] == .fail
        )
    }

    @Test func kubeDNSAndTheControllersBindings() throws {
        let groupBindings = Self.authenticatedRoles.map {
            RoleBinding(role: "k8s:clusterrole/\($0)", scope: "cluster via group system:authenticated")
        }
        // In the order of the bindings in the file: basic-user, discovery, kube-dns, public-info-viewer.
        #expect(
            try imported.identity("k8s:kube-system/kube-dns").roleBindings == [
                groupBindings[0], groupBindings[1],
                RoleBinding(role: "k8s:clusterrole/system:kube-dns", scope: "cluster"),
                groupBindings[2],
            ]
        )
        for controller in Self.controllers {
            let identity = try imported.identity("k8s:kube-system/\(controller)")
            #expect(
                identity.roleBindings
                    == groupBindings + [
                        RoleBinding(role: "k8s:clusterrole/system:controller:\(controller)", scope: "cluster")
                    ]
            )
        }
        #expect(try imported.identity("k8s:default/sa-name").roleBindings == groupBindings)
    }

    /// cluster-admin is bound to the `system:masters` group of people only; the controller manager's
    /// `*/*` list and watch go to a user, not a service account.
    @Test func noServiceAccountHoldsClusterAdminOrWildcards() throws {
        #expect(imported.holders(of: "k8s:clusterrole/cluster-admin").isEmpty)
        #expect(imported.holders(of: "k8s:clusterrole/system:kube-controller-manager").isEmpty)
        let results = try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported)
        #expect(results.count == 29)
        #expect(results.values.allSatisfy { $0 == .pass })

        let manager = try imported.role("k8s:clusterrole/system:kube-controller-manager")
        #expect(manager.permissions.contains("*/*:list"))
        #expect(manager.permissions.contains("*/*:watch"))
        #expect(manager.permissions.contains("core/serviceaccounts/token:create"))
        #expect(!manager.administrative)
        // kube-dns only lists and watches endpoints and services.
        #expect(
            try imported.role("k8s:clusterrole/system:kube-dns").permissions == [
                "core/endpoints:list", "core/endpoints:watch", "core/services:list", "core/services:watch",
            ]
        )
    }

    @Test func clusterRoles() throws {
        let exported = imported.roles.filter { !$0.id.hasPrefix("k8s:clusterrole/system:controller:") }
        #expect(exported.count == 31)
        // The controller roles are not in the sample: kept, with no permissions.
        let controllerRoles = imported.roles.filter { $0.id.hasPrefix("k8s:clusterrole/system:controller:") }
        #expect(controllerRoles.count == 27)
        #expect(controllerRoles.allSatisfy { $0.permissions.isEmpty })
        // One warning names them, located at the first binding.
        let missing = imported.importWarnings.filter { $0.message.contains("but not in the export") }
        #expect(missing.count == 1)
        #expect(missing.first?.message.hasPrefix("27 roles are bound but not in the export") == true)
        #expect(missing.first?.location?.line == 3)
        #expect(imported.importWarnings.count == 1)

        let clusterAdmin = try imported.role("k8s:clusterrole/cluster-admin")
        #expect(clusterAdmin.permissions == ["*/*:*", "url:*:*"])
        #expect(clusterAdmin.administrative)
        #expect(
            try imported.role("k8s:clusterrole/system:public-info-viewer").permissions == [
                "url:/healthz:get", "url:/livez:get", "url:/readyz:get", "url:/version:get", "url:/version/:get",
            ]
        )
    }

    /// admin ← edit + system:aggregate-to-admin; edit ← view + system:aggregate-to-edit;
    /// view ← system:aggregate-to-view (the aggregate-to-* labels in the sample).
    @Test func aggregatedRoles() throws {
        let toAdmin = Set(try imported.role("k8s:clusterrole/system:aggregate-to-admin").permissions)
        let toEdit = Set(try imported.role("k8s:clusterrole/system:aggregate-to-edit").permissions)
        let toView = Set(try imported.role("k8s:clusterrole/system:aggregate-to-view").permissions)
        // aggregate-to-admin: localsubjectaccessreviews create; rolebindings and roles, 8 verbs each.
        #expect(toAdmin.count == 17)
        #expect(toAdmin.contains("authorization.k8s.io/localsubjectaccessreviews:create"))
        #expect(toAdmin.contains("rbac.authorization.k8s.io/rolebindings:create"))

        let view = try imported.role("k8s:clusterrole/view")
        let edit = try imported.role("k8s:clusterrole/edit")
        let admin = try imported.role("k8s:clusterrole/admin")
        #expect(Set(view.permissions) == toView)
        #expect(Set(edit.permissions) == toView.union(toEdit))
        #expect(Set(admin.permissions) == toView.union(toEdit).union(toAdmin))
        #expect(edit.permissions.contains("core/secrets:get"))
        #expect(edit.permissions.contains("core/serviceaccounts:impersonate"))
        #expect(!view.permissions.contains("core/secrets:get"))
        #expect(admin.administrative && edit.administrative && !view.administrative)
    }

    @Test func bindingWithoutSubjectsIsCounted() throws {
        var probe = KubernetesImporterProbe()
        let importer = try probe.read(KubernetesFixture.realFolder + "k8s_bootstrap_cluster-role-bindings.yaml")
        #expect(importer.bindingsWithoutSubjects == 1)  // system:node
    }
}
