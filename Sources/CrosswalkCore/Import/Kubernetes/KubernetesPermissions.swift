/// Turns RBAC `rules` into Crosswalk permission strings, one per combination:
/// `<apiGroup or core>/<resource>:<verb>` (`core/secrets:get`, `apps/deployments:patch`,
/// `*/*:*`) and `url:<path>:<verb>` for `nonResourceURLs` (`url:/healthz:get`).
///
/// `resourceNames` narrow a rule to named objects; the permission string is kept as if they did
/// not (a rule on one named Secret still lets the holder read that Secret), and the docs say so.
enum KubernetesPermissions {
    /// The permission string for one API group, resource and verb.
    static func resource(group: String, resource: String, verb: String) -> String {
        "\(group.isEmpty ? "core" : group)/\(resource):\(verb)"
    }

    /// The permission string for one non-resource URL and verb.
    static func url(_ path: String, verb: String) -> String {
        "url:\(path):\(verb)"
    }

    /// The permissions of a `rules` list, each once, in rule order. Rules that cannot be read are
    /// skipped with a warning naming the rule.
    static func permissions(
        of rules: SourceNode?,
        object: KubernetesObject,
        log: inout ImportLog
    ) -> [String] {
        guard let rules, !rules.isNull else { return [] }
        guard rules.isArray else {
            log.warning(
                object.document.path,
                at: rules.location,
                keyPath: object.path("rules"),
                "rules is \(rules.typeDescription), expected a list; the role is read with no permissions"
            )
            return []
        }
        var seen: Set<String> = []
        var permissions: [String] = []
        func add(_ permission: String) {
            if seen.insert(permission).inserted { permissions.append(permission) }
        }
        for (index, rule) in rules.elements.enumerated() {
            let path = object.path("rules[\(index)]")
            let verbs = rule["verbs"]?.texts ?? []
            guard rule.isObject, !verbs.isEmpty else {
                log.warning(object.document.path, at: rule.location, keyPath: path, "skipped: the rule names no verbs")
                continue
            }
            let resources = rule["resources"]?.texts ?? []
            let urls = rule["nonResourceURLs"]?.texts ?? []
            if !resources.isEmpty {
                guard let groups = rule["apiGroups"]?.texts, !groups.isEmpty else {
                    log.warning(
                        object.document.path,
                        at: rule.location,
                        keyPath: path + ".apiGroups",
                        "the rule's resources are skipped: it names no apiGroups (\"\" is the core group)"
                    )
                    continue
                }
                for group in groups {
                    for resource in resources {
                        for verb in verbs { add(Self.resource(group: group, resource: resource, verb: verb)) }
                    }
                }
            }
            for path in urls {
                for verb in verbs { add(url(path, verb: verb)) }
            }
            if resources.isEmpty, urls.isEmpty {
                log.warning(
                    object.document.path,
                    at: rule.location,
                    keyPath: path,
                    "skipped: the rule names neither resources nor nonResourceURLs"
                )
            }
        }
        return permissions
    }

    /// Whether the permissions include every verb on every resource of every API group
    /// (`cluster-admin`'s first rule).
    static func grantsEverything(_ permissions: [String]) -> Bool {
        permissions.contains("*/*:*")
    }
}
