/// Turns the Roles and ClusterRoles read into Crosswalk roles: aggregated ClusterRoles get the
/// rules of every ClusterRole their selectors match (transitively, as the aggregation controller
/// keeps them), well-known ClusterRoles bound but not exported get their standard permissions,
/// and any other role a binding names but the export lacks is kept with no permissions and one
/// warning.
struct KubernetesRoleResolver {
    let roles: [KubernetesRoleRecord]

    func resolve(referencedBy bindings: [KubernetesBindingRecord], log: inout ImportLog) -> [Role] {
        var effective: [String: [String]] = [:]
        var result: [Role] = []
        for role in roles {
            var visiting: Set<String> = []
            let permissions = effectivePermissions(of: role, memo: &effective, visiting: &visiting)
            result.append(
                Role(
                    id: role.id,
                    name: role.name,
                    platform: ImportPlatform.kubernetes.platformName,
                    permissions: permissions,
                    administrative: KubernetesWellKnownRoles.isAdministrative(role, permissions: permissions)
                )
            )
        }
        var known = Set(roles.map(\.id))
        var missing: [KubernetesBindingRecord] = []
        for binding in bindings where !known.contains(binding.roleID) {
            known.insert(binding.roleID)
            let record = KubernetesRoleRecord(
                id: binding.roleID,
                name: binding.roleName,
                isClusterRole: binding.roleIsClusterRole,
                labels: [:],
                permissions: [],
                aggregation: nil
            )
            let wellKnown = binding.roleIsClusterRole ? KubernetesWellKnownRoles.permissions(of: binding.roleName) : nil
            if wellKnown == nil { missing.append(binding) }
            let permissions = wellKnown ?? []
            result.append(
                Role(
                    id: binding.roleID,
                    name: binding.roleName,
                    platform: ImportPlatform.kubernetes.platformName,
                    permissions: permissions,
                    administrative: KubernetesWellKnownRoles.isAdministrative(record, permissions: permissions)
                )
            )
        }
        Self.warnAbout(missing, log: &log)
        return result
    }

    /// A few missing roles get one located warning each; many (a cluster's controller roles, say)
    /// one warning at the first binding, naming the first few, so the report stays readable.
    private static func warnAbout(_ missing: [KubernetesBindingRecord], log: inout ImportLog) {
        func name(_ binding: KubernetesBindingRecord) -> String {
            "\(binding.roleIsClusterRole ? "ClusterRole" : "Role") \"\(binding.roleName)\""
        }
        guard let first = missing.first else { return }
        guard missing.count > 3 else {
            for binding in missing {
                log.warning(
                    binding.origin.file,
                    at: binding.location,
                    keyPath: binding.keyPath,
                    "\(name(binding)) is bound but not in the export: "
                        + "its bindings are kept with no permissions; export it to assess them"
                )
            }
            return
        }
        let named = missing.prefix(3).map(name).joined(separator: ", ")
        log.warning(
            first.origin.file,
            at: first.location,
            keyPath: first.keyPath,
            "\(missing.count) roles are bound but not in the export (\(named) and \(missing.count - 3) more): "
                + "their bindings are kept with no permissions; export them to assess them"
        )
    }

    /// The role's own permissions, then those of every ClusterRole its selectors match, each once.
    private func effectivePermissions(
        of role: KubernetesRoleRecord,
        memo: inout [String: [String]],
        visiting: inout Set<String>
    ) -> [String] {
        if let known = memo[role.id] { return known }
        guard let selectors = role.aggregation, !selectors.isEmpty else {
            memo[role.id] = role.permissions
            return role.permissions
        }
        visiting.insert(role.id)
        var seen = Set(role.permissions)
        var permissions = role.permissions
        for other in roles where other.isClusterRole && other.id != role.id && !visiting.contains(other.id) {
            guard selectors.contains(where: { $0.matches(other.labels) }) else { continue }
            for permission in effectivePermissions(of: other, memo: &memo, visiting: &visiting)
            where seen.insert(permission).inserted {
                permissions.append(permission)
            }
        }
        visiting.remove(role.id)
        memo[role.id] = permissions
        return permissions
    }
}
