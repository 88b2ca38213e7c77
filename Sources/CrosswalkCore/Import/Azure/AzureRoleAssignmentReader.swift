/// One Azure RBAC role assignment: a principal granted a role definition at a scope.
struct AzureRoleAssignment {
    var principalID: String
    /// `principalType` as written (`ServicePrincipal`, `User`, `Group`, …); nil when absent.
    var principalType: String?
    /// The principal's name, which `az` adds; nil when absent or empty.
    var principalName: String?
    /// The role definition GUID, lowercased.
    var roleDefinitionID: String
    /// The role's name, which `az` adds; nil when absent or empty.
    var roleDefinitionName: String?
    var scope: String
    /// An ABAC `condition`, screened; nil when there is none.
    var condition: String?
    var origin: RecordOrigin
    var file: String
    var location: SourceLocation?
    var keyPath: String
}

/// Reads `az role assignment list --all` (a bare array with the ARM `properties` flattened and
/// `principalName` / `roleDefinitionName` added) or a raw ARM response
/// `{"value": [{"properties": {…}, "id", "type", "name"}], "nextLink"?}`.
struct AzureRoleAssignmentReader {
    let document: ImportDocument
    let kind: ImportKind

    static let producedBy = "az role assignment list --all"

    /// The fields of a record: the ARM `properties`, or the record itself as `az` flattens it.
    private static func fields(of node: SourceNode) -> SourceNode {
        if let properties = node["properties"], properties.isObject { return properties }
        return node
    }

    static func isRecord(_ node: SourceNode) -> Bool {
        guard node.isObject else { return false }
        if node["type"]?.text?.lowercased() == "microsoft.authorization/roleassignments" { return true }
        let fields = fields(of: node)
        return fields["roleDefinitionId"] != nil && fields["principalId"] != nil
    }

    static func matches(_ document: ImportDocument) -> Bool {
        guard let first = AzureEnvelope.firstRecord(of: document) else { return false }
        return isRecord(first)
    }

    func read(log: inout ImportLog) -> [AzureRoleAssignment] {
        guard
            let envelope = AzureEnvelope.read(
                document,
                noun: "role assignments",
                producedBy: Self.producedBy,
                isRecord: Self.isRecord,
                log: &log
            )
        else { return [] }
        return envelope.records.compactMap { assignment($0.node, at: $0.path, log: &log) }
    }

    private func assignment(_ node: SourceNode, at path: String, log: inout ImportLog) -> AzureRoleAssignment? {
        guard node.isObject else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "expected a role assignment mapping, found \(node.typeDescription); skipped"
            )
            return nil
        }
        let fields = Self.fields(of: node)
        let fieldsPath = fields.location == node.location ? path : "\(path).properties"
        guard let principalID = fields["principalId"]?.nonBlankText?.trimmedOfSpaces.lowercased() else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: "\(fieldsPath).principalId",
                "role assignment has no principalId; skipped"
            )
            return nil
        }
        guard let definition = fields["roleDefinitionId"]?.nonBlankText,
            let roleGUID = definition.split(separator: "/").last.map({ String($0).trimmedOfSpaces.lowercased() }),
            !roleGUID.isEmpty
        else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: "\(fieldsPath).roleDefinitionId",
                "role assignment has no roleDefinitionId; skipped"
            )
            return nil
        }
        guard let scope = fields["scope"]?.nonBlankText?.trimmedOfSpaces ?? Self.scope(fromAssignmentID: node["id"])
        else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: "\(fieldsPath).scope",
                "role assignment has no scope; skipped"
            )
            return nil
        }
        return AzureRoleAssignment(
            principalID: principalID,
            principalType: fields["principalType"]?.nonBlankText?.trimmedOfSpaces,
            principalName: fields["principalName"]?.nonBlankText.map(ImportText.screened),
            roleDefinitionID: ImportText.screened(roleGUID),
            roleDefinitionName: fields["roleDefinitionName"]?.nonBlankText.map(ImportText.screened),
            scope: ImportText.screened(scope),
            condition: fields["condition"]?.nonBlankText.map(ImportText.screened),
            origin: document.origin(kind: kind, node: node, path: path),
            file: document.path,
            location: node.location,
            keyPath: path
        )
    }

    /// The scope an assignment id sits at: the id without its
    /// `/providers/Microsoft.Authorization/roleAssignments/<guid>` tail (`/` for the root).
    private static func scope(fromAssignmentID node: SourceNode?) -> String? {
        guard let id = node?.nonBlankText else { return nil }
        let segments = id.split(separator: "/").map(String.init)
        let tail = ["providers", "microsoft.authorization", "roleassignments"]
        guard segments.count >= tail.count,
            let start = (0...(segments.count - tail.count)).first(where: { index in
                tail.indices.allSatisfy { segments[index + $0].lowercased() == tail[$0] }
            })
        else { return nil }
        return "/" + segments[..<start].joined(separator: "/")
    }
}
