/// A credential an identity holds: its kind, life cycle, where it is stored and who else has it.
///
/// Only metadata is kept. A credential's value is dropped when the inventory is loaded.
public struct Credential: Hashable, Sendable {
    /// Every field, in one box shared between copies until one of them changes. Every control
    /// that reads credentials copies each one as it goes through an identity's list; a copy of
    /// the fields retained and released each of their references, a copy of the box retains one.
    private struct Fields: Hashable, Sendable {
        var id: String
        var type: CredentialType
        var status: LifecycleStatus
        var created: Timestamp?
        var lastRotated: Timestamp?
        var expires: Timestamp?
        var lastUsed: Timestamp?
        var revoked: Timestamp?
        var ttlSeconds: Int64?
        var storage: SecretStorage?
        /// What few credentials have, in a box of its own (nil when none of it is set), so that the
        /// common credential's box stays small.
        var rare: RareBox?
    }

    /// The fields' box. Not checked for exclusive access at run time: it is changed only through
    /// the accessors below, after ``makeUnique()``, so no two accesses to one box overlap.
    private final class Box: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Gives this value a box of its own before a change, when the box is shared.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }
    public var id: String {
        get { box.fields.id }
        _modify {
            makeUnique()
            yield &box.fields.id
        }
    }
    public var type: CredentialType {
        get { box.fields.type }
        _modify {
            makeUnique()
            yield &box.fields.type
        }
    }
    public var status: LifecycleStatus {
        get { box.fields.status }
        _modify {
            makeUnique()
            yield &box.fields.status
        }
    }
    public var created: Timestamp? {
        get { box.fields.created }
        _modify {
            makeUnique()
            yield &box.fields.created
        }
    }
    public var lastRotated: Timestamp? {
        get { box.fields.lastRotated }
        _modify {
            makeUnique()
            yield &box.fields.lastRotated
        }
    }
    public var expires: Timestamp? {
        get { box.fields.expires }
        _modify {
            makeUnique()
            yield &box.fields.expires
        }
    }
    public var lastUsed: Timestamp? {
        get { box.fields.lastUsed }
        _modify {
            makeUnique()
            yield &box.fields.lastUsed
        }
    }
    public var revoked: Timestamp? {
        get { box.fields.revoked }
        _modify {
            makeUnique()
            yield &box.fields.revoked
        }
    }
    /// Lifetime of each issued token, for short-lived credentials.
    public var ttlSeconds: Int64? {
        get { box.fields.ttlSeconds }
        _modify {
            makeUnique()
            yield &box.fields.ttlSeconds
        }
    }
    public var storage: SecretStorage? {
        get { box.fields.storage }
        _modify {
            makeUnique()
            yield &box.fields.storage
        }
    }
    /// Ids of other identities that hold the same credential.
    public var sharedWith: [String] {
        get { box.fields.rare?.fields.sharedWith ?? [] }
        _modify {
            let rare = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &rare.fields.sharedWith
        }
    }
    /// Environments the credential was seen in, beyond its identity's own.
    public var usedIn: [String] {
        get { box.fields.rare?.fields.usedIn ?? [] }
        _modify {
            let rare = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &rare.fields.usedIn
        }
    }
    public var exposures: [Exposure] {
        get { box.fields.rare?.fields.exposures ?? [] }
        _modify {
            let rare = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &rare.fields.exposures
        }
    }
    /// The agent task this credential was issued for, if it is task-scoped.
    public var task: AgentTask? {
        get { box.fields.rare?.fields.task }
        _modify {
            let rare = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &rare.fields.task
        }
    }
    /// Where an imported credential was read, when it differs from its identity's record (an
    /// access key from a credential report row, a token Secret); nil otherwise.
    public var origin: RecordOrigin? {
        get { box.fields.rare?.fields.origin }
        _modify {
            let rare = uniqueRare()
            defer { dropRareIfEmpty() }
            yield &rare.fields.origin
        }
    }

    /// The fields ``Fields/rare`` holds.
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

    /// This value's own box of rare fields, for a change: a new one, or a copy of a shared one.
    private mutating func uniqueRare() -> RareBox {
        makeUnique()
        if isKnownUniquelyReferenced(&box.fields.rare), let rare = box.fields.rare { return rare }
        let rare = RareBox(box.fields.rare?.fields ?? RareFields())
        box.fields.rare = rare
        return rare
    }

    /// Keeps the rare fields nil when they hold nothing, so that equal credentials are equal
    /// field by field.
    private mutating func dropRareIfEmpty() {
        if box.fields.rare?.fields.isEmpty == true { box.fields.rare = nil }
    }

    public static func == (lhs: Credential, rhs: Credential) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
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
        let rare = RareFields(sharedWith: sharedWith, usedIn: usedIn, exposures: exposures, task: task)
        box = Box(
            Fields(
                id: id,
                type: type,
                status: status,
                created: created,
                lastRotated: lastRotated,
                expires: expires,
                lastUsed: lastUsed,
                revoked: revoked,
                ttlSeconds: ttlSeconds,
                storage: storage,
                rare: rare.isEmpty ? nil : RareBox(rare)
            )
        )
    }

    /// When the current secret value was issued: its last rotation, else its creation.
    public var issued: Timestamp? { lastRotated ?? created }
}

/// The sort of credential. Open: unknown types are kept as written.
public struct CredentialType: RawRepresentable, Hashable, Sendable {
    public var rawValue: String { didSet { code = Self.code(of: rawValue) } }
    /// The type's position in ``known`` plus one, 0 for a type Crosswalk does not know. Worked out
    /// once, when the type is read: every credential control asks what kind of credential it
    /// judges, and each question compared the type's text with several known ones.
    private var code: UInt8

    public init(rawValue: String) {
        self.rawValue = rawValue
        code = Self.code(of: rawValue)
    }

    private static func code(of rawValue: String) -> UInt8 {
        switch rawValue {
        case "api-key": 1
        case "access-key": 2
        case "client-secret": 3
        case "password": 4
        case "ssh-key": 5
        case "private-key": 6
        case "shared-secret": 7
        case "connection-string": 8
        case "webhook-secret": 9
        case "token": 10
        case "federated-token": 11
        case "session-token": 12
        case "refresh-token": 13
        case "certificate": 14
        default: 0
        }
    }

    public static func == (lhs: CredentialType, rhs: CredentialType) -> Bool {
        lhs.code == rhs.code && (lhs.code != 0 || lhs.rawValue == rhs.rawValue)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

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
    /// (`api-key`, `access-key`, `client-secret`, `password`, `ssh-key`, `private-key`,
    /// `shared-secret`, `connection-string`, `webhook-secret` and `refresh-token`.)
    public var isStaticSecret: Bool {
        (1...9).contains(code) || code == 13
    }

    /// Tokens issued per use with a time to live (`token`, `federated-token`, `session-token`).
    public var isShortLivedToken: Bool {
        (10...12).contains(code)
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
