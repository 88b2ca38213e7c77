/// Reads Kubernetes exports (`kubectl get serviceaccounts,secrets,roles,rolebindings,clusterroles,
/// clusterrolebindings -A -o json`, or `-o yaml`): service accounts become identities, legacy
/// token Secrets their credentials, Roles and ClusterRoles roles, and bindings the role bindings
/// of the accounts they name, directly or through the service-account groups.
///
/// Files are read one by one; `finish` joins them, so a binding in one file reaches the accounts
/// of another and an aggregated ClusterRole gathers rules from every file.
struct KubernetesImporter: PlatformImporter {
    static let platform = ImportPlatform.kubernetes

    /// The one kind: any mix of the six object kinds, in a `List` or on their own.
    static let objects = ImportKind(
        name: "kubernetes",
        platform: .kubernetes,
        summary: "Kubernetes service accounts, token Secrets and RBAC (a List or single objects, JSON or YAML)",
        producedBy:
            "kubectl get serviceaccounts,secrets,roles,rolebindings,clusterroles,clusterrolebindings -A -o json",
        matches: { KubernetesExportReader.matches($0) }
    )

    static var kinds: [ImportKind] { [objects] }

    private var serviceAccounts: [KubernetesServiceAccountRecord] = []
    private var tokenSecrets: [KubernetesTokenSecretRecord] = []
    private var roles: [KubernetesRoleRecord] = []
    private var roleIndex: [String: Int] = [:]
    private var bindings: [KubernetesBindingRecord] = []
    /// Unknown values already warned about (object kinds, subject kinds), one warning each.
    private var warned: Set<String> = []
    /// Bindings that name no subjects (they grant nothing); counted, not warned about.
    private(set) var bindingsWithoutSubjects = 0
    /// Secrets of other types than the service-account token, passed over.
    private(set) var otherSecrets = 0

    init() {}

    mutating func read(_ document: ImportDocument, as kind: ImportKind, log: inout ImportLog) {
        let objects: [KubernetesObject]
        do {
            objects = try KubernetesExportReader.objects(in: document, log: &log)
        } catch let diagnostic as Diagnostic {
            log.add(diagnostic)
            return
        } catch {
            log.error(document.path, "could not be read: \(error)")
            return
        }
        if objects.isEmpty {
            log.warning(document.path, "the export is empty: it holds no Kubernetes objects")
            return
        }
        for object in objects {
            switch KubernetesObjectKind(rawValue: object.kind) {
            case .serviceAccount:
                if let account = KubernetesServiceAccountReader.read(object, kind: kind, log: &log) {
                    serviceAccounts.append(account)
                }
            case .secret:
                guard KubernetesTokenSecretReader.isTokenSecret(object) else {
                    otherSecrets += 1
                    continue
                }
                if let secret = KubernetesTokenSecretReader.read(object, kind: kind, log: &log) {
                    tokenSecrets.append(secret)
                }
            case .role, .clusterRole:
                if let role = KubernetesRoleReader.read(object, log: &log), roleIndex[role.id] == nil {
                    roleIndex[role.id] = roles.count
                    roles.append(role)
                }
            case .roleBinding, .clusterRoleBinding:
                switch KubernetesBindingReader.read(object, kind: kind, warned: &warned, log: &log) {
                case .binding(let binding): bindings.append(binding)
                case .noSubjects: bindingsWithoutSubjects += 1
                case .skipped: break
                }
            case nil:
                guard warned.insert("kind \(object.kind)").inserted else { continue }
                log.warning(
                    document.path,
                    at: object.node["kind"]?.location ?? object.node.location,
                    keyPath: object.path("kind"),
                    "objects of kind \"\(ImportText.screened(object.kind))\" are not read (only ServiceAccount, "
                        + "Secret, Role, ClusterRole, RoleBinding and ClusterRoleBinding)"
                )
            }
        }
    }

    mutating func finish(log: inout ImportLog) -> ImportedPlatform {
        var builder = KubernetesInventoryBuilder(serviceAccounts: serviceAccounts)
        builder.addTokenSecrets(tokenSecrets)
        builder.addBindings(bindings)
        let roles = KubernetesRoleResolver(roles: roles).resolve(referencedBy: bindings, log: &log)
        return ImportedPlatform(identities: builder.identities(), roles: roles)
    }
}
