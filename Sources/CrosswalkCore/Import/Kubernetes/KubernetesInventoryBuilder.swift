/// Builds the service-account identities of a Kubernetes import: the accounts listed, the
/// accounts only named by a token Secret or a binding (implied: they exist and hold what is
/// granted to them), their token credentials, and their role bindings, direct or through the
/// groups every service account belongs to.
///
/// What Kubernetes cannot tell about an account is marked unreported: when it was last used
/// (the API server keeps no such time), its trust zone, whether people use it interactively,
/// whether it is shared; its owner and environment unless the export uses one of the documented
/// label or annotation keys for them on at least one account (then an account without one has
/// none); the last use of its tokens when a token Secret has no `legacy-token-last-used` label.
struct KubernetesInventoryBuilder {
    private var merger = IdentityMerger()
    /// Service-account ids by namespace, in the order first seen.
    private var idsByNamespace: [String: [String]] = [:]
    private var namespaceOrder: [String] = []
    private let ownerConveyed: Bool
    private let environmentConveyed: Bool

    /// Fields no Kubernetes object tells for any service account.
    static let neverReported: UnreportedFields = [.lastUsed, .trustZone, .interactiveUse, .sharedAccount]

    init(serviceAccounts: [KubernetesServiceAccountRecord]) {
        ownerConveyed = serviceAccounts.contains { $0.owner != nil }
        environmentConveyed = serviceAccounts.contains { $0.environment != nil }
        var unreported = Self.neverReported
        if !ownerConveyed { unreported.insert(.owner) }
        if !environmentConveyed { unreported.insert(.environment) }
        for account in serviceAccounts {
            var identity = Self.identity(namespace: account.namespace, name: account.name, origin: account.origin)
            identity.created = account.created
            identity.owner = account.owner
            identity.environment = account.environment
            identity.tags = account.labels.map { Tag(key: $0.key, value: $0.value) }
            let automount = account.automountToken.map { $0 ? "true" : "false" } ?? "true (default)"
            identity.tags.append(Tag(key: "automountServiceAccountToken", value: automount))
            identity.unreported = unreported
            add(identity, namespace: account.namespace, implied: false)
        }
    }

    /// Attaches each token Secret to its account, implying the account when it was not listed.
    mutating func addTokenSecrets(_ secrets: [KubernetesTokenSecretRecord]) {
        for secret in secrets {
            let id = secret.serviceAccountID
            if !merger.contains(id) {
                add(
                    Self.implied(namespace: secret.namespace, name: secret.serviceAccount, origin: secret.origin),
                    namespace: secret.namespace,
                    implied: true
                )
            }
            merger.update(id) { identity in
                if let index = identity.credentials.firstIndex(where: { $0.id == secret.credentialID }) {
                    IdentityMerger.absorb(secret.credential, into: &identity.credentials[index])
                } else {
                    identity.credentials.append(secret.credential)
                }
                if !secret.tracksUse { identity.unreported.insert(.credentialLastUsed) }
            }
        }
    }

    /// Implies the accounts bindings name, then binds every account each binding reaches.
    mutating func addBindings(_ bindings: [KubernetesBindingRecord]) {
        for binding in bindings {
            for case .serviceAccount(let namespace, let name) in binding.subjects {
                let id = KubernetesServiceAccountReader.identityID(namespace: namespace, name: name)
                if !merger.contains(id) {
                    add(
                        Self.implied(namespace: namespace, name: name, origin: binding.origin),
                        namespace: namespace,
                        implied: true
                    )
                }
            }
        }
        let everyAccount = namespaceOrder.flatMap { idsByNamespace[$0] ?? [] }
        for binding in bindings {
            for subject in binding.subjects {
                switch subject {
                case .serviceAccount(let namespace, let name):
                    let id = KubernetesServiceAccountReader.identityID(namespace: namespace, name: name)
                    bind(id, to: RoleBinding(role: binding.roleID, scope: binding.scope))
                case .serviceAccountGroup(let group, let namespace):
                    let members = namespace.map { idsByNamespace[$0] ?? [] } ?? everyAccount
                    let grant = RoleBinding(role: binding.roleID, scope: "\(binding.scope) via group \(group)")
                    for id in members { bind(id, to: grant) }
                }
            }
        }
    }

    func identities() -> [Identity] { merger.identities() }

    private mutating func bind(_ id: String, to binding: RoleBinding) {
        merger.update(id) { identity in
            if !identity.roleBindings.contains(binding) { identity.roleBindings.append(binding) }
        }
    }

    private mutating func add(_ identity: Identity, namespace: String, implied: Bool) {
        if !merger.contains(identity.id) {
            if idsByNamespace[namespace] == nil { namespaceOrder.append(namespace) }
            idsByNamespace[namespace, default: []].append(identity.id)
        }
        merger.add(identity, implied: implied)
    }

    /// An account as every record of it starts: kind, platform, and the platform-issued tokens it
    /// authenticates with.
    private static func identity(namespace: String, name: String, origin: RecordOrigin) -> Identity {
        var identity = Identity(
            id: KubernetesServiceAccountReader.identityID(namespace: namespace, name: name),
            name: KubernetesServiceAccountReader.displayName(namespace: namespace, name: name),
            kind: .serviceAccount,
            platform: ImportPlatform.kubernetes.platformName,
            authentication: .workloadIdentity
        )
        identity.origin = origin
        return identity
    }

    /// An account known only from a mention: nothing but its name is known.
    private static func implied(namespace: String, name: String, origin: RecordOrigin) -> Identity {
        var identity = identity(namespace: namespace, name: name, origin: origin)
        identity.unreported = neverReported.union([.owner, .environment])
        return identity
    }
}
