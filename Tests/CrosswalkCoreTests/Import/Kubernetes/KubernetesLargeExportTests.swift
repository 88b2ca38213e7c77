import CrosswalkCore
import CrosswalkTestSupport
import Testing

/// A 50,000-object List built in memory: 12,500 service accounts in 50 namespaces, a token Secret,
/// a Role and a RoleBinding for each, plus one ClusterRoleBinding to every service account of one
/// namespace through its group. Checks counts, not time.
@Suite("Kubernetes: a large export")
struct KubernetesLargeExportTests {
    static let accounts = 12_500
    static let namespaces = 50

    static func export() -> String {
        var items: [String] = []
        items.reserveCapacity(accounts * 4 + 1)
        for index in 0..<accounts {
            let namespace = "ns-\(index % namespaces)"
            let meta = #""name": "sa-\#(index)", "namespace": "\#(namespace)""#
            items.append(
                #"{"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {\#(meta), "creationTimestamp": "2026-01-01T00:00:00Z"}}"#
            )
            // Every other token carries the last-used label.
            let labels = index % 2 == 0 ? #", "labels": {"kubernetes.io/legacy-token-last-used": "2026-10-01"}"# : ""
            items.append(
                #"{"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/service-account-token", "metadata": {"name": "sa-\#(index)-token", "namespace": "\#(namespace)", "annotations": {"kubernetes.io/service-account.name": "sa-\#(index)"}\#(labels)}, "data": {"token": "c2VjcmV0"}}"#
            )
            items.append(
                #"{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "role-\#(index)", "namespace": "\#(namespace)"}, "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}]}"#
            )
            items.append(
                #"{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "rb-\#(index)", "namespace": "\#(namespace)"}, "roleRef": {"kind": "Role", "name": "role-\#(index)"}, "subjects": [{"kind": "ServiceAccount", "name": "sa-\#(index)"}]}"#
            )
        }
        items.append(
            #"{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "ns-7-admins"}, "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"}, "subjects": [{"kind": "Group", "name": "system:serviceaccounts:ns-7"}]}"#
        )
        return #"{"apiVersion": "v1", "kind": "List", "metadata": {}, "items": [\#n"# + items.joined(separator: ",\n")
            + "\n]}"
    }

    @Test func countsOfALargeExport() throws {
        let imported = KubernetesFixture.run(text: Self.export(), name: "large.json")
        #expect(imported.errors.isEmpty)
        #expect(imported.importWarnings.isEmpty)
        #expect(imported.identities.count == Self.accounts)
        #expect(imported.roles.count == Self.accounts + 1)  // the Roles and cluster-admin
        #expect(imported.identities.allSatisfy { $0.credentials.count == 1 })
        let inNamespace7 = Self.accounts / Self.namespaces
        #expect(imported.holders(of: "k8s:clusterrole/cluster-admin").count == inNamespace7)
        #expect(imported.identities.filter { $0.roleBindings.count == 2 }.count == inNamespace7)
        #expect(imported.identities.filter { $0.unreported.contains(.credentialLastUsed) }.count == Self.accounts / 2)
        let sample = try imported.identity("k8s:ns-3/sa-103")
        #expect(sample.roleBindings == [RoleBinding(role: "k8s:role/ns-3/role-103", scope: "ns-3")])
        #expect(sample.credentials.first?.id == "sa-103-token")
        #expect(
            try ImportFixtures.results(of: "CW-AUTHZ-02", on: imported).values.filter { $0 == .fail }.count
                == inNamespace7
        )
    }
}
