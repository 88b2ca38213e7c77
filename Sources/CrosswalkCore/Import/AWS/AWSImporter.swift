/// Reads AWS IAM exports and joins them by ARN: a credential report row supplies a user's keys,
/// password and last use; the authorization details supply its policies, groups and tags, and
/// every role with its trust policy.
///
/// People are not imported: the credential report tells them apart (see
/// ``CredentialReportRow/holder``), and a user the report calls a person is dropped from the
/// authorization details too.
struct AWSImporter: PlatformImporter {
    static let platform = ImportPlatform.aws
    static let kinds: [ImportKind] = [.awsCredentialReport, .awsAuthorizationDetails]

    /// Machine users and the root user from credential reports, in the order read.
    private var reportIdentities: [Identity] = []
    /// ARNs of users the credential reports call people.
    private var people: Set<String> = []
    /// ARNs of every user a credential report lists.
    private var reportedUsers: Set<String> = []
    private var readReport = false
    private var details: [AuthorizationDetails] = []

    init() {}

    mutating func read(_ document: ImportDocument, as kind: ImportKind, log: inout ImportLog) {
        if kind == .awsCredentialReport {
            readReport = true
            var personCount = 0
            for row in CredentialReportReader.read(document, as: kind, log: &log) {
                reportedUsers.insert(row.arn)
                switch row.holder {
                case .machine: reportIdentities.append(row.identity())
                case .person:
                    people.insert(row.arn)
                    personCount += 1
                case .rootWithoutKeys: break
                }
            }
            if personCount > 0 {
                let noun = personCount == 1 ? "user is a person" : "users are people"
                log.warning(
                    document.path,
                    "\(personCount) \(noun) (a password and no active access key or signing certificate): not imported"
                )
            }
        } else if kind == .awsAuthorizationDetails {
            details.append(AuthorizationDetailsReader.read(document, as: kind, log: &log))
        }
    }

    mutating func finish(log: inout ImportLog) -> ImportedPlatform {
        var merger = IdentityMerger()
        for identity in reportIdentities { merger.add(identity) }
        var unmatchedUsers: [String: Int] = [:]  // file → users no credential report lists
        for export in details {
            for user in export.users {
                if people.contains(user.id) { continue }
                if !reportedUsers.contains(user.id), let file = user.origin?.file {
                    unmatchedUsers[file, default: 0] += 1
                }
                merger.add(user)
            }
            for role in export.roles { merger.add(role) }
        }
        for (file, count) in unmatchedUsers.sorted(by: { $0.key < $1.key }) {
            let noun = count == 1 ? "user is" : "users are"
            log.warning(
                file,
                readReport
                    ? "\(count) IAM \(noun) in no credential report read: imported as machine users, "
                        + "though some may be people"
                    : "\(count) IAM \(noun) imported as machine users: without the credential report "
                        + "(aws-credential-report) people cannot be told from machines"
            )
        }
        let identities = merger.identities()
        return ImportedPlatform(identities: identities, roles: roles(boundTo: identities, log: &log))
    }

    /// One role per policy the identities are bound to: the export's definition, else a
    /// well-known administrative policy, else a role whose permissions are unknown.
    private func roles(boundTo identities: [Identity], log: inout ImportLog) -> [Role] {
        var defined: [String: Role] = [:]
        var attachedNames: [String: String] = [:]
        for export in details {
            for (arn, role) in export.managedPolicies where defined[arn] == nil { defined[arn] = role }
            for role in export.inlinePolicies where defined[role.id] == nil { defined[role.id] = role }
            attachedNames.merge(export.attachedPolicyNames) { first, _ in first }
        }
        for role in AWSPseudoRole.all { defined[role.id] = role }
        var roles: [Role] = []
        var emitted: Set<String> = []
        var undefined: [String] = []
        for identity in identities {
            for binding in identity.roleBindings where emitted.insert(binding.role).inserted {
                if let role = defined[binding.role] {
                    roles.append(role)
                } else if let known = AWSManagedPolicies.administrative[binding.role] {
                    roles.append(
                        Role(
                            id: binding.role,
                            name: known.name,
                            platform: ImportPlatform.aws.platformName,
                            permissions: known.permissions,
                            administrative: true
                        )
                    )
                } else {
                    undefined.append(binding.role)
                    roles.append(
                        Role(
                            id: binding.role,
                            name: attachedNames[binding.role]
                                ?? AuthorizationDetailsReader.lastComponent(of: binding.role),
                            platform: ImportPlatform.aws.platformName,
                            permissions: []
                        )
                    )
                }
            }
        }
        if !undefined.isEmpty {
            let file = details.first?.file ?? ImportPlatform.aws.rawValue
            log.warning(
                file,
                "\(undefined.count) attached managed polic\(undefined.count == 1 ? "y is" : "ies are") not defined in "
                    + "the export, so \(undefined.count == 1 ? "its" : "their") permissions are unknown: "
                    + undefined.prefix(5).map { Diagnostic.quoted($0) }.joined(separator: ", ")
                    + (undefined.count > 5 ? ", …" : "")
                    + " (export with --filter LocalManagedPolicy AWSManagedPolicy as well)"
            )
        }
        return roles
    }
}
