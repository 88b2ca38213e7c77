extension GoogleCloudImporter {
    /// The asset types whose policies may carry audit configurations.
    static let resourceContainerTypes: Set<String> = [
        "cloudresourcemanager.googleapis.com/Project", "cloudresourcemanager.googleapis.com/Folder",
        "cloudresourcemanager.googleapis.com/Organization",
    ]

    /// Reads a Cloud Asset Inventory export: a list of
    /// `{name, asset_type, resource: {data}, iam_policy: {bindings, audit_configs}}` (snake_case
    /// from `gcloud asset export` and policy-library, camelCase from `gcloud asset list`), or the
    /// `{resource, assetType, policy: {bindings}}` results of `gcloud asset search-all-iam-policies`.
    /// Service accounts and keys are read from `resource.data`; every asset's IAM policy gives
    /// bindings scoped to the asset; audit configurations count on projects, folders and
    /// organizations only. Other asset types are passed over.
    mutating func readAssets(
        _ records: [GoogleCloudRecord],
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        guard records.contains(where: { $0.node[anyOf: "asset_type", "assetType"] != nil }) else {
            log.error(
                document.path,
                at: records.first?.node.location,
                "not a Cloud Asset Inventory export: no record has an asset_type (expected the output of \(kind.producedBy))"
            )
            return
        }
        for record in records {
            readAsset(record, document: document, kind: kind, log: &log)
        }
    }

    private mutating func readAsset(
        _ record: GoogleCloudRecord,
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        let asset = record.node
        guard let assetType = asset[anyOf: "asset_type", "assetType"]?.nonBlankText,
            let name = asset[anyOf: "name", "resource"]?.nonBlankText
        else {
            log.warning(
                document.path,
                at: asset.location,
                keyPath: record.path.isEmpty ? nil : record.path,
                "skipped: an asset needs a name (or resource) and an asset_type"
            )
            return
        }
        let origin = document.origin(kind: kind, node: asset, path: record.path)
        let dataPath = GoogleCloudRecords.join(record.path, "resource.data")
        let policy = asset[anyOf: "iam_policy", "iamPolicy", "policy"].flatMap { $0.isNull ? nil : $0 }
        let data = asset["resource"]?["data"]
        switch assetType {
        case "iam.googleapis.com/ServiceAccount", "iam.googleapis.com/ServiceAccountKey":
            guard let data else {
                // An IAM-policy export (--content-type=iam-policy) carries the policy alone.
                if policy == nil {
                    log.warning(
                        document.path,
                        at: asset.location,
                        keyPath: dataPath,
                        "skipped: the asset has neither resource.data nor an IAM policy (export with --content-type=resource)"
                    )
                }
                break
            }
            if assetType == "iam.googleapis.com/ServiceAccountKey" {
                readKey(data, path: dataPath, assetName: name, origin: origin, file: document.path, log: &log)
            } else if let identity = GoogleCloudAccountReader.identity(
                data,
                path: dataPath,
                assetName: name,
                origin: origin,
                file: document.path,
                log: &log
            ) {
                accounts.append(identity)
            }
        default:
            break
        }
        if let policy {
            readPolicy(
                policy,
                path: GoogleCloudRecords.join(record.path, "iam_policy"),
                scope: Self.assetScope(name),
                readsAuditConfigs: Self.resourceContainerTypes.contains(assetType),
                document: document,
                kind: kind,
                log: &log
            )
        }
    }

    /// The scope a policy binding shows for an asset: `projects/12345` for
    /// `//cloudresourcemanager.googleapis.com/projects/12345`, otherwise the name without `//`.
    static func assetScope(_ name: String) -> String {
        let prefix = "//cloudresourcemanager.googleapis.com/"
        if name.hasPrefix(prefix) { return String(name.dropFirst(prefix.count)) }
        return name.hasPrefix("//") ? String(name.dropFirst(2)) : name
    }
}
