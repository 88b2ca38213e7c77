/// The last authentication of a service account or of one of its keys, from Policy Analyzer's
/// activity query, waiting to be joined to the identity it names.
struct GoogleCloudPendingActivity {
    var account: GoogleCloudAccountName
    /// The service account's unique id, when the record gives it (`serviceAccountId`).
    var uniqueID: String?
    var time: Timestamp
    var origin: RecordOrigin
}

extension GoogleCloudImporter {
    /// The activity types `gcloud policy-intelligence query-activity` reports.
    static let activityTypes: Set<String> = ["serviceAccountLastAuthentication", "serviceAccountKeyLastAuthentication"]

    /// Reads a `gcloud policy-intelligence query-activity` export: each record says when a
    /// service account (`serviceAccountLastAuthentication`) or one of its keys
    /// (`serviceAccountKeyLastAuthentication`) last authenticated, which becomes the identity's or
    /// the key's `last_used` (a key's use is also its account's use).
    mutating func readActivities(
        _ records: [GoogleCloudRecord],
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        guard records.contains(where: { $0.node["activityType"] != nil || $0.node["activity"] != nil }) else {
            log.error(
                document.path,
                at: records.first?.node.location,
                "not an activity export: no record has an activityType (expected the output of \(kind.producedBy))"
            )
            return
        }
        for record in records {
            readActivity(record, document: document, kind: kind, log: &log)
        }
    }

    private mutating func readActivity(
        _ record: GoogleCloudRecord,
        document: ImportDocument,
        kind: ImportKind,
        log: inout ImportLog
    ) {
        let node = record.node
        guard node.isObject, let activityType = node["activityType"]?.nonBlankText else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: GoogleCloudRecords.join(record.path, "activityType"),
                "skipped: an activity record needs an activityType"
            )
            return
        }
        guard Self.activityTypes.contains(activityType) else {
            warnOnce(
                "activityType \(activityType)",
                document.path,
                at: node["activityType"]?.location,
                keyPath: GoogleCloudRecords.join(record.path, "activityType"),
                "activity type \(Diagnostic.quoted(activityType)) is not one Crosswalk reads: skipped",
                log: &log
            )
            return
        }
        let isKey = activityType == "serviceAccountKeyLastAuthentication"
        let subject = node["activity"]?[isKey ? "serviceAccountKey" : "serviceAccount"]
        let nameText = subject?["fullResourceName"]?.nonBlankText ?? node["fullResourceName"]?.nonBlankText
        guard let nameText, let name = GoogleCloudAccountName(nameText), !isKey || name.keyID != nil else {
            log.warning(
                document.path,
                at: node.location,
                keyPath: GoogleCloudRecords.join(record.path, "fullResourceName"),
                "skipped: the activity names no service account\(isKey ? " key" : "")"
            )
            return
        }
        let timeNode = node["activity"]?["lastAuthenticatedTime"]
        guard let time = ExportTime(timeNode).timestamp else {
            log.warning(
                document.path,
                at: timeNode?.location ?? node.location,
                keyPath: GoogleCloudRecords.join(record.path, "activity.lastAuthenticatedTime"),
                "skipped: the activity has no lastAuthenticatedTime"
            )
            return
        }
        activities.append(
            GoogleCloudPendingActivity(
                account: name,
                uniqueID: subject?["serviceAccountId"]?.nonBlankText,
                time: time,
                origin: document.origin(kind: kind, node: node, path: record.path)
            )
        )
    }
}
