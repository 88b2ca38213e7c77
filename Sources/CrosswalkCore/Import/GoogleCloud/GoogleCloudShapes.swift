/// Shape detectors for `--import auto=PATH`: each answers whether a document looks like one Google
/// Cloud export, from its first record, and never throws. They look for what only that export
/// has, so no other platform's file matches: a service account's `email` with a
/// `projects/…/serviceAccounts/…` name, a key name ending in `/keys/<id>`, an IAM policy's
/// `bindings[{role, members}]` or `auditConfigs`, an asset's `asset_type` with a `//…` name, an
/// activity's `activityType` with its `activity`.
enum GoogleCloudShapes {
    static func isServiceAccountList(_ document: ImportDocument) -> Bool {
        guard let record = sampleRecord(document, envelope: "accounts"), !isAsset(record) else { return false }
        guard record["email"]?.text != nil, let name = record["name"]?.text else { return false }
        return name.contains("/serviceAccounts/") && !name.contains("/keys/")
    }

    static func isServiceAccountKeyList(_ document: ImportDocument) -> Bool {
        guard let record = sampleRecord(document, envelope: "keys"), !isAsset(record) else { return false }
        guard let name = record["name"]?.text, name.contains("/serviceAccounts/"), name.contains("/keys/") else {
            return false
        }
        return record["validAfterTime"] != nil || record["keyType"] != nil || record["keyAlgorithm"] != nil
    }

    static func isIAMPolicy(_ document: ImportDocument) -> Bool {
        guard let root = document.treeIfParsable, root.isObject else { return false }
        guard root["kind"] == nil, root["apiVersion"] == nil, !isAsset(root) else { return false }
        if let bindings = root["bindings"], bindings.isArray {
            guard let first = bindings.elements.first else { return root["etag"] != nil }
            return first["role"]?.text != nil && first["members"] != nil
        }
        return root["auditConfigs"]?.isArray == true || root["audit_configs"]?.isArray == true
    }

    static func isAssetInventory(_ document: ImportDocument) -> Bool {
        guard let record = sampleRecord(document, envelope: "assets") ?? sampleRecord(document, envelope: "results")
        else { return false }
        return isAsset(record)
    }

    static func isActivityList(_ document: ImportDocument) -> Bool {
        guard let record = sampleRecord(document, envelope: "activities") else { return false }
        guard let type = record["activityType"]?.text, record["activity"]?.isObject == true else { return false }
        return type.hasPrefix("serviceAccount")
    }

    /// A Cloud Asset Inventory asset (or IAM policy search result): an `asset_type` (or
    /// `assetType`) and a full resource name (`name`, or `resource` in search results).
    static func isAsset(_ node: SourceNode) -> Bool {
        guard node[anyOf: "asset_type", "assetType"]?.text != nil,
            let name = node[anyOf: "name", "resource"]?.text
        else { return false }
        return name.hasPrefix("//")
    }

    /// The first record: of a list, of an envelope's list, a lone object, or the first line or
    /// document of a stream.
    private static func sampleRecord(_ document: ImportDocument, envelope: String) -> SourceNode? {
        if let root = document.treeIfParsable {
            switch root.value {
            case .array(let nodes): return nodes.first
            case .object:
                if let list = root[envelope], list.isArray { return list.elements.first }
                return GoogleCloudRecords.envelopeKeys.contains { root[$0] != nil } ? nil : root
            default: return nil
            }
        }
        return GoogleCloudRecords.firstStreamRecord(of: document)
    }
}
