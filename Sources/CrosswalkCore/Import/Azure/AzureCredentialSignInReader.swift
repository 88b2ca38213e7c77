/// The last sign-in with one client secret or certificate, as Graph's credential sign-in
/// activity report gives it.
struct AzureCredentialSignIn {
    /// The credential's `keyId`, as the service principal or application lists it.
    var keyID: String
    /// The application (client) id.
    var appID: String?
    /// The service principal's object id, when the report names it.
    var principalID: String?
    var lastSignIn: Timestamp?
}

/// Reads Graph `GET /beta/reports/appCredentialSignInActivities` (as `az rest` prints it, or
/// saved as the bare `value` array): per credential (`keyId`), its `signInDateTime`.
struct AzureCredentialSignInReader {
    let document: ImportDocument
    let kind: ImportKind

    static let producedBy =
        "az rest --url https://graph.microsoft.com/beta/reports/appCredentialSignInActivities (every page)"

    static func isRecord(_ node: SourceNode) -> Bool {
        guard node.isObject, node["keyId"] != nil else { return false }
        return node["signInDateTime"] != nil || node["credentialOrigin"] != nil
    }

    static func matches(_ document: ImportDocument) -> Bool {
        if let context = AzureEnvelope.odataContext(of: document), context.hasSuffix("appcredentialsigninactivities") {
            return true
        }
        guard let first = AzureEnvelope.firstRecord(of: document) else { return false }
        return isRecord(first)
    }

    /// The sign-ins, and whether the export says it is one page of several.
    func read(log: inout ImportLog) -> (signIns: [AzureCredentialSignIn], complete: Bool) {
        guard
            let envelope = AzureEnvelope.read(
                document,
                noun: "credential sign-in activities",
                producedBy: Self.producedBy,
                isRecord: Self.isRecord,
                log: &log
            )
        else { return ([], false) }
        let signIns = envelope.records.compactMap { signIn($0.node, at: $0.path, log: &log) }
        return (signIns, !envelope.isIncomplete)
    }

    private func signIn(_ node: SourceNode, at path: String, log: inout ImportLog) -> AzureCredentialSignIn? {
        guard node.isObject else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "expected a credential sign-in mapping, found \(node.typeDescription); skipped"
            )
            return nil
        }
        guard let keyID = node["keyId"]?.nonBlankText?.trimmedOfSpaces else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: "\(path).keyId",
                "credential sign-in has no keyId; skipped"
            )
            return nil
        }
        let time = ExportTime(node["signInDateTime"])
        if time == .invalid {
            log.warning(
                document.path,
                at: node["signInDateTime"]?.location,
                keyPath: "\(path).signInDateTime",
                "\(Diagnostic.quoted(node["signInDateTime"]?.text ?? "")) is not a date; left out"
            )
        }
        return AzureCredentialSignIn(
            keyID: ImportText.screened(keyID),
            appID: node["appId"]?.nonBlankText?.trimmedOfSpaces.lowercased(),
            principalID: node["servicePrincipalObjectId"]?.nonBlankText?.trimmedOfSpaces.lowercased(),
            lastSignIn: time.timestamp
        )
    }
}
