/// Joins what the Azure exports say into identities and roles: service principals first, then the
/// credentials of their app registrations, then the role assignments that name them.
struct AzureJoin {
    private var merger = IdentityMerger()
    /// Service principal object id by application (client) id.
    private var principalByAppID: [String: String] = [:]
    /// The identity of an app registration no service principal was listed for, by application id.
    private var applicationByAppID: [String: String] = [:]
    /// Agent identities and the application id of their blueprint, resolved once all is read.
    private var blueprints: [(agent: String, blueprintAppID: String)] = []
    /// Role definitions an `azure-role-definitions` export gave, by GUID.
    private let definitions: [String: AzureRoleDefinition]
    private var roles: [String: Role] = [:]
    private var roleOrder: [String] = []
    /// Role definitions that are not built-in roles Crosswalk knows, with the first assignment.
    private var unknownDefinitions: [(guid: String, assignment: AzureRoleAssignment)] = []
    /// Assignments to people, groups and devices skipped, by file: principal type → count.
    private var skipped: [String: [String: Int]] = [:]
    private var skippedFiles: [String] = []

    /// What no Azure export here tells for any identity: last sign-in (another report), the
    /// environment and trust zone, and whether people sign in as it or share it.
    static let neverReported: UnreportedFields = [
        .lastUsed, .credentialLastUsed, .environment, .trustZone, .interactiveUse, .sharedAccount,
    ]

    init(definitions: [AzureRoleDefinition] = []) {
        var byGUID: [String: AzureRoleDefinition] = [:]
        for definition in definitions where byGUID[definition.guid] == nil { byGUID[definition.guid] = definition }
        self.definitions = byGUID
    }

    /// Adds a listed service principal; `homeTenant` decides whether it is third-party.
    mutating func add(_ principal: AzurePrincipal, homeTenant: String?) {
        var identity = principal.identity
        let managed = identity.kind == .managedIdentity
        if !managed, let owner = principal.appOwnerTenant {
            identity.thirdParty =
                AzureHomeTenant.microsoftTenants.contains(owner) || (homeTenant != nil && owner != homeTenant)
        }
        var unreported = Self.neverReported
        if !principal.ownersReported { unreported.insert(.owner) }
        if !managed { unreported.insert(.credentialStorage) }
        if identity.thirdParty { unreported.insert(.lastReviewed) }
        identity.unreported = unreported
        merger.add(identity)
        if let appID = principal.appID, principalByAppID[appID] == nil { principalByAppID[appID] = identity.id }
        if let blueprint = principal.blueprintAppID { blueprints.append((identity.id, blueprint)) }
    }

    /// Adds an app registration: its credentials and owners go to its service principal, or, when
    /// no export lists one, to an api-client identity keyed by the application's object id.
    mutating func add(_ application: AzureApplication) {
        if let appID = application.appID, let principalID = principalByAppID[appID] {
            merger.update(principalID) { identity in
                for credential in application.credentials
                where !identity.credentials.contains(where: { $0.id == credential.id }) {
                    identity.credentials.append(credential)
                }
                if application.owners.reported {
                    identity.owner = identity.owner ?? application.owners.owner
                    identity.unreported.remove(.owner)
                }
            }
            return
        }
        var identity = Identity(
            id: application.objectID,
            name: application.name,
            kind: .apiClient,
            platform: ImportPlatform.azure.platformName,
            owner: application.owners.owner,
            status: application.status,
            created: application.created,
            credentials: application.credentials
        )
        if let appID = application.appID {
            identity.tags = [Tag(key: "azure.appId", value: appID)]
            if applicationByAppID[appID] == nil { applicationByAppID[appID] = identity.id }
        }
        identity.origin = application.origin
        identity.unreported = Self.neverReported.union(.credentialStorage)
        if !application.owners.reported { identity.unreported.insert(.owner) }
        merger.add(identity)
    }

    /// Records last sign-ins (by application id) as the identities' last use. When a sign-in
    /// export is complete, an application service principal or app registration it leaves out
    /// had no sign-in in it: its last use is then known to be none, not unreported. Managed and
    /// agent identities it leaves out stay unreported (the report may not cover them).
    mutating func record(_ activities: [AzureSignInActivity], completeExport: Bool) {
        var seen: Set<String> = []
        for activity in activities {
            guard let id = principalByAppID[activity.appID] ?? applicationByAppID[activity.appID] else { continue }
            seen.insert(id)
            merger.update(id) { identity in
                if let signIn = activity.lastSignIn { identity.lastUsed = max(identity.lastUsed ?? signIn, signIn) }
                identity.unreported.remove(.lastUsed)
            }
        }
        guard completeExport else { return }
        for id in Set(principalByAppID.values).union(applicationByAppID.values) where !seen.contains(id) {
            merger.update(id) { identity in
                guard identity.kind == .serviceAccount || identity.kind == .apiClient else { return }
                identity.unreported.remove(.lastUsed)
            }
        }
    }

    /// Records credentials' last sign-ins as their last use, on the identity the report names (by
    /// service principal object id, else by application id). When a credential report is
    /// complete, the credentials of application service principals and app registrations it
    /// leaves out had no sign-in in it: their last use is known to be none, not unreported.
    mutating func record(_ signIns: [AzureCredentialSignIn], completeExport: Bool) {
        for signIn in signIns {
            let candidates = [
                signIn.principalID, signIn.appID.flatMap { principalByAppID[$0] },
                signIn.appID.flatMap { applicationByAppID[$0] },
            ]
            guard let id = candidates.compactMap({ $0 }).first(where: merger.contains) else { continue }
            let keyID = signIn.keyID.lowercased()
            merger.update(id) { identity in
                guard let index = identity.credentials.firstIndex(where: { $0.id.lowercased() == keyID }),
                    let signedIn = signIn.lastSignIn
                else { return }
                identity.credentials[index].lastUsed = max(identity.credentials[index].lastUsed ?? signedIn, signedIn)
            }
        }
        guard completeExport else { return }
        for id in Set(principalByAppID.values).union(applicationByAppID.values) {
            merger.update(id) { identity in
                guard identity.kind == .serviceAccount || identity.kind == .apiClient else { return }
                identity.unreported.remove(.credentialLastUsed)
            }
        }
    }

    /// Binds an assignment's role to its principal. Assignments to users, groups and devices are
    /// skipped (counted); one with no `principalType` is kept only when its principal is a listed
    /// service principal; an unknown type is kept with one warning per value.
    mutating func bind(_ assignment: AzureRoleAssignment, log: inout ImportLog, notices: inout AzureDistinctWarnings) {
        let type = assignment.principalType ?? ""
        switch type {
        case "ServicePrincipal":
            break
        case "User", "Group", "ForeignGroup", "Device":
            skip(assignment, as: type)
            return
        case "":
            guard merger.contains(assignment.principalID) else {
                skip(assignment, as: "no principalType")
                return
            }
        default:
            notices.warnOnce(
                "principalType=\(type)",
                assignment.file,
                at: assignment.location,
                keyPath: "\(assignment.keyPath).principalType",
                "unknown principalType \(Diagnostic.quoted(type)); the assignment is kept as a non-human "
                    + "principal's",
                log: &log
            )
        }
        let broad = AzureScopeLevel(scope: assignment.scope).isBroad
        let roleID = role(for: assignment, broad: broad)
        var scope = assignment.scope
        if let condition = assignment.condition {
            let excerpt = condition.count > 120 ? condition.prefix(119) + "…" : condition
            scope += " (condition: \(excerpt))"
        }
        let binding = RoleBinding(role: roleID, scope: scope)
        let known = merger.update(assignment.principalID) { identity in
            if !identity.roleBindings.contains(binding) { identity.roleBindings.append(binding) }
        }
        guard !known else { return }
        let kind =
            type.isEmpty || type == "ServicePrincipal" ? IdentityKind.serviceAccount : IdentityKind(rawValue: type)
        var identity = Identity(
            id: assignment.principalID,
            name: assignment.principalName ?? assignment.principalID,
            kind: kind,
            platform: ImportPlatform.azure.platformName,
            roleBindings: [binding]
        )
        identity.origin = assignment.origin
        identity.unreported = Self.neverReported.union([.owner, .credentialStorage])
        merger.add(identity, implied: true)
    }

    /// The role id for the assignment's definition at this breadth, creating the role on first use.
    private mutating func role(for assignment: AzureRoleAssignment, broad: Bool) -> String {
        let guid = assignment.roleDefinitionID
        let id = AzureRoleID.id(definition: guid, broad: broad)
        if var role = roles[id] {
            if role.name == AzureRoleID.name(guid, broad: broad), let name = assignment.roleDefinitionName {
                role.name = AzureRoleID.name(name, broad: broad)
                roles[id] = role
            }
            return id
        }
        let definition = definitions[guid]
        let builtIn = AzureBuiltInRole.byGUID[guid]
        if definition == nil, builtIn == nil, !unknownDefinitions.contains(where: { $0.guid == guid }) {
            unknownDefinitions.append((guid, assignment))
        }
        // An exported definition is authoritative; the built-in table stands in for it.
        let name = definition?.name ?? builtIn?.name ?? assignment.roleDefinitionName ?? guid
        let administrative = definition?.administrative ?? builtIn?.administrative ?? .never
        roles[id] = Role(
            id: id,
            name: AzureRoleID.name(name, broad: broad),
            platform: ImportPlatform.azure.platformName,
            permissions: definition?.actions ?? builtIn?.permissions ?? [],
            administrative: administrative.applies(broad: broad)
        )
        roleOrder.append(id)
        return id
    }

    private mutating func skip(_ assignment: AzureRoleAssignment, as type: String) {
        if skipped[assignment.file] == nil { skippedFiles.append(assignment.file) }
        skipped[assignment.file, default: [:]][type, default: 0] += 1
    }

    /// The identities (authentication set from the credentials they hold) and roles, with a
    /// warning for role definitions Crosswalk does not know and one per file for skipped
    /// assignments.
    mutating func finish(log: inout ImportLog) -> ImportedPlatform {
        // An agent identity is spawned by its blueprint's principal (or, when only the blueprint
        // application was exported, by that application's identity).
        for (agent, blueprint) in blueprints {
            guard let parent = principalByAppID[blueprint] ?? applicationByAppID[blueprint], parent != agent else {
                continue
            }
            merger.update(agent) { $0.spawnedBy = $0.spawnedBy ?? parent }
        }
        for id in merger.ids {
            merger.update(id) { identity in
                guard identity.authentication == nil else { return }
                let types = Set(identity.credentials.map(\.type))
                if types.contains(.clientSecret) {
                    identity.authentication = .clientSecret
                } else if types.contains(.sharedSecret) {
                    identity.authentication = .staticSecret
                } else if types.contains(.certificate) {
                    identity.authentication = .certificate
                }
            }
        }
        if let first = unknownDefinitions.first {
            let names = unknownDefinitions.map { $0.assignment.roleDefinitionName ?? $0.guid }
            let noun = names.count == 1 ? "role definition is" : "role definitions are"
            let shown =
                names.prefix(10).joined(separator: ", ") + (names.count > 10 ? " and \(names.count - 10) more" : "")
            log.warning(
                first.assignment.file,
                at: first.assignment.location,
                keyPath: first.assignment.keyPath,
                "\(names.count) \(noun) not a built-in role Crosswalk knows (\(shown)); a role assignment export "
                    + "does not list permissions, so they are imported with none: add an azure-role-definitions "
                    + "export (az role definition list) to give them theirs"
            )
        }
        for file in skippedFiles {
            let counts = skipped[file] ?? [:]
            let total = counts.values.reduce(0, +)
            let detail = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            log.warning(
                file,
                "skipped \(total) role \(total == 1 ? "assignment" : "assignments") of people, groups or devices, "
                    + "or of principals that are no listed service principal (\(detail)); a service principal's "
                    + "grants through group membership are not resolved"
            )
        }
        return ImportedPlatform(identities: merger.identities(), roles: roleOrder.compactMap { roles[$0] })
    }
}
