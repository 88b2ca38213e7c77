/// One non-human identity: an AI agent, service account, workload or managed identity, API client,
/// OAuth app, CI job or bot, with the roles it is bound to and the credentials it holds.
///
/// A value type whose fields live in one shared, copy-on-write box: copying an identity (every
/// control loops over identities) retains one reference instead of each of its strings and
/// lists, and the first change to a shared copy copies the box.
public struct Identity: Hashable, Sendable {
    /// The fields, shared between copies until one of them changes.
    private final class Storage: @unchecked Sendable {
        // Declared so that the small fields pack together: 16-byte fields, then references,
        // then timestamps, flags and the ordinal (the instance is allocated once per identity).
        // Not checked for exclusive access at run time: a box is changed only through
        // `Identity`'s accessors, after `makeUnique()`, so no two accesses to one box overlap;
        // the checks showed in profiles of every run.
        @exclusivity(unchecked) var id: String
        @exclusivity(unchecked) var name: String
        @exclusivity(unchecked) var kind: IdentityKind
        @exclusivity(unchecked) var platform: String?
        @exclusivity(unchecked) var environment: String?
        @exclusivity(unchecked) var owner: String?
        @exclusivity(unchecked) var trustZone: String?
        @exclusivity(unchecked) var status: LifecycleStatus
        @exclusivity(unchecked) var spawnedBy: String?
        @exclusivity(unchecked) var authentication: AuthenticationMethod?
        @exclusivity(unchecked) var tools: [String]?
        @exclusivity(unchecked) var roleBindings: [RoleBinding]
        @exclusivity(unchecked) var tags: [Tag]
        @exclusivity(unchecked) var credentials: [Credential]
        /// Imported identities only: boxed, so the native format's identities spend 8 bytes on it.
        @exclusivity(unchecked) var originBox: OriginBox?
        @exclusivity(unchecked) var created: Timestamp?
        @exclusivity(unchecked) var lastUsed: Timestamp?
        @exclusivity(unchecked) var lastReviewed: Timestamp?
        @exclusivity(unchecked) var interactiveUse: Bool?
        @exclusivity(unchecked) var sharedAccount: Bool?
        @exclusivity(unchecked) var thirdParty: Bool
        @exclusivity(unchecked) var unreported: UnreportedFields
        @exclusivity(unchecked) var ordinal: Int32

        init(
            id: String,
            name: String,
            kind: IdentityKind,
            platform: String?,
            environment: String?,
            owner: String?,
            trustZone: String?,
            status: LifecycleStatus,
            created: Timestamp?,
            lastUsed: Timestamp?,
            spawnedBy: String?,
            authentication: AuthenticationMethod?,
            interactiveUse: Bool?,
            sharedAccount: Bool?,
            thirdParty: Bool,
            lastReviewed: Timestamp?,
            tools: [String]?,
            roleBindings: [RoleBinding],
            tags: [Tag],
            credentials: [Credential],
            originBox: OriginBox?,
            unreported: UnreportedFields,
            ordinal: Int32
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
            self.originBox = originBox
            self.unreported = unreported
            self.ordinal = ordinal
        }

        func copy() -> Storage {
            Storage(
                id: id,
                name: name,
                kind: kind,
                platform: platform,
                environment: environment,
                owner: owner,
                trustZone: trustZone,
                status: status,
                created: created,
                lastUsed: lastUsed,
                spawnedBy: spawnedBy,
                authentication: authentication,
                interactiveUse: interactiveUse,
                sharedAccount: sharedAccount,
                thirdParty: thirdParty,
                lastReviewed: lastReviewed,
                tools: tools,
                roleBindings: roleBindings,
                tags: tags,
                credentials: credentials,
                originBox: originBox,
                unreported: unreported,
                ordinal: ordinal
            )
        }
    }

    private var storage: Storage

    /// An imported identity's origin, never changed in place (a change replaces the box).
    private final class OriginBox: Sendable {
        let value: RecordOrigin
        init(_ value: RecordOrigin) { self.value = value }
    }

    /// Gives this value a box of its own before a change, when the box is shared.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public var id: String {
        get { storage.id }
        _modify {
            makeUnique()
            yield &storage.id
        }
    }
    public var name: String {
        get { storage.name }
        _modify {
            makeUnique()
            yield &storage.name
        }
    }
    public var kind: IdentityKind {
        get { storage.kind }
        _modify {
            makeUnique()
            yield &storage.kind
        }
    }
    public var platform: String? {
        get { storage.platform }
        _modify {
            makeUnique()
            yield &storage.platform
        }
    }
    public var environment: String? {
        get { storage.environment }
        _modify {
            makeUnique()
            yield &storage.environment
        }
    }
    public var owner: String? {
        get { storage.owner }
        _modify {
            makeUnique()
            yield &storage.owner
        }
    }
    public var trustZone: String? {
        get { storage.trustZone }
        _modify {
            makeUnique()
            yield &storage.trustZone
        }
    }
    public var status: LifecycleStatus {
        get { storage.status }
        _modify {
            makeUnique()
            yield &storage.status
        }
    }
    public var created: Timestamp? {
        get { storage.created }
        _modify {
            makeUnique()
            yield &storage.created
        }
    }
    public var lastUsed: Timestamp? {
        get { storage.lastUsed }
        _modify {
            makeUnique()
            yield &storage.lastUsed
        }
    }
    /// The identity (usually an agent) that created or delegated to this one.
    public var spawnedBy: String? {
        get { storage.spawnedBy }
        _modify {
            makeUnique()
            yield &storage.spawnedBy
        }
    }
    public var authentication: AuthenticationMethod? {
        get { storage.authentication }
        _modify {
            makeUnique()
            yield &storage.authentication
        }
    }
    /// Whether people have logged in interactively as this identity; nil when unknown.
    public var interactiveUse: Bool? {
        get { storage.interactiveUse }
        _modify {
            makeUnique()
            yield &storage.interactiveUse
        }
    }
    /// Whether several people or systems share this identity's login (e.g. a team mailbox).
    public var sharedAccount: Bool? {
        get { storage.sharedAccount }
        _modify {
            makeUnique()
            yield &storage.sharedAccount
        }
    }
    /// True for identities that a third party (an integration vendor) controls.
    public var thirdParty: Bool {
        get { storage.thirdParty }
        _modify {
            makeUnique()
            yield &storage.thirdParty
        }
    }
    public var lastReviewed: Timestamp? {
        get { storage.lastReviewed }
        _modify {
            makeUnique()
            yield &storage.lastReviewed
        }
    }
    /// Tools an agent may call; nil when the inventory does not say.
    public var tools: [String]? {
        get { storage.tools }
        _modify {
            makeUnique()
            yield &storage.tools
        }
    }
    public var roleBindings: [RoleBinding] {
        get { storage.roleBindings }
        _modify {
            makeUnique()
            yield &storage.roleBindings
        }
    }
    /// Tags sorted by key.
    public var tags: [Tag] {
        get { storage.tags }
        _modify {
            makeUnique()
            yield &storage.tags
        }
    }
    public var credentials: [Credential] {
        get { storage.credentials }
        _modify {
            makeUnique()
            yield &storage.credentials
        }
    }
    /// Where an imported identity was read; nil for the native inventory format, whose
    /// diagnostics already name file and line.
    public var origin: RecordOrigin? {
        get { storage.originBox?.value }
        set {
            makeUnique()
            storage.originBox = newValue.map(OriginBox.init)
        }
    }
    /// Fields the identity's source cannot tell (see ``UnreportedFields``); empty for the native
    /// format, where an absent field means the organisation recorded none.
    public var unreported: UnreportedFields {
        get { storage.unreported }
        _modify {
            makeUnique()
            yield &storage.unreported
        }
    }
    /// The identity's position in the run's input order, counted from 0 across all inventory
    /// files; set by the evaluate stage (-1 until then). Results and identity sets refer to
    /// identities by it.
    public var ordinal: Int32 {
        get { storage.ordinal }
        _modify {
            makeUnique()
            yield &storage.ordinal
        }
    }

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
        storage = Storage(
            id: id,
            name: name,
            kind: kind,
            platform: platform,
            environment: environment,
            owner: owner,
            trustZone: trustZone,
            status: status,
            created: created,
            lastUsed: lastUsed,
            spawnedBy: spawnedBy,
            authentication: authentication,
            interactiveUse: interactiveUse,
            sharedAccount: sharedAccount,
            thirdParty: thirdParty,
            lastReviewed: lastReviewed,
            tools: tools,
            roleBindings: roleBindings,
            tags: tags,
            credentials: credentials,
            originBox: nil,
            unreported: [],
            ordinal: -1
        )
    }

    public static func == (lhs: Identity, rhs: Identity) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let (l, r) = (lhs.storage, rhs.storage)
        return l.id == r.id
            && l.name == r.name
            && l.kind == r.kind
            && l.platform == r.platform
            && l.environment == r.environment
            && l.owner == r.owner
            && l.trustZone == r.trustZone
            && l.status == r.status
            && l.created == r.created
            && l.lastUsed == r.lastUsed
            && l.spawnedBy == r.spawnedBy
            && l.authentication == r.authentication
            && l.interactiveUse == r.interactiveUse
            && l.sharedAccount == r.sharedAccount
            && l.thirdParty == r.thirdParty
            && l.lastReviewed == r.lastReviewed
            && l.tools == r.tools
            && l.roleBindings == r.roleBindings
            && l.tags == r.tags
            && l.credentials == r.credentials
            && l.originBox?.value == r.originBox?.value
            && l.unreported == r.unreported
            && l.ordinal == r.ordinal
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.id)
        hasher.combine(storage.name)
        hasher.combine(storage.kind)
        hasher.combine(storage.platform)
        hasher.combine(storage.environment)
        hasher.combine(storage.owner)
        hasher.combine(storage.trustZone)
        hasher.combine(storage.status)
        hasher.combine(storage.created)
        hasher.combine(storage.lastUsed)
        hasher.combine(storage.spawnedBy)
        hasher.combine(storage.authentication)
        hasher.combine(storage.interactiveUse)
        hasher.combine(storage.sharedAccount)
        hasher.combine(storage.thirdParty)
        hasher.combine(storage.lastReviewed)
        hasher.combine(storage.tools)
        hasher.combine(storage.roleBindings)
        hasher.combine(storage.tags)
        hasher.combine(storage.credentials)
        hasher.combine(storage.originBox?.value)
        hasher.combine(storage.unreported)
        hasher.combine(storage.ordinal)
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
