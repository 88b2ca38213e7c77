/// One binding of a role to a non-human member (a service account, a deleted one, a federated
/// workload), waiting to be joined to its identity.
struct GoogleCloudPendingGrant {
    var member: GoogleCloudMember
    /// The IAM role as written: `roles/owner`, `projects/p/roles/custom`.
    var role: String
    /// The resource the policy belongs to, with the binding's condition title when it has one.
    var scope: String
    var origin: RecordOrigin
}

extension GoogleCloudImporter {
    /// Reads a `gcloud projects|folders|organizations get-iam-policy` export (one policy, or a
    /// list of them). The policy does not name its resource: the file name (without extension)
    /// stands for it, so name the file after the project, folder or organization.
    mutating func readPolicies(
        _ records: [GoogleCloudRecord],
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        let scope = Self.policyScope(ofFile: document.path)
        guard records.contains(where: { Self.isPolicy($0.node) }) else {
            log.error(
                document.path,
                at: records.first?.node.location,
                "not an IAM policy: expected a mapping with bindings, auditConfigs or etag (the output of \(kind.producedBy))"
            )
            return
        }
        for record in records {
            guard Self.isPolicy(record.node) else {
                log.warning(
                    document.path,
                    at: record.node.location,
                    keyPath: record.path.isEmpty ? nil : record.path,
                    "skipped: not an IAM policy (no bindings, auditConfigs or etag)"
                )
                continue
            }
            readPolicy(
                record.node,
                path: record.path,
                scope: scope,
                readsAuditConfigs: true,
                document: document,
                kind: kind,
                log: &log
            )
        }
    }

    /// Whether a record is an IAM policy: one with bindings or audit configurations, or an empty
    /// one, which has only an etag (and a version).
    static func isPolicy(_ node: SourceNode) -> Bool {
        guard node.isObject else { return false }
        if node["bindings"] != nil || node[anyOf: "auditConfigs", "audit_configs"] != nil { return true }
        return node["etag"] != nil && node.members.allSatisfy { ["etag", "version"].contains($0.key) }
    }

    /// The resource an IAM policy file stands for: its base name without extension.
    static func policyScope(ofFile path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = name[name.index(after: slash)...] }
        for suffix in [".json", ".yaml", ".yml", ".jsonl", ".ndjson"] where name.lowercased().hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            break
        }
        return name.isEmpty ? "project" : String(name)
    }

    /// Reads the bindings (and, for projects, folders and organizations, the audit
    /// configurations) of one policy, in gcloud's camelCase or Cloud Asset Inventory's snake_case.
    mutating func readPolicy(
        _ policy: SourceNode,
        path: String,
        scope: String,
        readsAuditConfigs: Bool,
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        let bindingsPath = GoogleCloudRecords.join(path, "bindings")
        if let bindings = policy["bindings"], !bindings.isArray, !bindings.isNull {
            log.warning(
                document.path,
                at: bindings.location,
                keyPath: bindingsPath,
                "skipped: bindings must be a list, found \(bindings.typeDescription)"
            )
        } else {
            for (index, binding) in (policy["bindings"]?.elements ?? []).enumerated() {
                readBinding(
                    binding,
                    path: "\(bindingsPath)[\(index)]",
                    scope: scope,
                    document: document,
                    kind: kind,
                    log: &log
                )
            }
        }
        guard readsAuditConfigs, let configs = policy[anyOf: "auditConfigs", "audit_configs"], !configs.isNull else {
            return
        }
        for logType in audit.read(configs, resource: scope, file: document.path) {
            warnOnce(
                "logType \(logType)",
                document.path,
                at: configs.location,
                keyPath: GoogleCloudRecords.join(path, "auditConfigs"),
                "unknown audit log type \(Diagnostic.quoted(logType)): kept, but it does not count as logging use",
                log: &log
            )
        }
    }

    private mutating func readBinding(
        _ binding: SourceNode,
        path: String,
        scope: String,
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        guard let role = binding["role"]?.nonBlankText else {
            log.warning(
                document.path,
                at: binding.location,
                keyPath: GoogleCloudRecords.join(path, "role"),
                "skipped: the binding has no role"
            )
            return
        }
        guard let members = binding["members"], members.isArray else {
            log.warning(
                document.path,
                at: binding["members"]?.location ?? binding.location,
                keyPath: GoogleCloudRecords.join(path, "members"),
                "skipped: the binding's members must be a list, found \(binding["members"]?.typeDescription ?? "nothing")"
            )
            return
        }
        var bindingScope = scope
        if let title = binding["condition"]?["title"]?.nonBlankText ?? binding["condition"]?["expression"]?.nonBlankText
        {
            bindingScope += " (condition: \(ImportText.screened(title)))"
        }
        let origin = document.origin(kind: kind, node: binding, path: path)
        for (index, memberNode) in members.elements.enumerated() {
            let memberPath = "\(path).members[\(index)]"
            guard case .string(let text) = memberNode.value, !text.trimmedOfSpaces.isEmpty else {
                log.warning(
                    document.path,
                    at: memberNode.location,
                    keyPath: memberPath,
                    "skipped: a member must be a string, found \(memberNode.typeDescription)"
                )
                continue
            }
            let member = GoogleCloudMember(text)
            switch member {
            case .serviceAccount(let email) where !email.contains("@"):
                log.warning(
                    document.path,
                    at: memberNode.location,
                    keyPath: memberPath,
                    "skipped: \(Diagnostic.quoted(text)) names no service account e-mail"
                )
            case .serviceAccount, .workload:
                grants.append(GoogleCloudPendingGrant(member: member, role: role, scope: bindingScope, origin: origin))
            case .deletedServiceAccount(let email, _):
                log.warning(
                    document.path,
                    at: memberNode.location,
                    keyPath: memberPath,
                    "orphaned binding: \(role) on \(bindingScope) is still granted to the deleted service account \(Diagnostic.quoted(email)); remove the binding"
                )
                grants.append(GoogleCloudPendingGrant(member: member, role: role, scope: bindingScope, origin: origin))
            case .everyone(let who):
                let meaning = who == "allUsers" ? "anyone on the internet" : "anyone with a Google account"
                log.warning(
                    document.path,
                    at: memberNode.location,
                    keyPath: memberPath,
                    "public grant: \(role) on \(bindingScope) is granted to \(who) (\(meaning)); not a non-human identity, but review it"
                )
            case .person:
                break
            case .unknown(let prefix):
                warnOnce(
                    "member \(prefix)",
                    document.path,
                    at: memberNode.location,
                    keyPath: memberPath,
                    "unknown member type \(Diagnostic.quoted(prefix)): skipped",
                    log: &log
                )
            }
        }
    }
}
