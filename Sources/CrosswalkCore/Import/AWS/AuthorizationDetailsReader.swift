/// Reads `aws iam get-account-authorization-details` JSON: users (with their groups' policies),
/// roles (with their trust policies and last use), groups, and managed and inline policies.
///
/// Lenient where real exports vary: a list may come as one object, a policy document as
/// URL-encoded JSON, `Statement`/`Action`/`Resource` as a string or a list. A record without an
/// `Arn` (or of the wrong type) is skipped with a warning at its position; a file that is not a
/// JSON object with at least one of the export's lists is an error.
struct AuthorizationDetailsReader {
    /// The top-level lists an export holds; one of them must be there.
    static let listKeys = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"]

    /// Whether the document has the export's shape: an object with `UserDetailList`,
    /// `GroupDetailList` or `RoleDetailList`.
    static func looksLikeAuthorizationDetails(_ document: ImportDocument) -> Bool {
        guard let tree = document.treeIfParsable, tree.isObject else { return false }
        return ["UserDetailList", "GroupDetailList", "RoleDetailList"].contains { tree[$0]?.isArray == true }
    }

    static func read(_ document: ImportDocument, as kind: ImportKind, log: inout ImportLog) -> AuthorizationDetails {
        let tree: SourceNode
        do {
            tree = try document.tree()
        } catch let diagnostic as Diagnostic {
            log.add(diagnostic)
            return AuthorizationDetails(file: document.path)
        } catch {
            log.error(document.path, "could not be parsed: \(error)")
            return AuthorizationDetails(file: document.path)
        }
        guard tree.isObject, listKeys.contains(where: { tree[$0] != nil }) else {
            log.error(
                document.path,
                at: tree.location,
                "not an authorization-details export: expected a JSON object with "
                    + listKeys.joined(separator: ", ")
            )
            return AuthorizationDetails(file: document.path)
        }
        var reader = AuthorizationDetailsReader(document: document, kind: kind)
        reader.read(tree, log: &log)
        return reader.details
    }

    private let document: ImportDocument
    private let kind: ImportKind
    private var details: AuthorizationDetails
    /// Each group's policy bindings (scoped `via group NAME`), by group name.
    private var groupBindings: [String: [RoleBinding]] = [:]
    private var warnedEffects: Set<String> = []
    /// Roles only SAML identity providers may assume: people's single sign-on roles.
    private var samlRoleCount = 0

    private init(document: ImportDocument, kind: ImportKind) {
        self.document = document
        self.kind = kind
        self.details = AuthorizationDetails(file: document.path)
    }

    private mutating func read(_ tree: SourceNode, log: inout ImportLog) {
        if tree["IsTruncated"]?.flag == true {
            log.warning(
                document.path,
                at: tree["IsTruncated"]?.location,
                keyPath: "IsTruncated",
                "the export is incomplete (IsTruncated: true): fetch every page (the CLI does unless "
                    + "--max-items or --no-paginate is given) and import them all"
            )
        }
        let lists = Self.listKeys.map { tree[$0]?.elements ?? [] }
        if lists.allSatisfy(\.isEmpty) {
            log.warning(document.path, "the export is empty: no users, groups, roles or policies")
        }
        for (index, node) in (tree["Policies"]?.elements ?? []).enumerated() {
            readManagedPolicy(node, path: "Policies[\(index)]", log: &log)
        }
        for (index, node) in (tree["GroupDetailList"]?.elements ?? []).enumerated() {
            readGroup(node, path: "GroupDetailList[\(index)]", log: &log)
        }
        for (index, node) in (tree["UserDetailList"]?.elements ?? []).enumerated() {
            readUser(node, path: "UserDetailList[\(index)]", log: &log)
        }
        for (index, node) in (tree["RoleDetailList"]?.elements ?? []).enumerated() {
            readRole(node, path: "RoleDetailList[\(index)]", log: &log)
        }
        if samlRoleCount > 0 {
            log.warning(
                document.path,
                "\(samlRoleCount) role\(samlRoleCount == 1 ? " is" : "s are") assumable only through SAML "
                    + "identity providers: people's sign-in roles, not imported"
            )
        }
    }

    // MARK: Records

    private mutating func readManagedPolicy(_ node: SourceNode, path: String, log: inout ImportLog) {
        guard let arn = requiredARN(node, path: path, record: "policy", log: &log) else { return }
        let name = ImportText.screened(node["PolicyName"]?.nonBlankText ?? Self.lastComponent(of: arn))
        let versions = node["PolicyVersionList"]?.elements ?? []
        let defaultID = node["DefaultVersionId"]?.text
        let chosen =
            versions.firstIndex { $0["IsDefaultVersion"]?.flag == true }
            ?? versions.firstIndex { defaultID != nil && $0["VersionId"]?.text == defaultID }
        var grant = PolicyGrant()
        if let chosen, let documentNode = versions[chosen]["Document"] {
            grant =
                readDocument(documentNode, path: "\(path).PolicyVersionList[\(chosen)].Document", log: &log)
                ?? PolicyGrant()
        } else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "policy \(Diagnostic.quoted(arn)) has no default version document; its permissions are unknown"
            )
        }
        let known = AWSManagedPolicies.administrative[arn]
        if grant.permissions.isEmpty, let known { grant.permissions = known.permissions }
        details.managedPolicies[arn] = Role(
            id: arn,
            name: name,
            platform: ImportPlatform.aws.platformName,
            permissions: grant.permissions,
            administrative: grant.administrative || known != nil
        )
    }

    private mutating func readGroup(_ node: SourceNode, path: String, log: inout ImportLog) {
        guard let arn = requiredARN(node, path: path, record: "group", log: &log) else { return }
        guard let name = node["GroupName"]?.nonBlankText else {
            log.warning(document.path, at: node.location, keyPath: path, "group skipped: it has no GroupName")
            return
        }
        let scope = "via group \(ImportText.screened(name))"
        var bindings = attachedPolicies(node, path: path, log: &log).map { RoleBinding(role: $0, scope: scope) }
        bindings += inlinePolicies(node["GroupPolicyList"], of: arn, path: "\(path).GroupPolicyList", log: &log)
            .map { RoleBinding(role: $0, scope: scope) }
        groupBindings[name, default: []] += bindings
    }

    private mutating func readUser(_ node: SourceNode, path: String, log: inout ImportLog) {
        guard let arn = requiredARN(node, path: path, record: "user", log: &log) else { return }
        var bindings = attachedPolicies(node, path: path, log: &log).map { RoleBinding(role: $0) }
        bindings += inlinePolicies(node["UserPolicyList"], of: arn, path: "\(path).UserPolicyList", log: &log)
            .map { RoleBinding(role: $0) }
        for group in node["GroupList"]?.elements ?? [] {
            guard let name = group.text else { continue }
            guard let groupBindings = groupBindings[name] else {
                log.warning(
                    document.path,
                    at: group.location,
                    keyPath: "\(path).GroupList",
                    "group \(Diagnostic.quoted(name)) is not in the export's GroupDetailList; its policies are unknown"
                )
                continue
            }
            for binding in groupBindings where !bindings.contains(binding) { bindings.append(binding) }
        }
        let tags = Self.tags(node["Tags"])
        var user = Identity(
            id: arn,
            name: ImportText.screened(node["UserName"]?.nonBlankText ?? Self.lastComponent(of: arn)),
            kind: .serviceAccount,
            platform: ImportPlatform.aws.platformName,
            environment: AWSTagConventions.value(of: AWSTagConventions.environmentKeys, in: tags),
            owner: AWSTagConventions.value(of: AWSTagConventions.ownerKeys, in: tags),
            created: time(node["CreateDate"], path: "\(path).CreateDate", log: &log),
            roleBindings: bindings,
            tags: tags
        )
        user.origin = document.origin(kind: kind, node: node, path: path)
        // The export says nothing of sign-ins, keys or their use: the credential report does.
        user.unreported = [
            .lastUsed, .credentialLastUsed, .credentialStorage, .trustZone, .interactiveUse, .sharedAccount,
        ]
        details.users.append(user)
    }

    private mutating func readRole(_ node: SourceNode, path: String, log: inout ImportLog) {
        guard let arn = requiredARN(node, path: path, record: "role", log: &log) else { return }
        var trust: TrustPolicy?
        if let trustNode = node["AssumeRolePolicyDocument"] {
            switch PolicyDocument.read(trustNode) {
            case .success(let document): trust = TrustPolicy(document)
            case .failure(let problem):
                log.warning(
                    document.path,
                    at: trustNode.location,
                    keyPath: "\(path).AssumeRolePolicyDocument",
                    "\(problem.message); who may assume the role is unknown"
                )
            }
        }
        if let trust, trust.isSAMLOnly {
            samlRoleCount += 1
            return
        }
        var bindings = attachedPolicies(node, path: path, log: &log).map { RoleBinding(role: $0) }
        bindings += inlinePolicies(node["RolePolicyList"], of: arn, path: "\(path).RolePolicyList", log: &log)
            .map { RoleBinding(role: $0) }
        var tags = Self.tags(node["Tags"])
        var derived: [Tag] = []
        let rolePath = node["Path"]?.text ?? ""
        let serviceLinked = rolePath.hasPrefix("/aws-service-role/")
        if serviceLinked { derived.append(Tag(key: "service-linked", value: "true")) }
        if let trust {
            if trust.anyPrincipal {
                derived.append(Tag(key: "trust", value: "any-aws-principal"))
                bindings.append(RoleBinding(role: AWSPseudoRole.anyPrincipal.id))
            } else if trust.anyPrincipalWithCondition {
                derived.append(Tag(key: "trust", value: "any-aws-principal-with-condition"))
            }
            let lists = [
                ("trusted-services", trust.services), ("trusted-principals", trust.awsPrincipals),
                ("trusted-identity-providers", trust.oidcProviders + trust.samlProviders),
            ]
            for (key, values) in lists where !values.isEmpty {
                derived.append(Tag(key: key, value: ImportText.screened(values.joined(separator: ", "))))
            }
        }
        tags.removeAll { tag in derived.contains { $0.key == tag.key } }
        tags = derived + tags

        var role = Identity(
            id: arn,
            name: ImportText.screened(node["RoleName"]?.nonBlankText ?? Self.lastComponent(of: arn)),
            kind: .workloadIdentity,
            platform: ImportPlatform.aws.platformName,
            environment: AWSTagConventions.value(of: AWSTagConventions.environmentKeys, in: tags),
            owner: AWSTagConventions.value(of: AWSTagConventions.ownerKeys, in: tags),
            created: time(node["CreateDate"], path: "\(path).CreateDate", log: &log),
            authentication: trust?.authentication,
            interactiveUse: trust?.interactiveUse,
            sharedAccount: trust?.anyPrincipal == true ? true : nil,
            roleBindings: bindings,
            tags: tags
        )
        role.origin = document.origin(kind: kind, node: node, path: path)
        role.unreported = [.trustZone]
        if role.interactiveUse == nil { role.unreported.insert(.interactiveUse) }
        if role.sharedAccount == nil { role.unreported.insert(.sharedAccount) }
        if serviceLinked { role.unreported.insert(.owner) }
        // RoleLastUsed: {LastUsedDate, Region}; {} when unused in the tracking window (about 400
        // days), which is a reported "not used", not a gap; absent in exports that predate it.
        if let lastUsed = node["RoleLastUsed"] {
            if let date = lastUsed["LastUsedDate"] {
                role.lastUsed = time(date, path: "\(path).RoleLastUsed.LastUsedDate", log: &log)
                // An unreadable date tells nothing: not "never used".
                if ExportTime(date) == .invalid { role.unreported.insert(.lastUsed) }
            }
        } else {
            role.unreported.insert(.lastUsed)
        }
        details.roles.append(role)
    }

    // MARK: Policies

    /// The ARNs of `AttachedManagedPolicies` (a list, or one object).
    private mutating func attachedPolicies(_ node: SourceNode, path: String, log: inout ImportLog) -> [String] {
        var arns: [String] = []
        for (index, attachment) in (node["AttachedManagedPolicies"]?.elements ?? []).enumerated() {
            guard let arn = attachment["PolicyArn"]?.nonBlankText else {
                log.warning(
                    document.path,
                    at: attachment.location,
                    keyPath: "\(path).AttachedManagedPolicies[\(index)]",
                    "attachment skipped: it has no PolicyArn"
                )
                continue
            }
            if details.attachedPolicyNames[arn] == nil {
                details.attachedPolicyNames[arn] = ImportText.screened(
                    attachment["PolicyName"]?.nonBlankText ?? Self.lastComponent(of: arn)
                )
            }
            if !arns.contains(arn) { arns.append(arn) }
        }
        return arns
    }

    /// One role per inline policy, `<principal ARN>#inline/<PolicyName>`; returns their ids.
    private mutating func inlinePolicies(
        _ list: SourceNode?,
        of principal: String,
        path: String,
        log: inout ImportLog
    ) -> [String] {
        var ids: [String] = []
        for (index, policy) in (list?.elements ?? []).enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let name = policy["PolicyName"]?.nonBlankText, let documentNode = policy["PolicyDocument"] else {
                log.warning(
                    document.path,
                    at: policy.location,
                    keyPath: itemPath,
                    "inline policy skipped: it needs PolicyName and PolicyDocument"
                )
                continue
            }
            guard let grant = readDocument(documentNode, path: "\(itemPath).PolicyDocument", log: &log) else {
                continue
            }
            let id = "\(principal)#inline/\(name)"
            details.inlinePolicies.append(
                Role(
                    id: id,
                    name: ImportText.screened(name),
                    platform: ImportPlatform.aws.platformName,
                    permissions: grant.permissions,
                    administrative: grant.administrative
                )
            )
            ids.append(id)
        }
        return ids
    }

    /// A permission policy's grant; nil (with a warning) when the node is not a policy document.
    private mutating func readDocument(_ node: SourceNode, path: String, log: inout ImportLog) -> PolicyGrant? {
        switch PolicyDocument.read(node) {
        case .success(let policy):
            for effect in policy.unknownEffects where warnedEffects.insert(effect).inserted {
                log.warning(
                    document.path,
                    at: node.location,
                    keyPath: path,
                    "unknown Effect \(Diagnostic.quoted(effect)) (expected Allow or Deny); such statements grant nothing"
                )
            }
            return policy.grant
        case .failure(let problem):
            log.warning(document.path, at: node.location, keyPath: path, "policy skipped: \(problem.message)")
            return nil
        }
    }

    // MARK: Values

    private func requiredARN(_ node: SourceNode, path: String, record: String, log: inout ImportLog) -> String? {
        guard node.isObject else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "\(record) skipped: expected an object, found \(node.typeDescription)"
            )
            return nil
        }
        guard let arn = node["Arn"]?.nonBlankText?.trimmedOfSpaces, arn.hasPrefix("arn:") else {
            log.warning(document.path, at: node.location, keyPath: path, "\(record) skipped: it has no Arn")
            return nil
        }
        return arn
    }

    private func time(_ node: SourceNode?, path: String, log: inout ImportLog) -> Timestamp? {
        switch ExportTime(node) {
        case .time(let time): return time
        case .none: return nil
        case .invalid:
            log.warning(document.path, at: node?.location, keyPath: path, "is not a time stamp; read as no date")
            return nil
        }
    }

    /// `Tags: [{Key, Value}]`, values screened; keys as written.
    private static func tags(_ node: SourceNode?) -> [Tag] {
        (node?.elements ?? []).compactMap { tag in
            guard let key = tag["Key"]?.nonBlankText else { return nil }
            return Tag(key: ImportText.screened(key), value: ImportText.screened(tag["Value"]?.text ?? ""))
        }
    }

    /// The name after the last `/` of an ARN.
    static func lastComponent(of arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }
}
