/// One service principal as an export lists it, before the exports are joined: the identity it
/// becomes, and what the join needs (its application, its owning tenant, whether its owners were
/// exported).
struct AzurePrincipal {
    var identity: Identity
    /// The application (client) id, which joins it to an app registration.
    var appID: String?
    /// `appOwnerOrganizationId`: the tenant that registered its application.
    var appOwnerTenant: String?
    /// `signInAudience` is `AzureADMyOrg`: a single-tenant application, so its tenant is the home
    /// tenant.
    var singleTenant: Bool
    /// Whether the record carries `owners` or `sponsors`.
    var ownersReported: Bool
    /// An agent identity's `agentIdentityBlueprintId`: the application (client) id of the
    /// blueprint whose principal obtains its tokens.
    var blueprintAppID: String? = nil
}

/// Reads `az ad sp list --all` (a bare array) or a Graph `GET /servicePrincipals` response
/// (`{"@odata.context", "value": […], "@odata.nextLink"?}`) into service principals.
///
/// `servicePrincipalType` (or the Graph `@odata.type`) decides the kind: `Application` →
/// service-account, `ManagedIdentity` → managed-identity, `ServiceIdentity` or
/// `#microsoft.graph.agentIdentity` → agent (Entra Agent ID); any other value is kept as written,
/// with one warning per value.
struct AzureServicePrincipalReader {
    let document: ImportDocument
    let kind: ImportKind

    static let producedBy = "az ad sp list --all"

    /// Whether a record looks like a service principal (for a lone object and for `auto`).
    static func isRecord(_ node: SourceNode) -> Bool {
        guard node.isObject else { return false }
        if node["servicePrincipalType"] != nil { return true }
        let type = node["@odata.type"]?.text?.lowercased() ?? ""
        return type.hasPrefix("#microsoft.graph.")
            && (type.contains("serviceprincipal") || type.hasSuffix("agentidentity"))
    }

    /// Shape detection for `auto`: a Graph servicePrincipals response, or records that carry
    /// `servicePrincipalType`.
    static func matches(_ document: ImportDocument) -> Bool {
        if let context = AzureEnvelope.odataContext(of: document), context.hasSuffix("#serviceprincipals") {
            return true
        }
        guard let first = AzureEnvelope.firstRecord(of: document) else { return false }
        return isRecord(first)
    }

    func read(log: inout ImportLog, notices: inout AzureDistinctWarnings) -> [AzurePrincipal] {
        guard
            let envelope = AzureEnvelope.read(
                document,
                noun: "service principals",
                producedBy: Self.producedBy,
                isRecord: Self.isRecord,
                log: &log
            )
        else { return [] }
        return envelope.records.compactMap { principal($0.node, at: $0.path, log: &log, notices: &notices) }
    }

    private func principal(
        _ node: SourceNode,
        at path: String,
        log: inout ImportLog,
        notices: inout AzureDistinctWarnings
    )
        -> AzurePrincipal?
    {
        guard node.isObject else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "expected a service principal mapping, found \(node.typeDescription); skipped"
            )
            return nil
        }
        guard let objectID = node[anyOf: "id", "objectId"]?.nonBlankText?.trimmedOfSpaces.lowercased() else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: "\(path).id",
                "service principal has no object id; skipped"
            )
            return nil
        }
        let (identityKind, writtenType) = self.identityKind(of: node, at: path, log: &log, notices: &notices)
        let name = (node["displayName"] ?? node["appDisplayName"])?.nonBlankText.map(ImportText.screened) ?? objectID
        var identity = Identity(
            id: objectID,
            name: name,
            kind: identityKind,
            platform: ImportPlatform.azure.platformName
        )
        identity.origin = document.origin(kind: kind, node: node, path: path)
        identity.status = AzureRecordStatus.status(of: node)
        identity.created = created(of: node, at: path, log: &log)
        if identityKind == .managedIdentity { identity.authentication = .managedIdentity }

        let owners = AzureOwners(of: node)
        identity.owner = owners.owner
        let isManaged = identityKind == .managedIdentity
        // A managed identity's certificate is held and rotated by Azure; nothing says where an
        // application's secrets are kept.
        identity.credentials = AzureCredentialReader(document: document, kind: kind).credentials(
            of: node,
            at: path,
            storage: isManaged ? .platform : nil,
            log: &log,
            notices: &notices
        )

        let appID = node["appId"]?.nonBlankText?.trimmedOfSpaces.lowercased()
        let appOwnerTenant = node["appOwnerOrganizationId"]?.nonBlankText?.trimmedOfSpaces.lowercased()
        var tags: [Tag] = []
        if let appID { tags.append(Tag(key: "azure.appId", value: ImportText.screened(appID))) }
        if let appOwnerTenant {
            tags.append(Tag(key: "azure.appOwnerOrganizationId", value: ImportText.screened(appOwnerTenant)))
        }
        if let writtenType {
            tags.append(Tag(key: "azure.servicePrincipalType", value: ImportText.screened(writtenType)))
        }
        if isManaged { tags += managedIdentityTags(of: node) }
        identity.tags = tags

        return AzurePrincipal(
            identity: identity,
            appID: appID,
            appOwnerTenant: appOwnerTenant,
            singleTenant: node["signInAudience"]?.text == "AzureADMyOrg",
            ownersReported: owners.reported,
            blueprintAppID: identityKind == .agent
                ? node["agentIdentityBlueprintId"]?.nonBlankText?.trimmedOfSpaces.lowercased() : nil
        )
    }

    /// The kind, and `servicePrincipalType` as written.
    private func identityKind(
        of node: SourceNode,
        at path: String,
        log: inout ImportLog,
        notices: inout AzureDistinctWarnings
    ) -> (IdentityKind, String?) {
        let odataType = node["@odata.type"]?.text?.lowercased()
        let written = node["servicePrincipalType"]?.nonBlankText?.trimmedOfSpaces
        if odataType == "#microsoft.graph.agentidentity" { return (.agent, written) }
        if odataType == "#microsoft.graph.agentidentityblueprintprincipal" { return (.serviceAccount, written) }
        guard let written else {
            notices.warnOnce(
                "servicePrincipalType=",
                document.path,
                at: node.location,
                keyPath: "\(path).servicePrincipalType",
                "service principal has no servicePrincipalType; read as an application (service-account)",
                log: &log
            )
            return (.serviceAccount, nil)
        }
        switch written {
        case "Application": return (.serviceAccount, written)
        case "ManagedIdentity": return (.managedIdentity, written)
        case "ServiceIdentity": return (.agent, written)
        default:
            notices.warnOnce(
                "servicePrincipalType=\(written)",
                document.path,
                at: node["servicePrincipalType"]?.location,
                keyPath: "\(path).servicePrincipalType",
                "servicePrincipalType \(Diagnostic.quoted(written)) is not one Crosswalk maps to a kind; "
                    + "kept as written (controls treat it as none of the known kinds)",
                log: &log
            )
            return (IdentityKind(rawValue: ImportText.screened(written)), written)
        }
    }

    private func created(of node: SourceNode, at path: String, log: inout ImportLog) -> Timestamp? {
        let time = ExportTime(node["createdDateTime"])
        if time == .invalid {
            log.warning(
                document.path,
                at: node["createdDateTime"]?.location,
                keyPath: "\(path).createdDateTime",
                "\(Diagnostic.quoted(node["createdDateTime"]?.text ?? "")) is not a date; left out"
            )
        }
        return time.timestamp
    }

    /// A managed identity's `alternativeNames`: `isExplicit=True` marks a user-assigned identity,
    /// and the entry starting with `/` is the Azure resource it belongs to.
    private func managedIdentityTags(of node: SourceNode) -> [Tag] {
        var tags: [Tag] = []
        for name in node["alternativeNames"]?.texts ?? [] {
            if name.lowercased().hasPrefix("isexplicit=") {
                let explicit = name.lowercased() == "isexplicit=true"
                tags.append(Tag(key: "azure.userAssigned", value: explicit ? "true" : "false"))
            } else if name.hasPrefix("/") {
                tags.append(Tag(key: "azure.resourceId", value: ImportText.screened(name)))
            }
        }
        return tags
    }
}
