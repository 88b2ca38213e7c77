/// One app registration as `az ad app list` lists it: most client secrets and certificates live
/// here rather than on the service principal.
struct AzureApplication {
    /// The application object id.
    var objectID: String
    /// The application (client) id, which joins it to its service principal.
    var appID: String?
    var name: String
    var created: Timestamp?
    var status: LifecycleStatus
    var credentials: [Credential]
    var owners: AzureOwners
    var origin: RecordOrigin
}

/// Reads `az ad app list --all` (a bare array) or a Graph `GET /applications` response into app
/// registrations, with the same credential shape as service principals.
struct AzureApplicationReader {
    let document: ImportDocument
    let kind: ImportKind

    static let producedBy = "az ad app list --all"

    /// Keys only an application object has (a service principal has `servicePrincipalType`).
    private static let applicationKeys = [
        "requiredResourceAccess", "identifierUris", "publisherDomain", "signInAudience", "web", "spa",
    ]

    static func isRecord(_ node: SourceNode) -> Bool {
        guard node.isObject, node["appId"] != nil, node["servicePrincipalType"] == nil else { return false }
        if let type = node["@odata.type"]?.text?.lowercased(), type.hasPrefix("#microsoft.graph.") {
            return type.hasSuffix(".application") || type.hasSuffix("agentidentityblueprint")
        }
        return applicationKeys.contains { node[$0] != nil }
    }

    /// Shape detection for `auto`: a Graph applications response, or records with an `appId`,
    /// application-only keys and no `servicePrincipalType`.
    static func matches(_ document: ImportDocument) -> Bool {
        if let context = AzureEnvelope.odataContext(of: document), context.hasSuffix("#applications") {
            return true
        }
        guard let first = AzureEnvelope.firstRecord(of: document) else { return false }
        return isRecord(first)
    }

    func read(log: inout ImportLog, notices: inout AzureDistinctWarnings) -> [AzureApplication] {
        guard
            let envelope = AzureEnvelope.read(
                document,
                noun: "applications",
                producedBy: Self.producedBy,
                isRecord: Self.isRecord,
                log: &log
            )
        else { return [] }
        return envelope.records.compactMap { application($0.node, at: $0.path, log: &log, notices: &notices) }
    }

    private func application(
        _ node: SourceNode,
        at path: String,
        log: inout ImportLog,
        notices: inout AzureDistinctWarnings
    ) -> AzureApplication? {
        guard node.isObject else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "expected an application mapping, found \(node.typeDescription); skipped"
            )
            return nil
        }
        guard let objectID = node[anyOf: "id", "objectId"]?.nonBlankText?.trimmedOfSpaces.lowercased() else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: "\(path).id",
                "application has no object id; skipped"
            )
            return nil
        }
        let created = ExportTime(node["createdDateTime"])
        if created == .invalid {
            log.warning(
                document.path,
                at: node["createdDateTime"]?.location,
                keyPath: "\(path).createdDateTime",
                "\(Diagnostic.quoted(node["createdDateTime"]?.text ?? "")) is not a date; left out"
            )
        }
        return AzureApplication(
            objectID: objectID,
            appID: node["appId"]?.nonBlankText?.trimmedOfSpaces.lowercased(),
            name: node["displayName"]?.nonBlankText.map(ImportText.screened) ?? objectID,
            created: created.timestamp,
            status: AzureRecordStatus.status(of: node),
            credentials: AzureCredentialReader(document: document, kind: kind).credentials(
                of: node,
                at: path,
                storage: nil,
                log: &log,
                notices: &notices
            ),
            owners: AzureOwners(of: node),
            origin: document.origin(kind: kind, node: node, path: path)
        )
    }
}
