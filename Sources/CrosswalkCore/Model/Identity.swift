/// One non-human identity: an AI agent, service account, workload or managed identity, API client,
/// OAuth app, CI job or bot, with the roles it is bound to and the credentials it holds.
public struct Identity: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: IdentityKind
    public var platform: String?
    public var environment: String?
    public var owner: String?
    public var trustZone: String?
    public var status: LifecycleStatus
    public var created: Timestamp?
    public var lastUsed: Timestamp?
    /// The identity (usually an agent) that created or delegated to this one.
    public var spawnedBy: String?
    public var authentication: AuthenticationMethod?
    /// Whether people have logged in interactively as this identity; nil when unknown.
    public var interactiveUse: Bool?
    /// Whether several people or systems share this identity's login (e.g. a team mailbox).
    public var sharedAccount: Bool?
    /// True for identities that a third party (an integration vendor) controls.
    public var thirdParty: Bool
    public var lastReviewed: Timestamp?
    /// Tools an agent may call; nil when the inventory does not say.
    public var tools: [String]?
    public var roleBindings: [RoleBinding]
    /// Tags sorted by key.
    public var tags: [Tag]
    public var credentials: [Credential]
    /// Where an imported identity was read; nil for the native inventory format, whose
    /// diagnostics already name file and line.
    public var origin: RecordOrigin?
    /// Fields the identity's source cannot tell (see ``UnreportedFields``); empty for the native
    /// format, where an absent field means the organisation recorded none.
    public var unreported: UnreportedFields = []
    /// The identity's position in the run's input order, counted from 0 across all inventory
    /// files; set by the evaluate stage (-1 until then). Results and identity sets refer to
    /// identities by it.
    public var ordinal: Int32 = -1

    public init(
        id: String,
        name: String,
        kind: IdentityKind,
        platform: String? = nil,
        environment: String? = nil,
        owner: String? = nil,
        trustZone: String? = nil,
        status: LifecycleStatus = .active,
        created: Timestamp? = nil,
        lastUsed: Timestamp? = nil,
        spawnedBy: String? = nil,
        authentication: AuthenticationMethod? = nil,
        interactiveUse: Bool? = nil,
        sharedAccount: Bool? = nil,
        thirdParty: Bool = false,
        lastReviewed: Timestamp? = nil,
        tools: [String]? = nil,
        roleBindings: [RoleBinding] = [],
        tags: [Tag] = [],
        credentials: [Credential] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.platform = platform
        self.environment = environment
        self.owner = owner
        self.trustZone = trustZone
        self.status = status
        self.created = created
        self.lastUsed = lastUsed
        self.spawnedBy = spawnedBy
        self.authentication = authentication
        self.interactiveUse = interactiveUse
        self.sharedAccount = sharedAccount
        self.thirdParty = thirdParty
        self.lastReviewed = lastReviewed
        self.tools = tools
        self.roleBindings = roleBindings
        self.tags = tags
        self.credentials = credentials
    }

    public var isAgent: Bool { kind == .agent }

    /// OAuth apps and identities marked `third_party`.
    public var isThirdParty: Bool { thirdParty || kind == .oauthApp }
}

/// A key–value label on an identity. Both parts are untrusted text.
public struct Tag: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Grants a role to an identity, optionally limited to a scope (an account, project, namespace…).
public struct RoleBinding: Hashable, Sendable {
    public var role: String
    public var scope: String?
    /// The environment the scope belongs to, when it differs from the identity's own.
    public var environment: String?

    public init(role: String, scope: String? = nil, environment: String? = nil) {
        self.role = role
        self.scope = scope
        self.environment = environment
    }
}

/// A named set of permissions that identities are bound to.
public struct Role: Hashable, Sendable {
    public var id: String
    public var name: String
    public var platform: String?
    /// Permission patterns; `*` matches any run of characters.
    public var permissions: [String]
    /// Marked administrative in the source system.
    public var administrative: Bool

    public init(id: String, name: String, platform: String? = nil, permissions: [String], administrative: Bool = false)
    {
        self.id = id
        self.name = name
        self.platform = platform
        self.permissions = permissions
        self.administrative = administrative
    }
}

/// Whether an environment name denotes production. Anything else counts as non-production.
public enum EnvironmentClass: String, Sendable {
    case production
    case nonProduction = "non-production"

    public init(environment: String) {
        switch environment.lowercased() {
        case "production", "prod", "prd", "live":
            self = .production
        default:
            self = .nonProduction
        }
    }
}
