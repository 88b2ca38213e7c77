/// The user-facing ClusterRoles every cluster has (`cluster-admin`, `admin`, `edit`, `view`),
/// known even when the export does not include them, and which ClusterRoles count as
/// administrative.
///
/// The permissions of `admin`, `edit` and `view` summarise the bootstrap policy's aggregated rules
/// (Kubernetes 1.30): the grants that matter for least privilege are all there (Secrets,
/// `pods/exec`, service-account impersonation and tokens, Roles and RoleBindings); some
/// read-only resources are folded into fewer entries. A ClusterRole in the export is always read
/// from the export.
enum KubernetesWellKnownRoles {
    /// ClusterRoles that are administrative whatever their rules say: `cluster-admin`; `admin`
    /// (manages Roles and RoleBindings in a namespace); `edit` (reads Secrets and impersonates
    /// every service account of a namespace, so holds their permissions too).
    static let administrative: Set<String> = ["cluster-admin", "admin", "edit"]

    /// Whether the ClusterRole or Role is administrative: a well-known administrative ClusterRole,
    /// or any role granting every verb on every resource of every API group.
    static func isAdministrative(_ role: KubernetesRoleRecord, permissions: [String]) -> Bool {
        (role.isClusterRole && administrative.contains(role.name))
            || KubernetesPermissions.grantsEverything(permissions)
    }

    /// The permissions of a well-known ClusterRole, or nil for any other name.
    static func permissions(of name: String) -> [String]? {
        switch name {
        case "cluster-admin": return ["*/*:*", KubernetesPermissions.url("*", verb: "*")]
        case "admin": return expand(viewRules + editRules + adminRules)
        case "edit": return expand(viewRules + editRules)
        case "view": return expand(viewRules)
        default: return nil
        }
    }

    private typealias Rule = (groups: [String], resources: [String], verbs: [String])

    private static let read = ["get", "list", "watch"]
    private static let write = ["create", "delete", "deletecollection", "patch", "update"]

    private static let viewRules: [Rule] = [
        (
            [""],
            [
                "bindings", "configmaps", "endpoints", "events", "limitranges", "namespaces", "namespaces/status",
                "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "pods/log", "pods/status",
                "replicationcontrollers", "replicationcontrollers/scale", "replicationcontrollers/status",
                "resourcequotas", "resourcequotas/status", "serviceaccounts", "services", "services/status",
            ], read
        ),
        (["apps"], ["daemonsets", "deployments", "deployments/scale", "replicasets", "statefulsets"], read),
        (["autoscaling"], ["horizontalpodautoscalers"], read),
        (["batch"], ["cronjobs", "jobs"], read),
        (["networking.k8s.io"], ["ingresses", "networkpolicies"], read),
        (["policy"], ["poddisruptionbudgets"], read),
        (["discovery.k8s.io"], ["endpointslices"], read),
    ]

    private static let editRules: [Rule] = [
        ([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], read),
        ([""], ["serviceaccounts"], ["impersonate"]),
        ([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], write),
        ([""], ["pods/eviction"], ["create"]),
        (
            [""],
            [
                "configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
                "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy",
            ], write
        ),
        ([""], ["serviceaccounts/token"], ["create"]),
        (
            ["apps"],
            ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "statefulsets"],
            write
        ),
        (["autoscaling"], ["horizontalpodautoscalers"], write),
        (["batch"], ["cronjobs", "jobs"], write),
        (["networking.k8s.io"], ["ingresses", "networkpolicies"], write),
        (["policy"], ["poddisruptionbudgets"], write),
    ]

    private static let adminRules: [Rule] = [
        (["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
        (["rbac.authorization.k8s.io"], ["rolebindings", "roles"], write + read),
    ]

    private static func expand(_ rules: [Rule]) -> [String] {
        var seen: Set<String> = []
        var permissions: [String] = []
        for rule in rules {
            for group in rule.groups {
                for resource in rule.resources {
                    for verb in rule.verbs {
                        let permission = KubernetesPermissions.resource(group: group, resource: resource, verb: verb)
                        if seen.insert(permission).inserted { permissions.append(permission) }
                    }
                }
            }
        }
        return permissions
    }
}
