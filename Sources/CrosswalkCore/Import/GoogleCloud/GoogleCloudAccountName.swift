/// The parts of a service account or key resource name, in the gcloud form
/// `projects/<p>/serviceAccounts/<email>/keys/<keyId>` or the Cloud Asset Inventory form
/// `//iam.googleapis.com/projects/<p>/serviceAccounts/<email or unique id>/keys/<keyId>`.
struct GoogleCloudAccountName: Equatable {
    var project: String?
    /// The e-mail, or the numeric unique id Cloud Asset Inventory names service accounts by.
    var account: String
    var keyID: String?

    init?(_ name: String) {
        var text = Substring(name)
        if text.hasPrefix("//") {
            text = text.dropFirst(2)
            guard let slash = text.firstIndex(of: "/") else { return nil }
            text = text[text.index(after: slash)...]
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let accountIndex = parts.firstIndex(of: "serviceAccounts"), accountIndex + 1 < parts.count else {
            return nil
        }
        let account = String(parts[accountIndex + 1]).trimmedOfSpaces
        guard !account.isEmpty else { return nil }
        self.account = account
        if let projectIndex = parts.firstIndex(of: "projects"), projectIndex + 1 < accountIndex {
            let project = String(parts[projectIndex + 1])
            self.project = project == "-" ? nil : project
        }
        if let keysIndex = parts.firstIndex(of: "keys"), keysIndex > accountIndex, keysIndex + 1 < parts.count {
            let keyID = String(parts[keysIndex + 1]).trimmedOfSpaces
            self.keyID = keyID.isEmpty ? nil : keyID
        }
    }

    /// The key's credential id in Crosswalk: for the usual key ids of 32 or more hexadecimal
    /// digits (which look like secret material to the secret screen), `key-` and the first 12
    /// digits, enough to find the key in `gcloud iam service-accounts keys list`, and an id the
    /// native inventory format accepts, so `crosswalk import` output reads back; any other key id
    /// as written.
    var credentialID: String? {
        guard let keyID else { return nil }
        let isHex = keyID.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }
        guard keyID.utf8.count >= 32, isHex else { return keyID }
        return "key-" + keyID.prefix(12)
    }

    /// Whether the account part is an e-mail (not a unique id).
    var namesEmail: Bool { account.contains("@") }
}

/// What a service account's e-mail says about it: the project it lives in, and whether Google
/// created it (a default account or a Google-managed service agent).
enum GoogleCloudAccountEmail {
    /// The identity id: the e-mail, in lower case (IAM compares e-mails without regard to case).
    static func id(_ email: String) -> String { email.trimmedOfSpaces.lowercased() }

    /// The project of `name@PROJECT.iam.gserviceaccount.com` or `PROJECT@appspot.gserviceaccount.com`.
    static func project(of email: String) -> String? {
        let (local, domain) = split(email)
        if domain.hasSuffix(".iam.gserviceaccount.com"), !isServiceAgentDomain(domain) {
            return String(domain.dropLast(".iam.gserviceaccount.com".count))
        }
        if domain == "appspot.gserviceaccount.com" { return String(local) }
        return nil
    }

    /// `compute-engine-default` for `<number>-compute@developer.gserviceaccount.com`,
    /// `app-engine-default` for `<project>@appspot.gserviceaccount.com`, else nil.
    static func defaultAccount(_ email: String) -> String? {
        let (local, domain) = split(email)
        if domain == "developer.gserviceaccount.com", local.hasSuffix("-compute"),
            local.dropLast("-compute".count).allSatisfy(\.isNumber), local.count > "-compute".count
        {
            return "compute-engine-default"
        }
        if domain == "appspot.gserviceaccount.com" { return "app-engine-default" }
        return nil
    }

    /// Whether the e-mail is a Google-managed service agent (`service-<n>@gcp-sa-*.iam…`,
    /// `<n>@cloudservices…`, `<n>@cloudbuild…` and the other Google-owned domains).
    static func isServiceAgent(_ email: String) -> Bool {
        isServiceAgentDomain(split(email).domain)
    }

    /// Google-owned service-agent domains besides the `gcp-sa-*` ones.
    static let serviceAgentDomains: Set<String> = [
        "cloudservices.gserviceaccount.com", "cloudbuild.gserviceaccount.com",
        "compute-system.iam.gserviceaccount.com", "container-engine-robot.iam.gserviceaccount.com",
        "containerregistry.iam.gserviceaccount.com", "dataflow-service-producer-prod.iam.gserviceaccount.com",
        "dataproc-accounts.iam.gserviceaccount.com", "serverless-robot-prod.iam.gserviceaccount.com",
        "gs-project-accounts.iam.gserviceaccount.com", "cloud-ml.google.com.iam.gserviceaccount.com",
        "cloudcomposer-accounts.iam.gserviceaccount.com", "firebase-rules.iam.gserviceaccount.com",
        "genomics-api.google.com.iam.gserviceaccount.com", "cloud-tpu.iam.gserviceaccount.com",
    ]

    private static func isServiceAgentDomain(_ domain: Substring) -> Bool {
        (domain.hasPrefix("gcp-sa-") && domain.hasSuffix(".iam.gserviceaccount.com"))
            || serviceAgentDomains.contains(String(domain))
    }

    private static func split(_ email: String) -> (local: Substring, domain: Substring) {
        let lowered = Substring(id(email))
        guard let at = lowered.lastIndex(of: "@") else { return (lowered, "") }
        return (lowered[..<at], lowered[lowered.index(after: at)...])
    }
}
