/// One Kubernetes object of an export (a ServiceAccount, a Secret, a Role, a binding…), with where
/// it sits in its file, and the `metadata` every kind shares.
struct KubernetesObject {
    /// The object's mapping.
    let node: SourceNode
    /// `kind`, from the object or, in a typed list such as `ServiceAccountList`, from the list.
    let kind: String
    /// Where the object sits: `items[3]`, or empty for an object at the top of its document.
    let keyPath: String
    let document: ImportDocument

    /// The key path of a member of this object, e.g. `items[3].metadata.name`.
    func path(_ member: String) -> String {
        keyPath.isEmpty ? member : "\(keyPath).\(member)"
    }

    var metadata: SourceNode? { node["metadata"] }

    /// `metadata.name`, when it is a non-blank string.
    var name: String? { metadata?["name"]?.nonBlankText }

    /// `metadata.namespace`; nil when absent (cluster-scoped kinds, or a manifest that leaves it to
    /// the current context).
    var namespace: String? { metadata?["namespace"]?.nonBlankText }

    /// `metadata.labels`, string values only.
    var labels: [String: String] { Self.stringMap(metadata?["labels"]) }

    /// `metadata.annotations`, string values only.
    var annotations: [String: String] { Self.stringMap(metadata?["annotations"]) }

    /// `metadata.labels` in document order, for tags.
    var orderedLabels: [(key: String, value: String)] {
        (metadata?["labels"]?.members ?? []).compactMap { member in member.value.text.map { (member.key, $0) } }
    }

    /// Where the object's record is, for origins: `file, line N`.
    func origin(_ kind: ImportKind) -> RecordOrigin {
        document.origin(kind: kind, node: node, path: keyPath.isEmpty ? "(document)" : keyPath)
    }

    private static func stringMap(_ node: SourceNode?) -> [String: String] {
        var map: [String: String] = [:]
        for member in node?.members ?? [] {
            if let text = member.value.text, map[member.key] == nil { map[member.key] = text }
        }
        return map
    }
}

/// The object kinds the Kubernetes importer reads.
enum KubernetesObjectKind: String, CaseIterable {
    case serviceAccount = "ServiceAccount"
    case secret = "Secret"
    case role = "Role"
    case clusterRole = "ClusterRole"
    case roleBinding = "RoleBinding"
    case clusterRoleBinding = "ClusterRoleBinding"

    /// The `apiVersion` group the kind belongs to: the core `v1`, or RBAC.
    var isRBAC: Bool { self != .serviceAccount && self != .secret }

    /// Whether `apiVersion` is one this kind is served under (`v1`, `rbac.authorization.k8s.io/v1`
    /// and its older betas).
    func accepts(apiVersion: String) -> Bool {
        isRBAC ? apiVersion.hasPrefix("rbac.authorization.k8s.io/") : apiVersion == "v1"
    }
}
