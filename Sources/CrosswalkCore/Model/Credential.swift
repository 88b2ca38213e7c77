/// A credential an identity holds: its kind, life cycle, where it is stored and who else has it.
///
/// Only metadata is kept. A credential's value is dropped when the inventory is loaded.
public struct Credential: Hashable, Sendable {
    public var id: String
    public var type: CredentialType
    public var status: LifecycleStatus
    public var created: Timestamp?
    public var lastRotated: Timestamp?
    public var expires: Timestamp?
    public var lastUsed: Timestamp?
    public var revoked: Timestamp?
    /// Lifetime of each issued token, for short-lived credentials.
    public var ttlSeconds: Int64?
    public var storage: SecretStorage?
    /// What few credentials have, boxed (nil when none of it is set). Every identity-level
    /// control that reads credentials copies each one, and each reference a copy holds is one
    /// more retain and release: these seven became one.
    private var rare: RareBox?

    /// Ids of other identities that hold the same credential.
    public var sharedWith: [String] {
        get { rare?.fields.sharedWith ?? [] }
        _modify {
            let box = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &box.fields.sharedWith
        }
    }
    /// Environments the credential was seen in, beyond its identity's own.
    public var usedIn: [String] {
        get { rare?.fields.usedIn ?? [] }
        _modify {
            let box = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &box.fields.usedIn
        }
    }
    public var exposures: [Exposure] {
        get { rare?.fields.exposures ?? [] }
        _modify {
            let box = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &box.fields.exposures
        }
    }
    /// The agent task this credential was issued for, if it is task-scoped.
    public var task: AgentTask? {
        get { rare?.fields.task }
        _modify {
            let box = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &box.fields.task
        }
    }
    /// Where an imported credential was read, when it differs from its identity's record (an
    /// access key from a credential report row, a token Secret); nil otherwise.
    public var origin: RecordOrigin? {
        get { rare?.fields.origin }
        _modify {
            let box = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &box.fields.origin
        }
    }

    /// The fields ``rare`` holds.
    private struct RareFields: Hashable, Sendable {
        var sharedWith: [String] = []
        var usedIn: [String] = []
        var exposures: [Exposure] = []
        var task: AgentTask?
        var origin: RecordOrigin?

        var isEmpty: Bool { sharedWith.isEmpty && usedIn.isEmpty && exposures.isEmpty && task == nil && origin == nil }
    }

    /// The rare fields, shared between copies until one of them changes, and equal by value.
    /// Changed only through the accessors above, after ``uniqueRare()``, so no two accesses
    /// to one box overlap.
    private final class RareBox: Hashable, @unchecked Sendable {
        @exclusivity(unchecked) var fields: RareFields
        init(_ fields: RareFields) { self.fields = fields }
        static func == (lhs: RareBox, rhs: RareBox) -> Bool { lhs === rhs || lhs.fields == rhs.fields }
        func hash(into hasher: inout Hasher) { hasher.combine(fields) }
    }

    /// This value's own box, for a change: a new one, or a copy of a shared one.
    private mutating func uniqueRare() -> RareBox {
        if isKnownUniquelyReferenced(&rare), let box = rare { return box }
        let box = RareBox(rare?.fields ?? RareFields())
        rare = box
        return box
    }

    /// Keeps ``rare`` nil when it holds nothing, so that equal credentials are equal field by field.
    private mutating func dropRareIfEmpty() {
        if rare?.fields.isEmpty == true { rare = nil }
    }

    public init(
        id: String,
        type: CredentialType,
        status: LifecycleStatus = .active,
        created: Timestamp? = nil,
        lastRotated: Timestamp? = nil,
        expires: Timestamp? = nil,
        lastUsed: Timestamp? = nil,
        revoked: Timestamp? = nil,
        ttlSeconds: Int64? = nil,
        storage: SecretStorage? = nil,
        sharedWith: [String] = [],
        usedIn: [String] = [],
        exposures: [Exposure] = [],
        task: AgentTask? = nil
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.created = created
        self.lastRotated = lastRotated
        self.expires = expires
        self.lastUsed = lastUsed
        self.revoked = revoked
        self.ttlSeconds = ttlSeconds
        self.storage = storage
        let rare = RareFields(sharedWith: sharedWith, usedIn: usedIn, exposures: exposures, task: task)
        self.rare = rare.isEmpty ? nil : RareBox(rare)
    }

    /// When the current secret value was issued: its last rotation, else its creation.
    public var issued: Timestamp? { lastRotated ?? created }
}

/// The sort of credential. Open: unknown types are kept as written.
public struct CredentialType: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let apiKey = CredentialType(rawValue: "api-key")
    public static let accessKey = CredentialType(rawValue: "access-key")
    public static let clientSecret = CredentialType(rawValue: "client-secret")
    public static let password = CredentialType(rawValue: "password")
    public static let sshKey = CredentialType(rawValue: "ssh-key")
    public static let privateKey = CredentialType(rawValue: "private-key")
    public static let sharedSecret = CredentialType(rawValue: "shared-secret")
    public static let connectionString = CredentialType(rawValue: "connection-string")
    public static let webhookSecret = CredentialType(rawValue: "webhook-secret")
    public static let token = CredentialType(rawValue: "token")
    public static let federatedToken = CredentialType(rawValue: "federated-token")
    public static let sessionToken = CredentialType(rawValue: "session-token")
    public static let refreshToken = CredentialType(rawValue: "refresh-token")
    public static let certificate = CredentialType(rawValue: "certificate")

    /// Long-lived secrets whose value can be copied and reused: the risky kind.
    public var isStaticSecret: Bool {
        switch self {
        case .apiKey, .accessKey, .clientSecret, .password, .sshKey, .privateKey, .sharedSecret, .connectionString,
            .webhookSecret, .refreshToken:
            return true
        default:
            return false
        }
    }

    /// Tokens issued per use with a time to live.
    public var isShortLivedToken: Bool {
        self == .token || self == .federatedToken || self == .sessionToken
    }

    public static let known: [CredentialType] = [
        .apiKey, .accessKey, .clientSecret, .password, .sshKey, .privateKey, .sharedSecret, .connectionString,
        .webhookSecret, .token, .federatedToken, .sessionToken, .refreshToken, .certificate,
    ]
}

/// Where a credential's value is kept. Open: unknown locations are kept as written.
public struct SecretStorage: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let vault = SecretStorage(rawValue: "vault")
    public static let secretManager = SecretStorage(rawValue: "secret-manager")
    public static let environmentVariable = SecretStorage(rawValue: "env-var")
    public static let code = SecretStorage(rawValue: "code")
    public static let config = SecretStorage(rawValue: "config")
    public static let ciVariable = SecretStorage(rawValue: "ci-variable")
    public static let prompt = SecretStorage(rawValue: "prompt")
    public static let ticket = SecretStorage(rawValue: "ticket")
    public static let log = SecretStorage(rawValue: "log")
    public static let platform = SecretStorage(rawValue: "platform")

    public static let known: [SecretStorage] = [
        .vault, .secretManager, .environmentVariable, .code, .config, .ciVariable, .prompt, .ticket, .log, .platform,
    ]
}

/// A detection of a credential outside where it belongs (a public repository, a log, a paste site).
public struct Exposure: Hashable, Sendable {
    public var detected: Timestamp?
    public var source: String?
    public var location: String?

    public init(detected: Timestamp? = nil, source: String? = nil, location: String? = nil) {
        self.detected = detected
        self.source = source
        self.location = location
    }
}

/// The unit of agent work a task-scoped credential was issued for.
public struct AgentTask: Hashable, Sendable {
    public var id: String
    public var ended: Timestamp?

    public init(id: String, ended: Timestamp? = nil) {
        self.id = id
        self.ended = ended
    }
}
