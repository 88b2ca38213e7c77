/// Reads the `passwordCredentials` and `keyCredentials` of a Graph service principal or
/// application: client secrets and certificates, with their start and end dates.
///
/// Only metadata is read: `keyId`, `startDateTime`, `endDateTime` (`startDate`, `endDate` in the
/// older Azure AD Graph shape) and a key credential's `type`. `secretText`, `hint`, `key`, `value`
/// and `customKeyIdentifier` are never looked at, so secret material cannot reach an imported
/// value.
struct AzureCredentialReader {
    let document: ImportDocument
    let kind: ImportKind

    /// The credentials of one record at `recordPath`; malformed entries are skipped with a warning.
    func credentials(
        of record: SourceNode,
        at recordPath: String,
        storage: SecretStorage?,
        log: inout ImportLog,
        notices: inout AzureDistinctWarnings
    ) -> [Credential] {
        var credentials: [Credential] = []
        for (key, defaultType) in [
            ("passwordCredentials", CredentialType.clientSecret), ("keyCredentials", .certificate),
        ] {
            guard let list = record[key], !list.isNull else { continue }
            guard list.isArray else {
                log.warning(
                    document.path,
                    at: list.location,
                    keyPath: "\(recordPath).\(key)",
                    "expected a list of credentials, found \(list.typeDescription); skipped"
                )
                continue
            }
            for (index, node) in list.elements.enumerated() {
                let path = "\(recordPath).\(key)[\(index)]"
                let type =
                    key == "keyCredentials" ? keyType(of: node, at: path, log: &log, notices: &notices) : defaultType
                if var credential = credential(node, type: type, at: path, log: &log) {
                    credential.storage = storage
                    credentials.append(credential)
                }
            }
        }
        return credentials
    }

    private func credential(
        _ node: SourceNode,
        type: CredentialType,
        at path: String,
        log: inout ImportLog
    )
        -> Credential?
    {
        guard node.isObject else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "expected a credential mapping, found \(node.typeDescription); skipped"
            )
            return nil
        }
        guard let keyID = node["keyId"]?.nonBlankText else {
            log.warning(document.path, at: node.location, keyPath: "\(path).keyId", "credential has no keyId; skipped")
            return nil
        }
        // Graph writes endDateTime / startDateTime; az before 2.37 (Azure AD Graph) endDate / startDate.
        let end = node[anyOf: "endDateTime", "endDate"]
        let begin = node[anyOf: "startDateTime", "startDate"]
        let expires = ExportTime(end)
        if expires == .invalid {
            // A wrong end date must not read as "never expires"; the credential is left out.
            log.warning(
                document.path,
                at: end?.location ?? node.location,
                keyPath: "\(path).endDateTime",
                "\(Diagnostic.quoted(end?.text ?? "")) is not a date; credential skipped"
            )
            return nil
        }
        let start = ExportTime(begin)
        if start == .invalid {
            log.warning(
                document.path,
                at: begin?.location ?? node.location,
                keyPath: "\(path).startDateTime",
                "\(Diagnostic.quoted(begin?.text ?? "")) is not a date; start date left out"
            )
        }
        var credential = Credential(
            id: ImportText.screened(keyID.trimmedOfSpaces),
            type: type,
            created: start.timestamp,
            lastRotated: start.timestamp,
            expires: expires.timestamp
        )
        credential.origin = document.origin(kind: kind, node: node, path: path)
        return credential
    }

    /// A key credential's `type`: X.509 certificates are certificates, `Symmetric` keys are shared
    /// secrets; an unknown type is read as a certificate, with one warning per distinct value.
    private func keyType(
        of node: SourceNode,
        at path: String,
        log: inout ImportLog,
        notices: inout AzureDistinctWarnings
    )
        -> CredentialType
    {
        guard let written = node["type"]?.nonBlankText else { return .certificate }
        switch written {
        case "AsymmetricX509Cert", "X509CertAndPassword": return .certificate
        case "Symmetric": return .sharedSecret
        default:
            notices.warnOnce(
                "keyCredential.type=\(written)",
                document.path,
                at: node["type"]?.location,
                keyPath: "\(path).type",
                "unknown key credential type \(Diagnostic.quoted(written)); read as a certificate",
                log: &log
            )
            return .certificate
        }
    }
}
