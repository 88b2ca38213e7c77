/// Reads one service account record (`gcloud iam service-accounts list` or a Cloud Asset Inventory
/// `iam.googleapis.com/ServiceAccount` asset's `resource.data`) into an identity.
enum GoogleCloudAccountReader {
    /// What a service account listing cannot tell: no owner field, no last use (that is in
    /// `gcloud policy-intelligence query-activity`), no environment or trust zone, nothing about
    /// where copies of its keys are kept, and nothing about who signs in as it (only the audit
    /// logs show whether people use it, or several systems share it).
    static let unreported: UnreportedFields = [
        .owner, .lastUsed, .credentialLastUsed, .environment, .trustZone, .credentialStorage, .interactiveUse,
        .sharedAccount,
    ]

    /// The identity, or nil (with a located warning) when the record names no service account.
    static func identity(
        _ data: SourceNode,
        path: String,
        assetName: String? = nil,
        origin: RecordOrigin,
        file: String,
        log: inout ImportLog
    ) -> Identity? {
        guard data.isObject else {
            log.warning(
                file,
                at: data.location,
                keyPath: path.isEmpty ? nil : path,
                "skipped: a service account record must be a mapping, found \(data.typeDescription)"
            )
            return nil
        }
        let name = data["name"]?.nonBlankText.flatMap(GoogleCloudAccountName.init)
        if name?.keyID != nil, data["email"] == nil {
            log.warning(
                file,
                at: data.location,
                keyPath: GoogleCloudRecords.join(path, "name"),
                "skipped: a key record, not a service account (import keys as gcp-service-account-keys)"
            )
            return nil
        }
        let email = data["email"]?.nonBlankText ?? name.flatMap { $0.namesEmail ? $0.account : nil }
        guard let email, email.contains("@") else {
            log.warning(
                file,
                at: data.location,
                keyPath: GoogleCloudRecords.join(path, "email"),
                "skipped: the service account has no e-mail (its id)"
            )
            return nil
        }
        let id = GoogleCloudAccountEmail.id(email)
        let project =
            data["projectId"]?.nonBlankText ?? name?.project ?? assetName.flatMap(GoogleCloudAccountName.init)?.project
            ?? GoogleCloudAccountEmail.project(of: id)
        var identity = Identity(
            id: id,
            name: data["displayName"]?.nonBlankText.map(ImportText.screened) ?? id,
            kind: .serviceAccount,
            platform: "gcp",
            status: data["disabled"]?.flag == true ? .disabled : .active
        )
        var tags: [Tag] = []
        if let project { tags.append(Tag(key: "gcp:project", value: ImportText.screened(project))) }
        if let uniqueID = data["uniqueId"]?.nonBlankText {
            tags.append(Tag(key: "gcp:unique-id", value: ImportText.screened(uniqueID)))
        }
        if let defaultAccount = GoogleCloudAccountEmail.defaultAccount(id) {
            tags.append(Tag(key: "gcp:default-account", value: defaultAccount))
        }
        if GoogleCloudAccountEmail.isServiceAgent(id) { tags.append(Tag(key: "gcp:service-agent", value: "true")) }
        if let description = data["description"]?.nonBlankText {
            let screened = ImportText.screened(description)
            tags.append(Tag(key: "gcp:description", value: screened))
            identity.owner = GoogleCloudOwnerConvention.owner(in: screened)
        }
        identity.tags = tags
        identity.origin = origin
        identity.unreported = unreported
        return identity
    }

    /// The identity of a service account known only from a mention (a key, a binding, an
    /// activity), by its id: its e-mail as ``GoogleCloudAccountEmail/id(_:)`` gives it, or the
    /// resource name standing in for an account known only by unique id.
    static func mentioned(id: String, origin: RecordOrigin, project: String? = nil) -> Identity {
        var identity = Identity(id: id, name: id, kind: .serviceAccount, platform: "gcp")
        var tags: [Tag] = []
        if let project = project ?? GoogleCloudAccountEmail.project(of: id) {
            tags.append(Tag(key: "gcp:project", value: ImportText.screened(project)))
        }
        if let defaultAccount = GoogleCloudAccountEmail.defaultAccount(id) {
            tags.append(Tag(key: "gcp:default-account", value: defaultAccount))
        }
        if GoogleCloudAccountEmail.isServiceAgent(id) { tags.append(Tag(key: "gcp:service-agent", value: "true")) }
        identity.tags = tags
        identity.origin = origin
        identity.unreported = unreported
        return identity
    }
}

/// The owner convention Crosswalk reads from a service account's description, since Google Cloud
/// has no owner field: `owner: <team>` or `owner=<team>` anywhere in the text (the key in any
/// case); the owner is the word that follows, up to a space, comma or semicolon, without a
/// full stop or closing parenthesis at its end.
enum GoogleCloudOwnerConvention {
    static func owner(in description: String) -> String? {
        let lowered = Array(description.lowercased())
        let characters = Array(description)
        guard lowered.count == characters.count else { return nil }
        let key = Array("owner")
        var index = 0
        while index + key.count < lowered.count {
            let startsWord = index == 0 || !(lowered[index - 1].isLetter || lowered[index - 1].isNumber)
            if startsWord, Array(lowered[index..<index + key.count]) == key {
                var cursor = index + key.count
                while cursor < lowered.count, lowered[cursor] == " " { cursor += 1 }
                if cursor < lowered.count, lowered[cursor] == ":" || lowered[cursor] == "=" {
                    cursor += 1
                    while cursor < lowered.count, lowered[cursor] == " " { cursor += 1 }
                    let end =
                        characters[cursor...].firstIndex { $0 == " " || $0 == "," || $0 == ";" || $0.isNewline }
                        ?? characters.count
                    let owner = String(characters[cursor..<end]).trimmingSentenceEnd
                    if !owner.isEmpty { return owner }
                }
            }
            index += 1
        }
        return nil
    }
}

extension GoogleCloudImporter {
    /// Reads a `gcloud iam service-accounts list` export.
    mutating func readServiceAccounts(
        _ records: [GoogleCloudRecord],
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        let looksRight = records.contains { record in
            guard !GoogleCloudShapes.isAsset(record.node) else { return false }
            if record.node["email"] != nil { return true }
            guard let name = record.node["name"]?.text else { return false }
            return name.contains("/serviceAccounts/") && !name.contains("/keys/")
        }
        guard looksRight else {
            log.error(
                document.path,
                at: records.first?.node.location,
                "not a service account list: no record has an email or a projects/…/serviceAccounts/… name (expected the output of \(kind.producedBy))"
            )
            return
        }
        for record in records {
            let origin = document.origin(kind: kind, node: record.node, path: record.path)
            if let identity = GoogleCloudAccountReader.identity(
                record.node,
                path: record.path,
                origin: origin,
                file: document.path,
                log: &log
            ) {
                accounts.append(identity)
            }
        }
    }
}

extension String {
    /// The text without the full stops and closing parentheses that end a sentence around it.
    fileprivate var trimmingSentenceEnd: String {
        var text = Substring(self)
        while let last = text.last, last == "." || last == ")" { text = text.dropLast() }
        return String(text)
    }
}
