/// The last sign-in of one application, as Graph's sign-in activity report gives it.
struct AzureSignInActivity {
    /// The application (client) id, which joins it to a service principal or app registration.
    var appID: String
    /// The latest sign-in of any flow; nil when the record has none.
    var lastSignIn: Timestamp?
    var origin: RecordOrigin
}

/// Reads Graph `GET /beta/reports/servicePrincipalSignInActivities` (as `az rest` prints it, or
/// saved as the bare `value` array): per application, `lastSignInActivity` and the per-flow
/// activities (`delegatedClientSignInActivity`, `applicationAuthenticationClientSignInActivity`, …),
/// each with a `lastSignInDateTime`.
struct AzureSignInActivityReader {
    let document: ImportDocument
    let kind: ImportKind

    static let producedBy =
        "az rest --url https://graph.microsoft.com/beta/reports/servicePrincipalSignInActivities (every page)"

    static func isRecord(_ node: SourceNode) -> Bool {
        guard node.isObject, node["appId"] != nil else { return false }
        return node["lastSignInActivity"] != nil
            || node.members.contains { $0.key.hasSuffix("SignInActivity") && $0.value.isObject }
    }

    static func matches(_ document: ImportDocument) -> Bool {
        if let context = AzureEnvelope.odataContext(of: document), context.hasSuffix("serviceprincipalsigninactivities")
        {
            return true
        }
        guard let first = AzureEnvelope.firstRecord(of: document) else { return false }
        return isRecord(first)
    }

    /// The activities, and whether the export says it is one page of several.
    func read(log: inout ImportLog) -> (activities: [AzureSignInActivity], complete: Bool) {
        guard
            let envelope = AzureEnvelope.read(
                document,
                noun: "service principal sign-in activities",
                producedBy: Self.producedBy,
                isRecord: Self.isRecord,
                log: &log
            )
        else { return ([], false) }
        let activities = envelope.records.compactMap { activity($0.node, at: $0.path, log: &log) }
        return (activities, !envelope.isIncomplete)
    }

    private func activity(_ node: SourceNode, at path: String, log: inout ImportLog) -> AzureSignInActivity? {
        guard node.isObject else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: path,
                "expected a sign-in activity mapping, found \(node.typeDescription); skipped"
            )
            return nil
        }
        guard let appID = node["appId"]?.nonBlankText?.trimmedOfSpaces.lowercased() else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: "\(path).appId",
                "sign-in activity has no appId; skipped"
            )
            return nil
        }
        var latest: Timestamp?
        for member in node.members where member.key.hasSuffix("SignInActivity") && member.value.isObject {
            let written = member.value["lastSignInDateTime"]
            let time = ExportTime(written)
            if time == .invalid {
                log.warning(
                    document.path,
                    at: written?.location,
                    keyPath: "\(path).\(member.key).lastSignInDateTime",
                    "\(Diagnostic.quoted(written?.text ?? "")) is not a date; left out"
                )
            }
            if let signIn = time.timestamp { latest = max(latest ?? signIn, signIn) }
        }
        return AzureSignInActivity(
            appID: ImportText.screened(appID),
            lastSignIn: latest,
            origin: document.origin(kind: kind, node: node, path: path)
        )
    }
}
