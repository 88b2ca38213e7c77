/// What the IAM policies' audit configurations say about logging identity events on Google Cloud
/// (CW-LOG-01), gathered over every resource whose policy carries an audit configuration.
///
/// - Issuance and revocation: creating and deleting service accounts and keys are Admin Activity
///   events, which Google Cloud always logs and which cannot be turned off.
/// - Use: what a service account does with its credentials is logged by Data Access audit logs.
///   Use counts as logged when every resource whose audit configuration was read enables
///   `DATA_READ` for `allServices`, `iam.googleapis.com` or `iamcredentials.googleapis.com`
///   (the API that mints tokens for service accounts), and exempts no service account from it.
///   `ADMIN_READ` logs reads of configuration, not use, and does not count.
/// - Retention is not in an IAM policy (it is a log bucket setting): left unknown.
struct GoogleCloudAuditCoverage {
    /// Resources whose audit configuration was read, with whether it logs identity use.
    private(set) var resources: [(resource: String, file: String, logsUse: Bool)] = []

    /// The services whose `DATA_READ` logs record service-account credential use.
    static let useServices: Set<String> = ["allServices", "iam.googleapis.com", "iamcredentials.googleapis.com"]

    /// The log types, as gcloud spells them and as Cloud Asset Inventory numbers them.
    static let logTypes: [Int64: String] = [
        0: "LOG_TYPE_UNSPECIFIED", 1: "ADMIN_READ", 2: "DATA_WRITE", 3: "DATA_READ",
    ]

    var isEmpty: Bool { resources.isEmpty }

    /// Reads one policy's `auditConfigs` (gcloud) or `audit_configs` (Cloud Asset Inventory).
    /// Returns the log types it could not name, for the caller to warn about once each.
    mutating func read(_ configs: SourceNode, resource: String, file: String) -> [String] {
        var logsUse = false
        var unknown: [String] = []
        for config in configs.elements {
            guard let service = config["service"]?.nonBlankText else { continue }
            for logConfig in config[anyOf: "auditLogConfigs", "audit_log_configs"]?.elements ?? [] {
                let logType: String
                switch logConfig[anyOf: "logType", "log_type"]?.value {
                case .integer(let number)?:
                    guard let name = Self.logTypes[number] else {
                        unknown.append(String(number))
                        continue
                    }
                    logType = name
                case .string(let name)?:
                    logType = name
                    if !Self.logTypes.values.contains(name) { unknown.append(name) }
                default:
                    continue
                }
                let exempted = logConfig[anyOf: "exemptedMembers", "exempted_members"]?.texts ?? []
                if logType == "DATA_READ", Self.useServices.contains(service),
                    !exempted.contains(where: { $0.hasPrefix("serviceAccount:") })
                {
                    logsUse = true
                }
            }
        }
        resources.append((resource, file, logsUse))
        return unknown
    }

    /// The logging facts for the `gcp` platform, or nil when no audit configuration was read.
    var logging: PlatformLogging? {
        guard !resources.isEmpty else { return nil }
        return PlatformLogging(
            issuance: true,
            use: resources.allSatisfy(\.logsUse),
            revocation: true,
            retentionDays: nil
        )
    }
}
