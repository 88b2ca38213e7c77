/// One user row of the IAM credential report, with its values typed: sentinels (`N/A`,
/// `no_information`, `not_supported`) read as "no date" or "unknown", never as epoch 0.
struct CredentialReportRow {
    /// An access key slot (`access_key_1_*`, `access_key_2_*`).
    struct AccessKey {
        var number: Int
        /// nil when the column holds `N/A` or `not_supported`.
        var active: Bool?
        /// The key's creation time: an access key cannot be rotated in place.
        var lastRotated: Timestamp?
        var lastUsed: Timestamp?
        var lastUsedRegion: String?
        var lastUsedService: String?

        /// A key is present when it is active, or inactive with a creation date; an inactive slot
        /// with `N/A` dates never held a key (or its key was deleted).
        var exists: Bool { active == true || lastRotated != nil }
    }

    /// An X.509 signing certificate slot (`cert_1_*`, `cert_2_*`).
    struct SigningCertificate {
        var number: Int
        var active: Bool?
        var lastRotated: Timestamp?

        var exists: Bool { active == true || lastRotated != nil }
    }

    /// What the person-or-machine rule makes of a row.
    enum Holder: Equatable {
        /// A machine user: imported as a service account.
        case machine
        /// A person: a password and no active access key or signing certificate. Not imported.
        case person
        /// The root user with no active access key or signing certificate. Not imported.
        case rootWithoutKeys
    }

    var user: String
    var arn: String
    var created: Timestamp?
    /// nil for `not_supported` (older reports write it on the root row).
    var passwordEnabled: Bool?
    var passwordLastUsed: Timestamp?
    var passwordLastChanged: Timestamp?
    var passwordNextRotation: Timestamp?
    var mfaActive: Bool?
    var accessKeys: [AccessKey]
    var certificates: [SigningCertificate]
    /// Where the row was read.
    var origin: RecordOrigin
    /// A last-used column held text that is neither a date nor a sentinel: last use is unknown.
    var hasUnreadableLastUse = false

    /// The root user's row: `<root_account>`, or an ARN ending in `:root`.
    var isRoot: Bool { user == "<root_account>" || arn.hasSuffix(":root") }

    var holdsActiveKeyOrCertificate: Bool {
        accessKeys.contains { $0.active == true } || certificates.contains { $0.active == true }
    }

    /// The root user always has a password; older reports say `not_supported` on its row.
    var hasPassword: Bool { passwordEnabled ?? isRoot }

    /// The rule that tells people from machine users (docs/importers/aws.md):
    /// - an active access key or signing certificate makes a machine user, password or not;
    /// - otherwise a password makes a person;
    /// - a user with neither (it cannot sign in, and holds at most inactive keys) is a dormant
    ///   machine user;
    /// - the root user is imported only when it holds an active access key or certificate.
    var holder: Holder {
        if isRoot { return holdsActiveKeyOrCertificate ? .machine : .rootWithoutKeys }
        if holdsActiveKeyOrCertificate { return .machine }
        return passwordEnabled == true ? .person : .machine
    }

    /// The account id from the ARN (`arn:aws:iam::<account>:…`), if the ARN has one.
    var account: String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count >= 6, !parts[4].isEmpty else { return nil }
        return String(parts[4])
    }

    /// The machine identity this row describes, with its keys, certificates and password.
    func identity() -> Identity {
        var credentials: [Credential] = []
        var tags: [Tag] = []
        for key in accessKeys where key.exists {
            var credential = Credential(
                id: "access-key-\(key.number)",
                type: .accessKey,
                status: key.active == false ? .disabled : .active,
                created: key.lastRotated,
                lastRotated: key.lastRotated,
                lastUsed: key.lastUsed
            )
            credential.origin = origin
            credentials.append(credential)
            let place = [key.lastUsedService, key.lastUsedRegion].compactMap { $0 }
            if !place.isEmpty {
                tags.append(
                    Tag(
                        key: "access-key-\(key.number)-last-used-in",
                        value: ImportText.screened(place.joined(separator: ", "))
                    )
                )
            }
        }
        for certificate in certificates where certificate.exists {
            var credential = Credential(
                id: "signing-certificate-\(certificate.number)",
                type: .certificate,
                status: certificate.active == false ? .disabled : .active,
                created: certificate.lastRotated,
                lastRotated: certificate.lastRotated
            )
            credential.origin = origin
            credentials.append(credential)
        }
        if passwordEnabled == true {
            var password = Credential(
                id: "password",
                type: .password,
                created: passwordLastChanged,
                lastRotated: passwordLastChanged,
                expires: passwordNextRotation,
                lastUsed: passwordLastUsed
            )
            password.origin = origin
            credentials.append(password)
        }
        if let mfaActive { tags.append(Tag(key: "mfa-active", value: mfaActive ? "true" : "false")) }
        if isRoot { tags.append(Tag(key: "root-user", value: "true")) }

        let uses = [passwordLastUsed] + accessKeys.map(\.lastUsed)
        let authentication: AuthenticationMethod? =
            accessKeys.contains { $0.active == true }
            ? .staticSecret : certificates.contains { $0.active == true } ? .certificate : nil
        var identity = Identity(
            id: arn,
            name: ImportText.screened(user),
            kind: .serviceAccount,
            platform: ImportPlatform.aws.platformName,
            created: created,
            lastUsed: uses.compactMap { $0 }.max(),
            authentication: authentication,
            interactiveUse: hasPassword && passwordLastUsed != nil,
            roleBindings: isRoot
                ? [RoleBinding(role: AWSPseudoRole.root.id, scope: account.map { "account \($0)" })] : [],
            tags: tags,
            credentials: credentials
        )
        identity.origin = origin
        identity.unreported = [.owner, .environment, .trustZone, .credentialStorage, .sharedAccount]
        if hasUnreadableLastUse || certificates.contains(where: { $0.active == true }) {
            // The report has no last-used date for signing certificates, and an unreadable one
            // says nothing.
            identity.unreported.formUnion([.lastUsed, .credentialLastUsed])
        }
        return identity
    }
}
