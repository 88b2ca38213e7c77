/// Joins what the Google Cloud exports said into identities: listings first, then keys and
/// bindings attached to the service accounts they name (an account known only from a key or a
/// binding is kept as an implied identity, since it is a real principal holding a key or a role).
struct GoogleCloudJoin {
    var merger = IdentityMerger()
    /// IAM roles held by non-human members, in the order first bound.
    private(set) var roleNames: [String] = []
    private var knownRoles: Set<String> = []
    /// E-mails of listed service accounts by unique id (Cloud Asset Inventory names accounts and
    /// keys by it).
    private var emailByUniqueID: [String: String] = [:]
    /// Accounts named by a unique id no listing resolves, already warned about.
    private var unresolvedAccounts: Set<String> = []

    mutating func addListing(_ account: Identity) {
        merger.add(account)
        if let uniqueID = account.tags.first(where: { $0.key == "gcp:unique-id" })?.value {
            emailByUniqueID[uniqueID] = account.id
        }
    }

    mutating func add(_ key: GoogleCloudPendingKey, log: inout ImportLog) {
        let id: String
        if key.account.namesEmail {
            id = GoogleCloudAccountEmail.id(key.account.account)
        } else if let email = emailByUniqueID[key.account.account] {
            id = email
        } else {
            id = "gcp:projects/\(key.account.project ?? "-")/serviceAccounts/\(key.account.account)"
            if unresolvedAccounts.insert(id).inserted {
                log.warning(
                    key.credential.origin?.file ?? "gcp",
                    "key \(Diagnostic.quoted(key.credential.id)) names its service account by unique id \(Diagnostic.quoted(key.account.account)), which no service account export lists: its keys are kept under \(Diagnostic.quoted(id)); import the service accounts too"
                )
            }
        }
        let attached = merger.update(id) { identity in
            if let index = identity.credentials.firstIndex(where: { $0.id == key.credential.id }) {
                IdentityMerger.absorb(key.credential, into: &identity.credentials[index])
            } else {
                identity.credentials.append(key.credential)
            }
        }
        if !attached {
            var identity = GoogleCloudAccountReader.mentioned(
                id: id,
                origin: key.credential.origin ?? RecordOrigin(kind: "gcp", file: "gcp", record: id),
                project: key.account.project
            )
            identity.credentials = [key.credential]
            merger.add(identity, implied: true)
        }
    }

    mutating func add(_ grant: GoogleCloudPendingGrant) {
        if knownRoles.insert(grant.role).inserted { roleNames.append(grant.role) }
        let binding = RoleBinding(role: GoogleCloudRoles.id(grant.role), scope: grant.scope)
        let identity: Identity
        switch grant.member {
        case .serviceAccount(let email):
            identity = GoogleCloudAccountReader.mentioned(id: GoogleCloudAccountEmail.id(email), origin: grant.origin)
        case .deletedServiceAccount(let email, let uid):
            let address = GoogleCloudAccountEmail.id(email)
            var deleted = Identity(
                id: uid.map { "\(address)?uid=\($0)" } ?? "deleted:\(address)",
                name: address,
                kind: .serviceAccount,
                platform: "gcp",
                status: .deleted
            )
            deleted.tags = [Tag(key: "gcp:deleted", value: "true")]
            deleted.origin = grant.origin
            deleted.unreported = GoogleCloudAccountReader.unreported
            identity = deleted
        case .workload(let principal):
            var workload = Identity(
                id: principal,
                name: principal,
                kind: .workloadIdentity,
                platform: "gcp",
                authentication: .federated
            )
            workload.origin = grant.origin
            workload.unreported = GoogleCloudAccountReader.unreported
            identity = workload
        case .person, .everyone, .unknown:
            return
        }
        let attached = merger.update(identity.id) { existing in
            if !existing.roleBindings.contains(binding) { existing.roleBindings.append(binding) }
        }
        if !attached {
            var mentioned = identity
            mentioned.roleBindings = [binding]
            merger.add(mentioned, implied: true)
        }
    }

    /// Records a last authentication on the service account it names (and on the key, for a key's
    /// activity). Returns false when the account is named by a unique id no listing resolves.
    mutating func add(_ activity: GoogleCloudPendingActivity) -> Bool {
        let id: String
        if activity.account.namesEmail {
            id = GoogleCloudAccountEmail.id(activity.account.account)
        } else if let email = emailByUniqueID[activity.account.account]
            ?? activity.uniqueID.flatMap({ emailByUniqueID[$0] })
        {
            id = email
        } else {
            return false
        }
        let attached = merger.update(id) { identity in
            identity.lastUsed = Self.later(identity.lastUsed, activity.time)
            if let keyID = activity.account.credentialID,
                let index = identity.credentials.firstIndex(where: { $0.id == keyID })
            {
                identity.credentials[index].lastUsed = Self.later(identity.credentials[index].lastUsed, activity.time)
            }
        }
        if !attached {
            var identity = GoogleCloudAccountReader.mentioned(
                id: id,
                origin: activity.origin,
                project: activity.account.project
            )
            identity.lastUsed = activity.time
            merger.add(identity, implied: true)
        }
        return true
    }

    /// Once activity is joined: an identity whose every credential has a last use no longer
    /// leaves credential last use unreported.
    mutating func settleCredentialUse() {
        for id in merger.ids {
            merger.update(id) { identity in
                if !identity.credentials.isEmpty, identity.credentials.allSatisfy({ $0.lastUsed != nil }) {
                    identity.unreported.remove(.credentialLastUsed)
                }
            }
        }
    }

    private static func later(_ first: Timestamp?, _ second: Timestamp) -> Timestamp {
        guard let first else { return second }
        return max(first, second)
    }
}
