/// What sort of non-human identity a record describes. Open: unknown kinds are kept as written.
public struct IdentityKind: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let agent = IdentityKind(rawValue: "agent")
    public static let serviceAccount = IdentityKind(rawValue: "service-account")
    public static let workloadIdentity = IdentityKind(rawValue: "workload-identity")
    public static let managedIdentity = IdentityKind(rawValue: "managed-identity")
    public static let apiClient = IdentityKind(rawValue: "api-client")
    public static let oauthApp = IdentityKind(rawValue: "oauth-app")
    public static let ciJob = IdentityKind(rawValue: "ci-job")
    public static let bot = IdentityKind(rawValue: "bot")

    /// The kinds the documentation describes; others load with a warning.
    public static let known: [IdentityKind] = [
        .agent, .serviceAccount, .workloadIdentity, .managedIdentity, .apiClient, .oauthApp, .ciJob, .bot,
    ]

    public static func < (lhs: IdentityKind, rhs: IdentityKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How an identity proves who it is. Open: unknown methods are kept as written.
public struct AuthenticationMethod: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let managedIdentity = AuthenticationMethod(rawValue: "managed-identity")
    public static let workloadIdentity = AuthenticationMethod(rawValue: "workload-identity")
    public static let federated = AuthenticationMethod(rawValue: "federated")
    public static let certificate = AuthenticationMethod(rawValue: "certificate")
    public static let staticSecret = AuthenticationMethod(rawValue: "static-secret")
    public static let apiKey = AuthenticationMethod(rawValue: "api-key")
    public static let password = AuthenticationMethod(rawValue: "password")
    public static let clientSecret = AuthenticationMethod(rawValue: "client-secret")

    /// Methods where the platform vouches for the workload and issues short-lived credentials.
    public var isPlatformManaged: Bool {
        self == .managedIdentity || self == .workloadIdentity || self == .federated
    }

    /// Methods that rest on a long-lived shared secret.
    public var isStaticSecret: Bool {
        self == .staticSecret || self == .apiKey || self == .password || self == .clientSecret
    }

    public static let known: [AuthenticationMethod] = [
        .managedIdentity, .workloadIdentity, .federated, .certificate, .staticSecret, .apiKey, .password,
        .clientSecret,
    ]
}

/// Lifecycle state of an identity or credential as the source system reports it.
public struct LifecycleStatus: RawRepresentable, Hashable, Sendable {
    public var rawValue: String { didSet { code = Self.code(of: rawValue) } }
    /// The status's position in ``known`` plus one, 0 for a status Crosswalk does not know.
    /// Worked out once, when the status is read: controls ask whether each identity and each
    /// credential is active, and each question compared the status's text with four others.
    private var code: UInt8

    public init(rawValue: String) {
        self.rawValue = rawValue
        code = Self.code(of: rawValue)
    }

    private static func code(of rawValue: String) -> UInt8 {
        switch rawValue {
        case "active": 1
        case "disabled": 2
        case "revoked": 3
        case "deleted": 4
        case "expired": 5
        default: 0
        }
    }

    public static func == (lhs: LifecycleStatus, rhs: LifecycleStatus) -> Bool {
        lhs.code == rhs.code && (lhs.code != 0 || lhs.rawValue == rhs.rawValue)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public static let active = LifecycleStatus(rawValue: "active")
    public static let disabled = LifecycleStatus(rawValue: "disabled")
    public static let revoked = LifecycleStatus(rawValue: "revoked")
    public static let deleted = LifecycleStatus(rawValue: "deleted")
    public static let expired = LifecycleStatus(rawValue: "expired")

    /// True unless the record is disabled, revoked, deleted or expired.
    public var isActive: Bool {
        !(2...5).contains(code)
    }

    public static let known: [LifecycleStatus] = [.active, .disabled, .revoked, .deleted, .expired]
}
