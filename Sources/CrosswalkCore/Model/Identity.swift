/// One non-human identity: an AI agent, service account, workload or managed identity, API client,
/// OAuth app, CI job or bot, with the roles it is bound to and the credentials it holds.
///
/// A value type whose fields live in one shared, copy-on-write box: copying an identity (every
/// control loops over identities) retains one reference instead of each of its strings and
/// lists, and the first change to a shared copy copies the box.
public struct Identity: Hashable, Sendable {
    /// The identity's fields, declared so that the small ones pack together: 16-byte fields,
    /// then references, then timestamps, flags and the ordinal (one box per identity).
    private struct Fields: Hashable {
        var id: String
        var name: String
        var kind: IdentityKind
        var platform: String?
        var environment: String?
        var owner: String?
        var trustZone: String?
        var status: LifecycleStatus
        var spawnedBy: String?
        var authentication: AuthenticationMethod?
        var tools: [String]?
        var roleBindings: [RoleBinding]
        var tags: [Tag]
        var credentials: [Credential]
        /// Imported identities only: boxed, so the native format's identities spend 8 bytes on it.
        var originBox: OriginBox?
        var created: Timestamp?
        var lastUsed: Timestamp?
        var lastReviewed: Timestamp?
        var interactiveUse: Bool?
        var sharedAccount: Bool?
        var thirdParty: Bool
        var unreported: UnreportedFields
        var ordinal: Int32
    }

    /// The fields, shared between copies until one of them changes. Not checked for exclusive
    /// access at run time: a box is changed only through `Identity`'s accessors, after
    /// `makeUnique()`, so no two accesses to one box overlap; the checks showed in profiles of
    /// every run.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// An imported identity's origin, never changed in place (a change replaces the box).
    private final class OriginBox: Hashable, Sendable {
        let value: RecordOrigin
        init(_ value: RecordOrigin) { self.value = value }
        static func == (lhs: OriginBox, rhs: OriginBox) -> Bool { lhs.value == rhs.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }

    /// Gives this value a box of its own before a change, when the box is shared.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    public var id: String {
        get { storage.fields.id }
        _modify {
            makeUnique()
            yield &storage.fields.id
        }
    }
    public var name: String {
        get { storage.fields.name }
        _modify {
            makeUnique()
            yield &storage.fields.name
        }
    }
    public var kind: IdentityKind {
        get { storage.fields.kind }
        _modify {
            makeUnique()
            yield &storage.fields.kind
        }
    }
    public var platform: String? {
        get { storage.fields.platform }
        _modify {
            makeUnique()
            yield &storage.fields.platform
        }
    }
    public var environment: String? {
        get { storage.fields.environment }
        _modify {
            makeUnique()
            yield &storage.fields.environment
        }
    }
    public var owner: String? {
        get { storage.fields.owner }
        _modify {
            makeUnique()
            yield &storage.fields.owner
        }
    }
    public var trustZone: String? {
        get { storage.fields.trustZone }
        _modify {
            makeUnique()
            yield &storage.fields.trustZone
        }
    }
    public var status: LifecycleStatus {
        get { storage.fields.status }
        _modify {
            makeUnique()
            yield &storage.fields.status
        }
    }
    public var created: Timestamp? {
        get { storage.fields.created }
        _modify {
            makeUnique()
            yield &storage.fields.created
        }
    }
    public var lastUsed: Timestamp? {
        get { storage.fields.lastUsed }
        _modify {
            makeUnique()
            yield &storage.fields.lastUsed
        }
    }
    /// The identity (usually an agent) that created or delegated to this one.
    public var spawnedBy: String? {
        get { storage.fields.spawnedBy }
        _modify {
            makeUnique()
            yield &storage.fields.spawnedBy
        }
    }
    public var authentication: AuthenticationMethod? {
        get { storage.fields.authentication }
        _modify {
            makeUnique()
            yield &storage.fields.authentication
        }
    }
    /// Whether people have logged in interactively as this identity; nil when unknown.
    public var interactiveUse: Bool? {
        get { storage.fields.interactiveUse }
        _modify {
            makeUnique()
            yield &storage.fields.interactiveUse
        }
    }
    /// Whether several people or systems share this identity's login (e.g. a team mailbox).
    public var sharedAccount: Bool? {
        get { storage.fields.sharedAccount }
        _modify {
            makeUnique()
            yield &storage.fields.sharedAccount
        }
    }
    /// True for identities that a third party (an integration vendor) controls.
    public var thirdParty: Bool {
        get { storage.fields.thirdParty }
        _modify {
            makeUnique()
            yield &storage.fields.thirdParty
        }
    }
    public var lastReviewed: Timestamp? {
        get { storage.fields.lastReviewed }
        _modify {
            makeUnique()
            yield &storage.fields.lastReviewed
        }
    }
    /// Tools an agent may call; nil when the inventory does not say.
    public var tools: [String]? {
        get { storage.fields.tools }
        _modify {
            makeUnique()
            yield &storage.fields.tools
        }
    }
    public var roleBindings: [RoleBinding] {
        get { storage.fields.roleBindings }
        _modify {
            makeUnique()
            yield &storage.fields.roleBindings
        }
    }
    /// Tags sorted by key.
    public var tags: [Tag] {
        get { storage.fields.tags }
        _modify {
            makeUnique()
            yield &storage.fields.tags
        }
    }
    public var credentials: [Credential] {
        get { storage.fields.credentials }
        _modify {
            makeUnique()
            yield &storage.fields.credentials
        }
    }
    /// Where an imported identity was read; nil for the native inventory format, whose
    /// diagnostics already name file and line.
    public var origin: RecordOrigin? {
        get { storage.fields.originBox?.value }
        set {
            makeUnique()
            storage.fields.originBox = newValue.map(OriginBox.init)
        }
    }
    /// Fields the identity's source cannot tell (see ``UnreportedFields``); empty for the native
    /// format, where an absent field means the organisation recorded none.
    public var unreported: UnreportedFields {
        get { storage.fields.unreported }
        _modify {
            makeUnique()
            yield &storage.fields.unreported
        }
    }
    /// The identity's position in the run's input order, counted from 0 across all inventory
    /// files; set by the evaluate stage (-1 until then). Results and identity sets refer to
    /// identities by it.
    public var ordinal: Int32 {
        get { storage.fields.ordinal }
        _modify {
            makeUnique()
            yield &storage.fields.ordinal
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
            Fields(
                id: id,
                name: name,
                kind: kind,
                platform: platform,
                environment: environment,
                owner: owner,
                trustZone: trustZone,
                status: status,
                spawnedBy: spawnedBy,
                authentication: authentication,
                tools: tools,
                roleBindings: roleBindings,
                tags: tags,
                credentials: credentials,
                originBox: nil,
                created: created,
                lastUsed: lastUsed,
                lastReviewed: lastReviewed,
                interactiveUse: interactiveUse,
                sharedAccount: sharedAccount,
                thirdParty: thirdParty,
                unreported: [],
                ordinal: -1
            )
        )
    }

    public static func == (lhs: Identity, rhs: Identity) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    public var isAgent: Bool { kind == .agent }

    /// OAuth apps and identities marked `third_party`.
    public var isThirdParty: Bool { thirdParty || kind == .oauthApp }

    /// The UTF-8 of the text an identity-table row shows, read in place.
    struct RowText {
        let id: UnsafeBufferPointer<UInt8>
        let name: UnsafeBufferPointer<UInt8>
        let platform: UnsafeBufferPointer<UInt8>?
        let owner: UnsafeBufferPointer<UInt8>?
    }

    /// Calls `body` with the identity's id, name, platform and owner as UTF-8, without retaining
    /// any of the strings. The JSON and XML exporters write the identity table side by side, and
    /// retaining the same strings from two cores made every row wait for the other core's cache.
    ///
    /// The box is reached through a pointer so that the strings are borrowed where they are;
    /// nothing is written (`withUTF8` changes only a string not stored as UTF-8, and this runtime
    /// stores every string as UTF-8).
    func withRowText<Result>(_ body: (RowText) throws -> Result) rethrows -> Result {
        try withUnsafeMutablePointer(to: &storage.fields) { fields in
            try fields.pointee.id.withUTF8 { id in
                try fields.pointee.name.withUTF8 { name in
                    try Self.withUTF8(of: &fields.pointee.platform) { platform in
                        try Self.withUTF8(of: &fields.pointee.owner) { owner in
                            try body(RowText(id: id, name: name, platform: platform, owner: owner))
                        }
                    }
                }
            }
        }
    }

    private static func withUTF8<Result>(
        of text: inout String?,
        _ body: (UnsafeBufferPointer<UInt8>?) throws -> Result
    ) rethrows -> Result {
        // `text?` reaches the string in place: it is borrowed, not copied.
        if let result = try text?.withUTF8({ try body($0) }) { return result }
        return try body(nil)
    }
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
