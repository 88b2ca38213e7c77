/// A ServiceAccount as read, before the export-wide rules (is an owner key used at all?) decide
/// what it leaves unreported.
struct KubernetesServiceAccountRecord {
    var namespace: String
    var name: String
    var created: Timestamp?
    var owner: String?
    var environment: String?
    /// `automountServiceAccountToken`; nil when absent (Kubernetes then mounts a token).
    var automountToken: Bool?
    var labels: [(key: String, value: String)]
    var origin: RecordOrigin

    var id: String { KubernetesServiceAccountReader.identityID(namespace: namespace, name: name) }
}

/// Reads ServiceAccount objects, and names service accounts the same way wherever they appear.
enum KubernetesServiceAccountReader {
    /// The namespace of a namespaced object that states none: a manifest applied without `-n`
    /// lands in the context's namespace, which is `default` unless configured otherwise.
    static let defaultNamespace = "default"

    /// `k8s:NAMESPACE/NAME`.
    static func identityID(namespace: String, name: String) -> String { "k8s:\(namespace)/\(name)" }

    /// `NAMESPACE/NAME`, as reports show the account.
    static func displayName(namespace: String, name: String) -> String { "\(namespace)/\(name)" }

    /// The account, or nil (with a located warning) when it has no name.
    static func read(
        _ object: KubernetesObject,
        kind: ImportKind,
        log: inout ImportLog
    ) -> KubernetesServiceAccountRecord? {
        guard let name = object.name else {
            log.warning(
                object.document.path,
                at: object.node.location,
                keyPath: object.path("metadata.name"),
                "skipped: the ServiceAccount has no metadata.name"
            )
            return nil
        }
        let created = KubernetesTime.read(
            object.metadata?["creationTimestamp"],
            object: object,
            keyPath: "metadata.creationTimestamp",
            log: &log
        )
        let automount = object.node["automountServiceAccountToken"]
        if let automount, !automount.isNull, automount.flag == nil {
            log.warning(
                object.document.path,
                at: automount.location,
                keyPath: object.path("automountServiceAccountToken"),
                "automountServiceAccountToken is \(automount.typeDescription), expected true or false; ignored"
            )
        }
        return KubernetesServiceAccountRecord(
            namespace: ImportText.screened(object.namespace ?? defaultNamespace),
            name: ImportText.screened(name),
            created: created,
            owner: KubernetesMetadataKeys.value(of: KubernetesMetadataKeys.owner, in: object),
            environment: KubernetesMetadataKeys.value(of: KubernetesMetadataKeys.environment, in: object),
            automountToken: automount?.flag,
            labels: object.orderedLabels.map { (ImportText.screened($0.key), ImportText.screened($0.value)) },
            origin: object.origin(kind)
        )
    }
}

/// Reads time stamps in Kubernetes metadata: RFC 3339, `null` in generated manifests, and the
/// date-only values of the legacy-token labels.
enum KubernetesTime {
    /// The time, or nil for a sentinel; a value that is no time gives a located warning.
    static func read(
        _ node: SourceNode?,
        object: KubernetesObject,
        keyPath: String,
        log: inout ImportLog
    ) -> Timestamp? {
        switch ExportTime(node) {
        case .time(let time): return time
        case .none: return nil
        case .invalid:
            log.warning(
                object.document.path,
                at: node?.location ?? object.node.location,
                keyPath: object.path(keyPath),
                "\(keyPath) is not a time stamp; read as unknown"
            )
            return nil
        }
    }
}
