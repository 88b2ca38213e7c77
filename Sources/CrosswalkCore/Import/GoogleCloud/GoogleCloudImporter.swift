/// Reads Google Cloud exports (service accounts, their keys, IAM policies, in the gcloud shape and
/// the Cloud Asset Inventory shape) and joins them: keys to their service accounts, policy
/// bindings to the service accounts they grant roles to, audit configurations to the platform's
/// logging facts. Identity ids are service-account e-mails.
struct GoogleCloudImporter: PlatformImporter {
    static let platform = ImportPlatform.gcp

    static let serviceAccounts = ImportKind(
        name: "gcp-service-accounts",
        platform: .gcp,
        summary: "Google Cloud service accounts (email, name, project, disabled)",
        producedBy: "gcloud iam service-accounts list --format=json",
        matches: GoogleCloudShapes.isServiceAccountList
    )
    static let serviceAccountKeys = ImportKind(
        name: "gcp-service-account-keys",
        platform: .gcp,
        summary: "Google Cloud service account keys (user-managed keys become private-key credentials)",
        producedBy: "gcloud iam service-accounts keys list --iam-account=EMAIL --format=json",
        matches: GoogleCloudShapes.isServiceAccountKeyList
    )
    static let iamPolicy = ImportKind(
        name: "gcp-iam-policy",
        platform: .gcp,
        summary: "a Google Cloud IAM policy: role bindings and audit configurations",
        producedBy: "gcloud projects get-iam-policy PROJECT --format=json (or folders, organizations)",
        matches: GoogleCloudShapes.isIAMPolicy
    )
    static let assetInventory = ImportKind(
        name: "gcp-asset-inventory",
        platform: .gcp,
        summary: "a Cloud Asset Inventory export: service accounts, keys and IAM policies",
        producedBy:
            "gcloud asset export --content-type=resource (and --content-type=iam-policy), gcloud asset list --format=json, or gcloud asset search-all-iam-policies --format=json",
        matches: GoogleCloudShapes.isAssetInventory
    )

    static let activity = ImportKind(
        name: "gcp-activity",
        platform: .gcp,
        summary: "last authentication of service accounts and their keys (Policy Analyzer activity)",
        producedBy:
            "gcloud policy-intelligence query-activity --activity-type=serviceAccountLastAuthentication (or serviceAccountKeyLastAuthentication) --project=PROJECT --format=json",
        matches: GoogleCloudShapes.isActivityList
    )

    static var kinds: [ImportKind] { [serviceAccounts, serviceAccountKeys, iamPolicy, assetInventory, activity] }

    /// Service accounts from their own listings, in the order read.
    var accounts: [Identity] = []
    /// User-managed keys, joined to their service accounts at the end.
    var keys: [GoogleCloudPendingKey] = []
    /// Policy bindings whose members are non-human, joined at the end.
    var grants: [GoogleCloudPendingGrant] = []
    /// Last authentications, joined after keys and bindings.
    var activities: [GoogleCloudPendingActivity] = []
    var audit = GoogleCloudAuditCoverage()
    /// Open-enum values and other once-only notices already warned about.
    var warned: Set<String> = []

    init() {}

    mutating func read(_ document: ImportDocument, as kind: ImportKind, log: inout ImportLog) {
        let records: [GoogleCloudRecord]
        do {
            records = try GoogleCloudRecords.records(of: document, kind: kind, log: &log)
        } catch let diagnostic as Diagnostic {
            log.add(diagnostic)
            return
        } catch {
            log.error(document.path, "could not be read as \(kind.name): \(error)")
            return
        }
        guard !records.isEmpty else {
            log.warning(document.path, "the export is empty: it holds no \(kind.name) records")
            return
        }
        switch kind {
        case Self.serviceAccounts: readServiceAccounts(records, document: document, kind: kind, log: &log)
        case Self.serviceAccountKeys: readKeys(records, document: document, kind: kind, log: &log)
        case Self.iamPolicy: readPolicies(records, document: document, kind: kind, log: &log)
        case Self.assetInventory: readAssets(records, document: document, kind: kind, log: &log)
        case Self.activity: readActivities(records, document: document, kind: kind, log: &log)
        default: log.error(document.path, "\(kind.name) is not a Google Cloud import kind")
        }
    }

    /// Warns once per distinct `key` over the whole import.
    mutating func warnOnce(
        _ key: String,
        _ file: String,
        at location: SourceLocation?,
        keyPath: String?,
        _ message: String,
        log: inout ImportLog
    ) {
        guard warned.insert(key).inserted else { return }
        log.warning(file, at: location, keyPath: keyPath, message)
    }

    mutating func finish(log: inout ImportLog) -> ImportedPlatform {
        var join = GoogleCloudJoin()
        for account in accounts { join.addListing(account) }
        for key in keys { join.add(key, log: &log) }
        for grant in grants { join.add(grant) }
        let unresolved = activities.filter { !join.add($0) }
        if let first = unresolved.first {
            log.warning(
                first.origin.file,
                "\(unresolved.count) activit\(unresolved.count == 1 ? "y names its service account" : "ies name their service accounts") by unique id only, and no service account export lists \(unresolved.count == 1 ? "it" : "them"): skipped; import the service accounts too"
            )
        }
        if !activities.isEmpty { join.settleCredentialUse() }
        var platform = ImportedPlatform()
        platform.identities = join.merger.identities()
        platform.roles = join.roleNames.map(GoogleCloudRoles.role)
        let unknownRoles = join.roleNames.filter { GoogleCloudRoles.known[$0] == nil }
        if !unknownRoles.isEmpty, let file = grants.first?.origin.file {
            let listed = unknownRoles.prefix(5).map { Diagnostic.quoted($0) }.joined(separator: ", ")
            let more = unknownRoles.count > 5 ? " and \(unknownRoles.count - 5) more" : ""
            log.warning(
                file,
                "\(unknownRoles.count) role\(unknownRoles.count == 1 ? "" : "s") held by service accounts \(unknownRoles.count == 1 ? "is" : "are") not in Crosswalk's table of Google Cloud roles (\(listed)\(more)): kept by name with no permissions, so CW-AUTHZ-01 cannot see what they grant"
            )
        }
        if let logging = audit.logging {
            platform.logging["gcp"] = logging
            let silentResources = audit.resources.filter { !$0.logsUse }
            let silent = silentResources.map(\.resource)
            if let file = silentResources.first?.file {
                let listed = silent.prefix(5).map { Diagnostic.quoted($0) }.joined(separator: ", ")
                let more = silent.count > 5 ? " and \(silent.count - 5) more" : ""
                log.warning(
                    file,
                    "the audit configuration of \(listed)\(more) does not log service-account use (DATA_READ for allServices, iam.googleapis.com or iamcredentials.googleapis.com, no service account exempted): logging.gcp.use is false"
                )
            }
        }
        return platform
    }
}
