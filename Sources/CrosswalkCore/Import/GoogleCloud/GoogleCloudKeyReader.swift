/// A user-managed key read from an export, waiting for its service account (which may be listed
/// in another file, or named by unique id).
struct GoogleCloudPendingKey {
    var account: GoogleCloudAccountName
    var credential: Credential
}

/// Reads one service account key record (`gcloud iam service-accounts keys list` or a Cloud Asset
/// Inventory `iam.googleapis.com/ServiceAccountKey` asset's `resource.data`).
///
/// A `USER_MANAGED` key is a private key someone downloaded: a static, long-lived credential
/// (`private-key`). A `SYSTEM_MANAGED` key is held and rotated by Google and never leaves it: it
/// is not a credential anyone can leak, and is left out. The key material (`privateKeyData`,
/// `publicKeyData`) is never read.
enum GoogleCloudKeyReader {
    enum Reading {
        /// A user-managed key, with the key type as written when it is not one Crosswalk knows,
        /// and whether the record had no key type at all (both are read as user-managed).
        case key(GoogleCloudPendingKey, unknownKeyType: String?, missingKeyType: Bool)
        case systemManaged
        case skipped
    }

    static let keyTypes: Set<String> = ["USER_MANAGED", "SYSTEM_MANAGED", "KEY_TYPE_UNSPECIFIED"]
    static let numberedKeyTypes = ["0": "KEY_TYPE_UNSPECIFIED", "1": "USER_MANAGED", "2": "SYSTEM_MANAGED"]

    static func read(
        _ data: SourceNode,
        path: String,
        assetName: String?,
        origin: RecordOrigin,
        file: String,
        log: inout ImportLog
    ) -> Reading {
        guard data.isObject else {
            log.warning(
                file,
                at: data.location,
                keyPath: path.isEmpty ? nil : path,
                "skipped: a key record must be a mapping, found \(data.typeDescription)"
            )
            return .skipped
        }
        let nameText = data["name"]?.nonBlankText ?? assetName
        guard let nameText, let name = GoogleCloudAccountName(nameText), let keyID = name.credentialID else {
            log.warning(
                file,
                at: data["name"]?.location ?? data.location,
                keyPath: GoogleCloudRecords.join(path, "name"),
                "skipped: the key has no name of the form projects/PROJECT/serviceAccounts/EMAIL/keys/KEY_ID"
            )
            return .skipped
        }
        // Strings from gcloud and asset exports; the protobuf numbers (1, 2) from other tools.
        let keyType = data[anyOf: "keyType", "key_type"]?.nonBlankText.map { numberedKeyTypes[$0] ?? $0 }
        if keyType == "SYSTEM_MANAGED" { return .systemManaged }
        var credential = Credential(id: keyID, type: .privateKey)
        credential.status = data["disabled"]?.flag == true ? .disabled : .active
        credential.created = time(data, "validAfterTime", "valid_after_time", path: path, file: file, log: &log)
        if let expiry = time(data, "validBeforeTime", "valid_before_time", path: path, file: file, log: &log) {
            // The key stops working at validBeforeTime: its expiry, and the time from which it can
            // no longer be used (the import has no clock to say `expired`; see docs/importers/gcp.md).
            credential.expires = expiry
            credential.revoked = expiry
        }
        credential.origin = origin
        let unknown = keyType.flatMap { keyTypes.contains($0) ? nil : $0 }
        return .key(
            GoogleCloudPendingKey(account: name, credential: credential),
            unknownKeyType: unknown,
            missingKeyType: keyType == nil
        )
    }

    /// A time stamp member (camelCase or snake_case); a value that is neither a time nor a
    /// sentinel gives a warning and nil.
    private static func time(
        _ data: SourceNode,
        _ key: String,
        _ snakeKey: String,
        path: String,
        file: String,
        log: inout ImportLog
    ) -> Timestamp? {
        guard let node = data[anyOf: key, snakeKey] else { return nil }
        switch ExportTime(node) {
        case .time(let time): return time
        case .none: return nil
        case .invalid:
            log.warning(
                file,
                at: node.location,
                keyPath: GoogleCloudRecords.join(path, key),
                "\(Diagnostic.quoted(node.text ?? node.typeDescription)) is not a time; read as unknown"
            )
            return nil
        }
    }
}

extension GoogleCloudImporter {
    /// Reads a `gcloud iam service-accounts keys list` export.
    mutating func readKeys(
        _ records: [GoogleCloudRecord],
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        let looksRight = records.contains {
            !GoogleCloudShapes.isAsset($0.node) && $0.node["name"]?.text?.contains("/keys/") == true
        }
        guard looksRight else {
            log.error(
                document.path,
                at: records.first?.node.location,
                "not a service account key list: no record has a projects/…/serviceAccounts/…/keys/… name (expected the output of \(kind.producedBy))"
            )
            return
        }
        for record in records {
            let origin = document.origin(kind: kind, node: record.node, path: record.path)
            readKey(record.node, path: record.path, assetName: nil, origin: origin, file: document.path, log: &log)
        }
    }

    /// Reads one key record, keeping a user-managed key and warning about an unknown or missing
    /// key type.
    mutating func readKey(
        _ data: SourceNode,
        path: String,
        assetName: String?,
        origin: RecordOrigin,
        file: String,
        log: inout ImportLog
    ) {
        switch GoogleCloudKeyReader.read(
            data,
            path: path,
            assetName: assetName,
            origin: origin,
            file: file,
            log: &log
        ) {
        case .key(let key, let unknownKeyType, let missingKeyType):
            if let unknownKeyType {
                warnOnce(
                    "keyType \(unknownKeyType)",
                    file,
                    at: data[anyOf: "keyType", "key_type"]?.location,
                    keyPath: GoogleCloudRecords.join(path, "keyType"),
                    "unknown key type \(Diagnostic.quoted(unknownKeyType)): kept as a user-managed (static) key",
                    log: &log
                )
            }
            if missingKeyType {
                warnOnce(
                    "missing keyType in \(file)",
                    file,
                    at: data.location,
                    keyPath: GoogleCloudRecords.join(path, "keyType"),
                    "keys without keyType are read as USER_MANAGED (static keys); SYSTEM_MANAGED keys are Google-rotated and would be left out",
                    log: &log
                )
            }
            keys.append(key)
        case .systemManaged, .skipped:
            break
        }
    }
}
