/// A legacy service-account token Secret as read: which account it authenticates, and its dates.
/// Its `data` and `stringData` (the token, the CA certificate) are never read.
struct KubernetesTokenSecretRecord {
    var namespace: String
    /// The Secret's name.
    var name: String
    /// The service account named by `kubernetes.io/service-account.name`.
    var serviceAccount: String
    var created: Timestamp?
    /// `kubernetes.io/legacy-token-last-used`; nil when the label is absent.
    var lastUsed: Timestamp?
    /// Whether the Secret carries the last-used label at all (the API server tracks use).
    var tracksUse: Bool
    /// Whether `kubernetes.io/legacy-token-invalid-since` is set: the cleanup controller has
    /// invalidated the token (it no longer authenticates until the label is removed).
    var invalidated: Bool
    var origin: RecordOrigin

    var serviceAccountID: String {
        KubernetesServiceAccountReader.identityID(namespace: namespace, name: serviceAccount)
    }

    /// The credential's id: the Secret's name (a token Secret lives in its account's namespace,
    /// so findings show `k8s:NAMESPACE/ACCOUNT/SECRET`).
    var credentialID: String { name }

    /// The credential the Secret is: a static bearer token that never expires, kept by the
    /// platform (in the Secret).
    var credential: Credential {
        var credential = Credential(
            id: credentialID,
            type: KubernetesTokenSecretReader.credentialType,
            status: invalidated ? .disabled : .active,
            created: created,
            expires: nil,
            lastUsed: lastUsed,
            storage: .platform
        )
        credential.origin = origin
        return credential
    }
}

/// Reads Secrets of type `kubernetes.io/service-account-token`; Secrets of other types are not
/// credentials of an identity and are passed over.
enum KubernetesTokenSecretReader {
    static let tokenType = "kubernetes.io/service-account-token"
    static let serviceAccountAnnotation = "kubernetes.io/service-account.name"
    static let lastUsedLabel = "kubernetes.io/legacy-token-last-used"
    static let invalidSinceLabel = "kubernetes.io/legacy-token-invalid-since"

    /// A legacy token is a bearer token that never expires and cannot be rotated in place: the
    /// static-secret class (rotation, vaulting, the stricter lifetime), like an API key. `token`
    /// would wrongly class it as short-lived, issued per use with a time to live.
    static let credentialType = CredentialType.apiKey

    /// Whether the object is a Secret of the token type.
    static func isTokenSecret(_ object: KubernetesObject) -> Bool {
        object.node["type"]?.text == tokenType
    }

    /// The token Secret, or nil (with a located warning) when it names no service account.
    static func read(_ object: KubernetesObject, kind: ImportKind, log: inout ImportLog) -> KubernetesTokenSecretRecord?
    {
        guard let name = object.name else {
            log.warning(
                object.document.path,
                at: object.node.location,
                keyPath: object.path("metadata.name"),
                "skipped: the Secret has no metadata.name"
            )
            return nil
        }
        guard let account = object.annotations[serviceAccountAnnotation], !account.trimmedOfSpaces.isEmpty else {
            log.warning(
                object.document.path,
                at: object.metadata?["annotations"]?.location ?? object.node.location,
                keyPath: object.path("metadata.annotations"),
                "skipped: the service-account token Secret has no \(serviceAccountAnnotation) annotation"
            )
            return nil
        }
        let labels = object.metadata?["labels"]
        let lastUsedNode = labels?[lastUsedLabel]
        return KubernetesTokenSecretRecord(
            namespace: ImportText.screened(object.namespace ?? KubernetesServiceAccountReader.defaultNamespace),
            name: ImportText.screened(name),
            serviceAccount: ImportText.screened(account),
            created: KubernetesTime.read(
                object.metadata?["creationTimestamp"],
                object: object,
                keyPath: "metadata.creationTimestamp",
                log: &log
            ),
            lastUsed: KubernetesTime.read(
                lastUsedNode,
                object: object,
                keyPath: "metadata.labels.\(lastUsedLabel)",
                log: &log
            ),
            tracksUse: lastUsedNode != nil,
            invalidated: labels?[invalidSinceLabel].map { !$0.isNull } ?? false,
            origin: object.origin(kind)
        )
    }
}
