/// A Role or ClusterRole as read: its own rules as permission strings, its labels (which
/// aggregation selects on) and its aggregation selectors.
struct KubernetesRoleRecord {
    /// `k8s:clusterrole/NAME` or `k8s:role/NAMESPACE/NAME`.
    var id: String
    var name: String
    var isClusterRole: Bool
    var labels: [String: String]
    var permissions: [String]
    /// `aggregationRule.clusterRoleSelectors`; nil for a role that does not aggregate.
    var aggregation: [KubernetesLabelSelector]?

    static func clusterRoleID(_ name: String) -> String { "k8s:clusterrole/\(name)" }
    static func roleID(namespace: String, name: String) -> String { "k8s:role/\(namespace)/\(name)" }
}

/// Reads Role and ClusterRole objects.
enum KubernetesRoleReader {
    /// The role, or nil (with a located warning) when it has no name.
    static func read(_ object: KubernetesObject, log: inout ImportLog) -> KubernetesRoleRecord? {
        guard let rawName = object.name else {
            log.warning(
                object.document.path,
                at: object.node.location,
                keyPath: object.path("metadata.name"),
                "skipped: the \(object.kind) has no metadata.name"
            )
            return nil
        }
        let name = ImportText.screened(rawName)
        let isClusterRole = object.kind == KubernetesObjectKind.clusterRole.rawValue
        let id =
            isClusterRole
            ? KubernetesRoleRecord.clusterRoleID(name)
            : KubernetesRoleRecord.roleID(
                namespace: ImportText.screened(object.namespace ?? KubernetesServiceAccountReader.defaultNamespace),
                name: name
            )
        var aggregation: [KubernetesLabelSelector]?
        if isClusterRole, let rule = object.node["aggregationRule"], !rule.isNull {
            aggregation = (rule["clusterRoleSelectors"]?.elements ?? []).compactMap(KubernetesLabelSelector.init)
        }
        return KubernetesRoleRecord(
            id: id,
            name: name,
            isClusterRole: isClusterRole,
            labels: object.labels,
            permissions: KubernetesPermissions.permissions(of: object.node["rules"], object: object, log: &log),
            aggregation: aggregation
        )
    }
}
