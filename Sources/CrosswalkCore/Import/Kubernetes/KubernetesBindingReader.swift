/// Who a binding grants its role to, as far as service accounts are concerned.
enum KubernetesSubject: Hashable {
    /// One service account: a `ServiceAccount` subject, or a `User system:serviceaccount:NS:NAME`.
    case serviceAccount(namespace: String, name: String)
    /// A group whose members include service accounts: `system:serviceaccounts` (namespace nil)
    /// or `system:serviceaccounts:NS`, and `system:authenticated`, which every service account
    /// token belongs to.
    case serviceAccountGroup(name: String, namespace: String?)

    /// The group every service account belongs to, whatever its namespace.
    static let allServiceAccounts = "system:serviceaccounts"
    static let allAuthenticated = "system:authenticated"
    static let namespaceGroupPrefix = "system:serviceaccounts:"
    static let userPrefix = "system:serviceaccount:"
}

/// A RoleBinding or ClusterRoleBinding as read.
struct KubernetesBindingRecord {
    /// The role's id (`k8s:clusterrole/NAME` or `k8s:role/NAMESPACE/NAME`) and name.
    var roleID: String
    var roleName: String
    var roleIsClusterRole: Bool
    /// The binding's namespace; nil for a ClusterRoleBinding.
    var namespace: String?
    var subjects: [KubernetesSubject]
    /// Where the binding is, for the identities it names that have no listing of their own.
    var origin: RecordOrigin
    /// The binding's line, for diagnostics about it.
    var location: SourceLocation?
    /// The binding's key path in its file, e.g. `items[28]`.
    var keyPath: String

    /// What `RoleBinding.scope` says: the namespace, or `cluster`.
    var scope: String { namespace ?? "cluster" }
}

/// Reads RoleBinding and ClusterRoleBinding objects. Subjects that are people or groups of people
/// (`User alice`, `Group system:masters`) are not identities Crosswalk imports and are passed over.
enum KubernetesBindingReader {
    /// What one binding yields, or why it yields nothing.
    enum Outcome {
        case binding(KubernetesBindingRecord)
        /// The binding names no subjects at all (`system:node` in the bootstrap policy).
        case noSubjects
        case skipped
    }

    /// Reads one binding; `warned` holds the unknown values already warned about (one warning
    /// each).
    static func read(
        _ object: KubernetesObject,
        kind: ImportKind,
        warned: inout Set<String>,
        log: inout ImportLog
    ) -> Outcome {
        let file = object.document.path
        let isCluster = object.kind == KubernetesObjectKind.clusterRoleBinding.rawValue
        guard object.name != nil else {
            log.warning(
                file,
                at: object.node.location,
                keyPath: object.path("metadata.name"),
                "skipped: the \(object.kind) has no metadata.name"
            )
            return .skipped
        }
        guard let roleRef = object.node["roleRef"], roleRef.isObject, let roleName = roleRef["name"]?.nonBlankText
        else {
            log.warning(
                file,
                at: object.node["roleRef"]?.location ?? object.node.location,
                keyPath: object.path("roleRef.name"),
                "skipped: the \(object.kind) has no roleRef.name"
            )
            return .skipped
        }
        let roleKind = roleRef["kind"]?.text ?? KubernetesObjectKind.clusterRole.rawValue
        let namespace =
            isCluster ? nil : ImportText.screened(object.namespace ?? KubernetesServiceAccountReader.defaultNamespace)
        let screenedRole = ImportText.screened(roleName)
        let roleID: String
        switch (roleKind, namespace) {
        case (KubernetesObjectKind.clusterRole.rawValue, _):
            roleID = KubernetesRoleRecord.clusterRoleID(screenedRole)
        case (KubernetesObjectKind.role.rawValue, .some(let namespace)):
            roleID = KubernetesRoleRecord.roleID(namespace: namespace, name: screenedRole)
        default:
            log.warning(
                file,
                at: roleRef["kind"]?.location ?? roleRef.location,
                keyPath: object.path("roleRef.kind"),
                "skipped: a \(object.kind) cannot refer to a role of kind \"\(ImportText.screened(roleKind))\""
            )
            return .skipped
        }
        let subjectNodes = object.node["subjects"]?.elements ?? []
        guard !subjectNodes.isEmpty else { return .noSubjects }
        var subjects: [KubernetesSubject] = []
        for (index, subject) in subjectNodes.enumerated() {
            let path = object.path("subjects[\(index)]")
            guard let subjectKind = subject["kind"]?.text, let name = subject["name"]?.nonBlankText else {
                log.warning(file, at: subject.location, keyPath: path, "skipped subject: it has no kind or no name")
                continue
            }
            switch subjectKind {
            case "ServiceAccount":
                guard let subjectNamespace = subject["namespace"]?.nonBlankText ?? namespace else {
                    log.warning(
                        file,
                        at: subject.location,
                        keyPath: path + ".namespace",
                        "skipped subject: a ServiceAccount subject of a ClusterRoleBinding needs a namespace"
                    )
                    continue
                }
                subjects.append(
                    .serviceAccount(namespace: ImportText.screened(subjectNamespace), name: ImportText.screened(name))
                )
            case "User":
                guard name.hasPrefix(KubernetesSubject.userPrefix) else { continue }
                let parts = name.dropFirst(KubernetesSubject.userPrefix.count).split(
                    separator: ":",
                    omittingEmptySubsequences: false
                )
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    log.warning(
                        file,
                        at: subject.location,
                        keyPath: path + ".name",
                        "skipped subject: a service-account user name has the form system:serviceaccount:NAMESPACE:NAME"
                    )
                    continue
                }
                subjects.append(
                    .serviceAccount(
                        namespace: ImportText.screened(String(parts[0])),
                        name: ImportText.screened(String(parts[1]))
                    )
                )
            case "Group":
                if name == KubernetesSubject.allServiceAccounts || name == KubernetesSubject.allAuthenticated {
                    subjects.append(.serviceAccountGroup(name: name, namespace: nil))
                } else if name.hasPrefix(KubernetesSubject.namespaceGroupPrefix) {
                    let groupNamespace = String(name.dropFirst(KubernetesSubject.namespaceGroupPrefix.count))
                    if !groupNamespace.isEmpty {
                        subjects.append(
                            .serviceAccountGroup(
                                name: ImportText.screened(name),
                                namespace: ImportText.screened(groupNamespace)
                            )
                        )
                    }
                }
            default:
                guard warned.insert("subject kind \(subjectKind)").inserted else { continue }
                log.warning(
                    file,
                    at: subject["kind"]?.location ?? subject.location,
                    keyPath: path + ".kind",
                    "subjects of unknown kind \"\(ImportText.screened(subjectKind))\" are not read"
                )
            }
        }
        return .binding(
            KubernetesBindingRecord(
                roleID: roleID,
                roleName: screenedRole,
                roleIsClusterRole: roleKind == KubernetesObjectKind.clusterRole.rawValue,
                namespace: namespace,
                subjects: subjects,
                origin: object.origin(kind),
                location: object.node.location,
                keyPath: object.path("roleRef.name")
            )
        )
    }
}
