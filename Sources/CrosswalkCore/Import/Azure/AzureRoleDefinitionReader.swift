/// One Azure RBAC role definition: what a role assignment's `roleDefinitionId` grants.
struct AzureRoleDefinition {
    /// The definition GUID, lowercased.
    var guid: String
    var name: String?
    /// `Actions` and `DataActions` of every permission block.
    var actions: [String]
    /// `NotActions` and `NotDataActions`: taken away from the actions in Azure; Crosswalk's roles
    /// cannot subtract, so they only decide whether the role can grant access.
    var notActions: [String]

    /// The administrative rule the definition's permissions imply, as for the built-in roles: a
    /// role that can write role assignments is administrative at every scope; one that grants
    /// `*` without that is administrative at broad scopes (as Contributor).
    var administrative: AzureBuiltInRole.Administrative {
        let grantAccess = "microsoft.authorization/roleassignments/write"
        let matches: (String) -> Bool = { Pattern.matches($0.lowercased(), grantAccess) }
        if actions.contains(where: matches), !notActions.contains(where: matches) { return .atAnyScope }
        if actions.contains("*") { return .atBroadScope }
        return .never
    }
}

/// Reads `az role definition list` (a bare array, e.g. with `--custom-role-only true`) or a raw
/// ARM `roleDefinitions` response, whose records keep their fields under `properties`.
struct AzureRoleDefinitionReader {
    let document: ImportDocument
    let kind: ImportKind

    static let producedBy = "az role definition list"

    private static func fields(of node: SourceNode) -> SourceNode {
        if let properties = node["properties"], properties.isObject { return properties }
        return node
    }

    static func isRecord(_ node: SourceNode) -> Bool {
        guard node.isObject else { return false }
        if node["type"]?.text?.lowercased() == "microsoft.authorization/roledefinitions" { return true }
        let fields = fields(of: node)
        return fields["roleName"] != nil && fields["permissions"] != nil
    }

    static func matches(_ document: ImportDocument) -> Bool {
        guard let first = AzureEnvelope.firstRecord(of: document) else { return false }
        return isRecord(first)
    }

    func read(log: inout ImportLog) -> [AzureRoleDefinition] {
        guard
            let envelope = AzureEnvelope.read(
                document,
                noun: "role definitions",
                producedBy: Self.producedBy,
                isRecord: Self.isRecord,
                log: &log
            )
        else { return [] }
        return envelope.records.compactMap { definition($0.node, at: $0.path, log: &log) }
    }

    private func definition(_ node: SourceNode, at path: String, log: inout ImportLog) -> AzureRoleDefinition? {
        guard node.isObject else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "expected a role definition mapping, found \(node.typeDescription); skipped"
            )
            return nil
        }
        // `name` is the GUID; the `id` path ends with it.
        let written =
            node["name"]?.nonBlankText ?? node["id"]?.nonBlankText?.split(separator: "/").last.map(String.init)
        guard let guid = written?.trimmedOfSpaces.lowercased(), !guid.isEmpty else {
            log.warning(document.path, at: node.location, keyPath: "\(path).name", "role definition has no id; skipped")
            return nil
        }
        let fields = Self.fields(of: node)
        let fieldsPath = fields.location == node.location ? path : "\(path).properties"
        guard let permissions = fields["permissions"], permissions.isArray else {
            log.warning(
                document.path,
                at: fields["permissions"]?.location ?? node.location,
                keyPath: "\(fieldsPath).permissions",
                "role definition has no list of permissions; skipped"
            )
            return nil
        }
        var actions: [String] = []
        var notActions: [String] = []
        for block in permissions.elements where block.isObject {
            actions += (block["actions"]?.texts ?? []) + (block["dataActions"]?.texts ?? [])
            notActions += (block["notActions"]?.texts ?? []) + (block["notDataActions"]?.texts ?? [])
        }
        return AzureRoleDefinition(
            guid: ImportText.screened(guid),
            name: fields["roleName"]?.nonBlankText.map(ImportText.screened),
            actions: actions.map { ImportText.screened($0.trimmedOfSpaces) }.filter { !$0.isEmpty },
            notActions: notActions.map { $0.trimmedOfSpaces }
        )
    }
}
