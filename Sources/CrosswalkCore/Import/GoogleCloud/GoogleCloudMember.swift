/// One member of an IAM policy binding, sorted into what Crosswalk does with it.
enum GoogleCloudMember: Equatable {
    /// `serviceAccount:<email>`: a non-human identity.
    case serviceAccount(email: String)
    /// `deleted:serviceAccount:<email>?uid=<n>`: a grant left behind by a deleted service account.
    case deletedServiceAccount(email: String, uid: String?)
    /// `principal://…/workloadIdentityPools/…` or `principalSet://…/workloadIdentityPools/…`: an
    /// external workload (a CI job, another cloud) federated in through workload identity; also
    /// GKE's `serviceAccount:PROJECT.svc.id.goog[NAMESPACE/KSA]`.
    case workload(String)
    /// `user:`, `group:`, `domain:`, workforce-pool principals, `projectOwner:`…, and the
    /// `deleted:user:` / `deleted:group:` forms: people and groups of people.
    case person
    /// `allUsers` or `allAuthenticatedUsers`: a public grant.
    case everyone(String)
    /// A prefix Crosswalk does not know, as written (up to its colon).
    case unknown(prefix: String)

    /// The people-side prefixes (before the first colon).
    static let personPrefixes: Set<String> = [
        "user", "group", "domain", "projectOwner", "projectEditor", "projectViewer",
    ]

    init(_ text: String) {
        let member = text.trimmedOfSpaces
        if member == "allUsers" || member == "allAuthenticatedUsers" {
            self = .everyone(member)
            return
        }
        if member.hasPrefix("principal://") || member.hasPrefix("principalSet://") {
            self = member.contains("/workloadIdentityPools/") ? .workload(member) : .person
            return
        }
        guard let colon = member.firstIndex(of: ":") else {
            self = .unknown(prefix: member)
            return
        }
        let prefix = String(member[..<colon])
        let rest = String(member[member.index(after: colon)...])
        switch prefix {
        case "serviceAccount" where rest.contains(".svc.id.goog["):
            // GKE Workload Identity: `serviceAccount:PROJECT.svc.id.goog[NAMESPACE/KSA]`, a
            // Kubernetes service account acting through the pool.
            self = .workload(member)
        case "serviceAccount":
            self = .serviceAccount(email: rest)
        case "deleted":
            if rest.hasPrefix("serviceAccount:") {
                let value = rest.dropFirst("serviceAccount:".count)
                let parts = value.split(separator: "?", maxSplits: 1)
                let email = parts.first.map(String.init) ?? ""
                var uid: String?
                if parts.count > 1 {
                    uid = parts[1].split(separator: "&").first { $0.hasPrefix("uid=") }.map { String($0.dropFirst(4)) }
                }
                self = .deletedServiceAccount(email: email, uid: uid)
            } else if rest.hasPrefix("user:") || rest.hasPrefix("group:") {
                self = .person
            } else {
                self = .unknown(prefix: "deleted:" + (rest.split(separator: ":").first.map(String.init) ?? ""))
            }
        default:
            self = Self.personPrefixes.contains(prefix) ? .person : .unknown(prefix: prefix)
        }
    }
}
